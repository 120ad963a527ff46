import { spawn } from 'node:child_process';

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
}

/**
 * Runs the built CLI as a user does, asynchronously (an in-process emulator
 * keeps answering while it runs). `env` replaces the test process's secret
 * variables; `onSpawn` sees the child, to send it signals.
 */
export function mzform(args: readonly string[], env: Record<string, string | undefined> = {}, onSpawn?: (child: ReturnType<typeof spawn>) => void, timeoutMs = 60_000): Promise<CliRun> {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete base.MZFORM_FINGERPRINT_KEY;
  delete base.MZFORM_URL;
  const child = spawn(process.execPath, ['bin/run.js', ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  onSpawn?.(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, out });
    });
  });
}
