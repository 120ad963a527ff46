import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../../run-cli.js';

/**
 * Tests that only read a command's output and exit code run it in the test
 * process (test/cli-in-process.ts). That is only sound if it answers exactly
 * as the real process does: each case here runs both ways, and the answers
 * must be the same bytes and the same exit code.
 */
const dir = mkdtempSync(join(tmpdir(), 'mzform-in-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const invalid = join(dir, 'invalid.yaml');
writeFileSync(invalid, 'version: 1\nsecrets:\n  pw: { value: plain }\nconnections:\n  pg: { type: postgres, host: h, database: d, user: u, password: { secret: nosuch } }\n');
const counter = join(dir, 'counter.yaml');
writeFileSync(counter, 'version: 1\nsources:\n  counter: { type: load-generator, generator: counter, cluster: quickstart }\n');
/** Each way of running keeps its own emulator state: `{state}` in the arguments. */
const stateOf = (way: string) => join(dir, `state-${way}.json`);

const CASES: { name: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'the version', args: ['--version'] },
  { name: 'a command’s help', args: ['plan', '--help'] },
  { name: 'a valid manifest', args: ['validate', '-f', 'examples/kafka-ssh-tunnel.yaml'], env: { KAFKA_SSH_PASSWORD: 'x' } },
  { name: 'an invalid manifest (exit 3, positioned errors on stderr)', args: ['validate', '-f', invalid] },
  { name: 'an invalid manifest as JSON', args: ['validate', '-f', invalid, '--json'] },
  { name: 'an unknown flag (usage, exit 3)', args: ['plan', '--nosuch'] },
  { name: 'a missing variable', args: ['plan', '-f', 'examples/msk-public-scram.yaml', '--emulator'] },
  { name: 'a plan with changes and --detailed-exitcode (exit 2)', args: ['plan', '-f', counter, '--emulator', '--detailed-exitcode', '--format', 'json'] },
  { name: 'an apply that writes the emulator state', args: ['apply', '-f', counter, '--emulator', '--emulator-state', '{state}', '--auto-approve'] },
  { name: 'the plan after it: No changes.', args: ['plan', '-f', counter, '--emulator', '--emulator-state', '{state}', '--detailed-exitcode'] },
  { name: 'an unknown command', args: ['plna'] },
];

describe('a command run in the test process answers as the real process does', () => {
  it.each(CASES)('$name', async ({ args, env = {} }) => {
    const options = { cleanEnv: true, env: { NO_COLOR: '1', ...env } };
    const real = await runCli(args.map((a) => a.replace('{state}', stateOf('real'))), options);
    const inProcess = await runCliInProcess(args.map((a) => a.replace('{state}', stateOf('in-process'))), options);
    expect({ ...inProcess, stderr: withoutTimings(inProcess.stderr), stdout: withoutTimings(inProcess.stdout) }).toEqual({
      ...real,
      stderr: withoutTimings(real.stderr),
      stdout: withoutTimings(real.stdout),
    });
  }, 60_000);

  it('leaves the environment and the signal listeners of the test process as they were', async () => {
    const env = { ...process.env };
    const listeners = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s));
    const result = await runCliInProcess(['validate', '-f', invalid], { cleanEnv: true, env: { ONLY_IN_THE_RUN: '1' } });
    expect(result.status).toBe(3);
    expect(process.env).toEqual(env);
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s))).toEqual(listeners);
  });

  it('refuses what only a real process has', () => {
    expect(() => runCliInProcess(['--version'], { input: 'yes\n' } as never)).toThrow(/use runCli/);
  });
});

/** Durations in a report ("in 0.12 s") differ from run to run, whichever way the command runs. */
function withoutTimings(text: string): string {
  return text.replace(/\d+(\.\d+)? ?(ms|s)\b/g, '<t>');
}
