import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../run-cli.js';

/** `mzform emulator` as a user runs it: started, used over TCP, then stopped with a signal. */
interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly port: number;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and how long it took after `kill`. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

async function serve(args: readonly string[]): Promise<Served> {
  const child = spawn(process.execPath, ['bin/run.js', 'emulator', '--port', '0', ...args]);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`the emulator exited with ${code}: ${output}`)));
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    output: () => output,
    async stop(signal) {
      const t0 = performance.now();
      child.kill(signal);
      // A process that ignores the signal is killed after a minute, so that a failing test leaves nothing behind.
      const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(guard);
      return { code, ms: performance.now() - t0 };
    },
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mzform-emulator-cmd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mzform emulator', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('ends promptly on %s while a delayed statement is pending, and saves its state', async (signal) => {
    const config = join(dir, `latency-${signal}.json`);
    const state = join(dir, `state-${signal}.json`);
    writeFileSync(config, JSON.stringify({ faults: [{ kind: 'latency', ms: 600_000 }] }));
    const served = await serve(['--config', config, '--state', state]);
    const client = new pg.Client({ connectionString: served.url });
    client.on('error', () => {});
    await client.connect();
    const pending = client.query('SELECT 1').catch((e: unknown) => e);
    // The statement is under way (in its delay) once the server has counted it.
    await new Promise((r) => setTimeout(r, 500));
    const { code, ms } = await served.stop(signal);
    expect(code, served.output()).toBe(0);
    // Against the statement's 600 s: this is the process ending by itself, not a speed figure.
    expect(ms).toBeLessThan(50_000);
    expect(await pending).toBeInstanceOf(Error);
    expect(served.output()).toContain(`Saved the emulator state to ${state}`);
    expect(existsSync(state)).toBe(true);
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  it('on a busy port says so and suggests --port 0 (exit 1)', async () => {
    const served = await serve([]);
    try {
      const run = await runCli(['emulator', '--port', String(served.port)]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Error: port ${served.port} on 127.0.0.1 is already in use`);
      expect(run.stderr).toContain('--port 0');
    } finally {
      await served.stop('SIGTERM');
    }
  });

  it('refuses a state file another run is using (exit 4), and takes it once that run ended', async () => {
    const state = join(dir, 'shared', 'state.json');
    const served = await serve(['--state', state]);
    const second = await runCli(['emulator', '--port', '0', '--state', state]);
    expect(second.status).toBe(4);
    expect(second.stderr).toContain(`Error: emulator state file ${state} is in use by process ${served.child.pid}`);
    const apply = await runCli(['apply', '-f', 'examples/kafka-ssh-tunnel.yaml', '--emulator', '--emulator-state', state, '--auto-approve']);
    expect(apply.status, apply.stderr).toBe(4);
    await served.stop('SIGTERM');
    const third = await serve(['--state', state]);
    await third.stop('SIGINT');
  });

  it('reads an invalid state file as invalid input (exit 3)', async () => {
    const state = join(dir, 'broken.json');
    writeFileSync(state, '{"format_version": 1, "catalog": ');
    const run = await runCli(['emulator', '--port', '0', '--state', state]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`Error: emulator state file ${state} is not valid JSON`);
    expect(readFileSync(state, 'utf8')).toBe('{"format_version": 1, "catalog": ');
  });
});
