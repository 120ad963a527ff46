import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

/** Runs the CLI as a user does, from the built dist/. */
async function mzform(args: string[], env: Record<string, string> = {}) {
  const result = await runCli(args, { env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mzform validate', () => {
  it('prints a one-line summary for a valid manifest and exits 0', async () => {
    const run = await mzform(['validate', '-f', 'examples/msk-privatelink.yaml'], { MSK_PASSWORD: 'p' });
    expect(run.stdout).toBe('examples/msk-privatelink.yaml is valid: 1 secret, 2 connections, 1 source.\n');
    expect(run.code).toBe(0);
  });

  it('prints every diagnostic for an invalid manifest and exits 3, without a stack', async () => {
    const run = await mzform(['validate', '--file', 'test/fixtures/manifests/bad/all-errors-at-once.yaml']);
    expect(run.code).toBe(3);
    // A lint step: an unset secret variable is not a problem of the manifest (see below).
    expect(run.stderr).toContain('Error: test/fixtures/manifests/bad/all-errors-at-once.yaml is not a valid manifest (2 problems):\n');
    expect(run.stderr).toContain('test/fixtures/manifests/bad/all-errors-at-once.yaml:6:3: connection tunnel: missing required field "user"\n');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs without the secret variables, says which values were not checked, and never prints the others', async () => {
    const run = await mzform(['validate', '-f', 'examples/msk-public-scram.yaml'], { MSK_USERNAME: 'visible-user-value', MSK_PASSWORD: '' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('examples/msk-public-scram.yaml is valid: 2 secrets, 1 connection, 1 source.\n');
    expect(run.stderr).toBe('Note: secret values were not checked: secret msk_password (environment variable MSK_PASSWORD is empty)\n');
    expect(run.stderr + run.stdout).not.toContain('visible-user-value');
  });

  it('answers in JSON with --json', async () => {
    const ok = await mzform(['validate', '-f', 'examples/kafka-ssh-tunnel.yaml', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, file: 'examples/kafka-ssh-tunnel.yaml', counts: { secrets: 0, connections: 2, sources: 1 } });
    const bad = await mzform(['validate', '-f', 'test/fixtures/manifests/bad/cycle.yaml', '--json']);
    expect(bad.code).toBe(3);
    const error = JSON.parse(bad.stdout).error;
    expect(error.code).toBe('manifest.invalid');
    expect(error.diagnostics).toHaveLength(3);
  });

  it('exits 3 on a usage error, not oclif default 2', async () => {
    expect((await mzform(['validate', '--no-such-flag'])).code).toBe(3);
    expect((await mzform(['validate', '-f'])).code).toBe(3);
    expect((await mzform(['no-such-command'])).code).toBe(3);
  });

  it('shows the version and help', async () => {
    expect((await mzform(['--version'])).stdout).toMatch(/^mzform\/\d+\.\d+\.\d+/);
    expect((await mzform(['--help'])).stdout).toContain('validate');
  });
});
