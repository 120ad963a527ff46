import type { ChildProcess } from 'node:child_process';
import { runCli, runCliInProcess } from '../run-cli.js';

export interface MzformRun {
  /** The exit code, or null when the process was killed. */
  readonly status: number | null;
  /** stdout, then stderr. */
  readonly out: string;
}

/**
 * The built CLI as a user runs it, with only the given secret variables:
 * the fingerprint key and the URL of the test process are cleared.
 */
export async function mzform(args: readonly string[], env: Record<string, string> = {}, onSpawn?: (child: ChildProcess) => void, timeoutMs = 60_000): Promise<MzformRun> {
  const r = await runCli(args, { env: { NO_COLOR: '1', MZFORM_FINGERPRINT_KEY: '', MZFORM_URL: '', ...env }, timeoutMs, ...(onSpawn ? { onSpawn } : {}) });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * The same command in the test process (test/cli-in-process.ts), for tests
 * that read only output and exit code: the same bytes as a separate process,
 * without half a second of start-up per run. Signals, timeouts and anything
 * else the process itself does stay with `mzform`.
 */
export async function mzformInProcess(args: readonly string[], env: Record<string, string> = {}): Promise<MzformRun> {
  const r = await runCliInProcess(args, { env: { NO_COLOR: '1', MZFORM_FINGERPRINT_KEY: '', MZFORM_URL: '', ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
