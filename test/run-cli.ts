import { type ChildProcess, spawn } from 'node:child_process';

export interface CliRun {
  /** The exit code, or null when the process was killed (timeout, signal). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Added to the test process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Replaces the environment instead (PATH is kept). */
  readonly cleanEnv?: boolean;
  readonly input?: string;
  readonly timeoutMs?: number;
  /** Sees the child once started, e.g. to send it a signal when its output says so. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/**
 * Runs the built CLI (`node bin/run.js ...`) as a user does, without
 * blocking: a test worker reports to vitest over RPC and must keep its event
 * loop turning, so a test never waits for a child synchronously (a run of
 * `spawnSync` calls on a loaded machine held one worker for minutes and
 * vitest failed with "Timeout calling onTaskUpdate").
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const base = options.cleanEnv ? { PATH: process.env.PATH ?? '' } : process.env;
  const child = spawn(process.execPath, ['bin/run.js', ...args], {
    env: { ...base, ...options.env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (options.input !== undefined) child.stdin?.end(options.input);
  options.onSpawn?.(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export { runCliInProcess } from './cli-in-process.js';
