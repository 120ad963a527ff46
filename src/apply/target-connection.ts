import { connect, type Database } from '../db/index.js';
import { openEmulator } from '../pipeline/emulator-target.js';

export interface TargetOptions {
  /** --url; falls back to MZFORM_URL and the PG* variables. */
  readonly url?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** An in-process emulator instead of a server: empty, or loaded from (and saved to) `stateFile`. */
  readonly emulator?: { readonly stateFile?: string };
  readonly debug?: (line: string) => void;
  /** Per query or statement; the db layer's default (5 minutes) when absent, 0 for none. */
  readonly statementTimeoutMs?: number;
  /** Secret values removed from every server message (all the manifest declares). */
  readonly redact?: readonly string[];
}

/**
 * Where apply sends its statements. It can connect more than once: when a
 * connection drops mid-apply, the lock must still be released and the
 * outputs read, over a new connection.
 */
export interface ApplyTarget {
  connect(): Promise<Database>;
  close(): Promise<void>;
}

export async function openApplyTarget(options: TargetOptions): Promise<ApplyTarget> {
  const debug = {
    ...(options.debug ? { debug: options.debug } : {}),
    ...(options.statementTimeoutMs !== undefined ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    ...(options.redact !== undefined ? { redact: options.redact } : {}),
  };
  if (options.emulator) {
    const emulator = await openEmulator({ ...options.emulator, writeState: true });
    return {
      connect: () => connect({ url: emulator.url, env: {}, ...debug }),
      close: () => emulator.stop(),
    };
  }
  return {
    connect: () => connect({ ...(options.url !== undefined ? { url: options.url } : {}), env: options.env, ...debug }),
    close: async () => {},
  };
}
