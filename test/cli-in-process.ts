import { Console } from 'node:console';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliOptions, CliRun } from './run-cli.js';

/**
 * Runs the built CLI (dist/, through oclif, as bin/run.js does) inside the
 * test process instead of a new one: a spawn costs about half a second of CPU
 * (node, oclif and mzform's modules loading), an in-process run a few
 * hundredths once the modules are loaded.
 *
 * Only for what a process proves nothing about: the output and the exit code
 * of a command. Everything that depends on the process itself (signals, stdin
 * and terminals, the environment the process starts with, an unknown command
 * or a crash outside a command) stays with `runCli`. What this cannot do the
 * same way it refuses, rather than answer differently: `input`, `onSpawn`.
 *
 * One run at a time (the environment and stdout are the process's): calls
 * queue. During a run, `process.env` is the run's environment, stdout and
 * stderr (and oclif's console.log / console.error) are captured, and signal
 * listeners the command adds are removed when it ends.
 */
export function runCliInProcess(args: readonly string[], options: Omit<CliOptions, 'onSpawn' | 'input' | 'timeoutMs'> & { readonly timeoutMs?: number } = {}): Promise<CliRun> {
  if ('input' in options || 'onSpawn' in options) throw new Error('runCliInProcess: stdin and the child process exist only in a real process: use runCli');
  const run = queue.then(() => runOnce(args, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

type Oclif = {
  run: (argv: string[], options: unknown) => Promise<unknown>;
  flush: (ms?: number) => Promise<void>;
  handle: (err: Error & { oclif?: { exit?: number } }) => Promise<void>;
  Exit: { exit: (code?: number) => void };
  config: unknown;
};
let oclif: Promise<Oclif> | undefined;

type EngineReuse = { reuseEngines(): void; closeIdleEngines(): Promise<void> };
let builtEngineReuse: EngineReuse | undefined;

/** Closes the idle engines of in-process `--emulator` runs (the end of a test file). */
export async function closeInProcessEngines(): Promise<void> {
  await builtEngineReuse?.closeIdleEngines();
}

function loadOclif(): Promise<Oclif> {
  oclif ??= (async () => {
    const core = await import('@oclif/core');
    const handle = await import('@oclif/core/handle');
    // The package root: oclif reads package.json and loads the bundled commands (dist/bundle/commands), as bin/run.js does.
    const config = await core.Config.load({ root: process.cwd() });
    // The built emulator (`--emulator`) is dist's own module, loaded by oclif's loader as the commands are (not the
    // one vitest loads from src/): it keeps its engines for the next run too (test/setup-engine-reuse.ts closes them).
    builtEngineReuse = (await core.ModuleLoader.load(config, join(process.cwd(), 'dist', 'emulator', 'engine-reuse.js'))) as EngineReuse;
    builtEngineReuse.reuseEngines();
    return { run: core.run as Oclif['run'], flush: core.flush, handle: handle.handle as Oclif['handle'], Exit: handle.Exit, config };
  })();
  return oclif;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function runOnce(args: readonly string[], options: Omit<CliOptions, 'onSpawn' | 'input'>): Promise<CliRun> {
  const { run, flush, handle, Exit, config } = await loadOclif();
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const out = sink((s) => (stdout += s));
  const err = sink((s) => (stderr += s));

  const savedEnv = { ...process.env };
  const savedConsole = globalThis.console;
  const savedWrite = { out: process.stdout.write, err: process.stderr.write };
  const savedExit = Exit.exit;
  const savedListeners = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const savedExitCode = process.exitCode;

  const base: Record<string, string | undefined> = options.cleanEnv ? { PATH: process.env.PATH ?? '' } : savedEnv;
  replaceEnv({ ...base, ...options.env });
  globalThis.console = new Console({ stdout: out, stderr: err });
  process.stdout.write = capturingWrite((text) => (stdout += text));
  process.stderr.write = capturingWrite((text) => (stderr += text));
  // oclif's error handler ends the process through this, after printing: here it only records the code.
  let exitedWith: number | undefined;
  Exit.exit = (code = 0) => {
    exitedWith ??= code;
  };

  let status = 0;
  try {
    await run([...args], config);
    await flush();
  } catch (error) {
    // What bin/run.js does with a failure (oclif's execute): print it unless it is an exit, then exit with its code.
    await handle(error as Error);
    status = exitedWith ?? 1;
  } finally {
    Exit.exit = savedExit;
    process.stdout.write = savedWrite.out;
    process.stderr.write = savedWrite.err;
    globalThis.console = savedConsole;
    replaceEnv(savedEnv);
    for (const signal of SIGNALS) for (const listener of process.listeners(signal)) if (!savedListeners.get(signal)!.has(listener)) process.removeListener(signal, listener);
    process.exitCode = savedExitCode;
  }
  return { status, stdout, stderr };
}

/** A stream's write that appends to the run's output instead, and calls the write's callback as a stream would. */
function capturingWrite(append: (text: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
}

/** process.env is kept as the same object (modules hold it), with exactly these variables. */
function replaceEnv(next: Record<string, string | undefined>): void {
  for (const key of Object.keys(process.env)) if (!(key in next)) delete process.env[key];
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
