import type { ChildProcess } from 'node:child_process';
import { runCli } from '../run-cli.js';

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
