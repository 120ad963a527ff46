import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { runCliInProcess } from '../../run-cli.js';
import { startEmulator } from '../apply/emulator.js';

/**
 * The two-environment, three-file example (examples/environments) as a user
 * runs it: the built CLI over TCP against one emulator per environment, each
 * with the PrivateLink connection the network team manages created by hand.
 * The commands run in the test process (test/cli-in-process.ts: the bytes
 * and exit codes of a separate process); the packed-tarball test runs this
 * example as an installed package.
 */
const EXAMPLE = 'examples/environments';
const ENV = { BASTION_HOST: 'bastion.internal', STAGING_KAFKA_PASSWORD: 'staging-pw-1', PROD_KAFKA_PASSWORD: 'prod-pw-1', MZFORM_FINGERPRINT_KEY: 'a-long-enough-fingerprint-key-0123456789' };

/** The built CLI with only the variables the case gives (nothing of the test runner's environment but PATH). */
async function mzform(args: string[], env: Record<string, string> = ENV): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = await runCliInProcess(args, { env, cleanEnv: true });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function createNetworkTeamPrivateLink(url: string): Promise<void> {
  const db = await connect({ url, env: {} });
  try {
    await db.execute('CREATE SCHEMA "materialize"."network"');
    await db.execute(
      `CREATE CONNECTION "materialize"."network"."msk_privatelink" TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc', AVAILABILITY ZONES ('use1-az1', 'use1-az2'))`,
    );
  } finally {
    await db.close();
  }
}

describe('one manifest, two environments, three files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mzform-envs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates every environment without the secret variables, saying which values were not checked', async () => {
    const run = await mzform(['validate', '-f', EXAMPLE], { BASTION_HOST: 'bastion.internal' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${EXAMPLE} (production) is valid: 1 secret, 2 connections, 1 source.\n${EXAMPLE} (staging) is valid: 1 secret, 2 connections, 1 source.\n`);
    expect(run.stderr).toContain('Note: secret values were not checked (production): secret kafka_password (environment variable PROD_KAFKA_PASSWORD is not set)');
  });

  it('an unset variable in a host is a positioned error', async () => {
    const run = await mzform(['validate', '-f', EXAMPLE, '--environment', 'staging'], {});
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${EXAMPLE}/network.yaml:22:11: connection bastion: environment variable BASTION_HOST is not set`);
  });

  it.each([
    ['staging', ['b-1.staging.kafka.internal:9096'], 'orders-staging', 'staging-pw-1'],
    ['production', ['b-1.prod.kafka.internal:9096', 'b-2.prod.kafka.internal:9096'], 'orders', 'prod-pw-1'],
  ])('%s: plans, applies and re-plans to "No changes." on its own Materialize', async (environment, brokers, topic, password) => {
    const emulator = await startEmulator();
    try {
      const target = ['-f', EXAMPLE, '--environment', environment, '--url', emulator.url];
      // The external PrivateLink does not exist yet: plan refuses, naming it, and changes nothing.
      const missing = await mzform(['plan', ...target]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain(`${EXAMPLE}/network.yaml:15:5: external connection msk_privatelink: no connection materialize.network.msk_privatelink exists`);

      await createNetworkTeamPrivateLink(emulator.url);
      const plan = await mzform(['plan', ...target]);
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(new RegExp(`^Environment: ${environment}\\n`));
      for (const broker of brokers) expect(plan.stdout).toContain(`'${broker}' USING AWS PRIVATELINK "materialize"."network"."msk_privatelink"`);
      expect(plan.stdout).toContain(`TOPIC = '${topic}'`);
      expect(plan.stdout).toContain(`HOST = 'bastion.internal'`);
      // The network team's object is never touched, and never listed as "not in the manifest".
      expect(plan.stdout).not.toMatch(/(CREATE|DROP|ALTER) CONNECTION "materialize"."network"/);
      expect(plan.stdout + plan.stderr).not.toContain(password);

      const apply = await mzform(['apply', ...target, '--auto-approve']);
      expect(apply.stderr).not.toContain('FAILED');
      expect(apply.code).toBe(0);
      expect(apply.stdout + apply.stderr).not.toContain(password);

      const again = await mzform(['plan', ...target, '--detailed-exitcode']);
      expect(again.stdout).toBe(`Environment: ${environment}\n\nNo changes.\n`);
      expect(again.code).toBe(0);

      // Read-only work needs no secret variables (and no fingerprint key): it says what it did not check.
      const readOnly = { BASTION_HOST: ENV.BASTION_HOST };
      const drift = await mzform(['drift', ...target], readOnly);
      expect(drift.code).toBe(0);
      expect(drift.stderr).toContain('Note: secret values were not checked (not needed here): secret kafka_password (environment variable');
      const outputs = await mzform(['outputs', ...target], readOnly);
      expect(outputs.code).toBe(0);
      expect(outputs.stdout).toContain('bastion');
      const dump = join(dir, `${environment}.json`);
      expect((await mzform(['catalog', 'dump', '--url', emulator.url, '--out', dump], {})).code).toBe(0);
      const offline = await mzform(['plan', '-f', EXAMPLE, '--environment', environment, '--catalog', dump], readOnly);
      expect(offline.code).toBe(0);
      expect(offline.stdout).toContain('secret values were not checked (not needed here)');
      expect(offline.stdout).toContain('No changes.');

      // The markdown comment is for this environment (its sticky marker and heading).
      const markdown = await mzform(['plan', ...target, '--format', 'markdown']);
      expect(markdown.stdout.split('\n')[0]).toBe(`<!-- mzform:plan manifest=examples/environments env=${environment} -->`);
      // So is the JSON plan.
      const json = await mzform(['plan', ...target, '--format', 'json']);
      expect((JSON.parse(json.stdout) as { environment?: string }).environment).toBe(environment);
    } finally {
      await emulator.stop();
    }
  }, 240_000);

  it('the network team\'s PrivateLink must be an aws-privatelink connection', async () => {
    const emulator = await startEmulator();
    try {
      const db = await connect({ url: emulator.url, env: {} });
      await db.execute('CREATE SCHEMA "materialize"."network"');
      await db.execute(`CREATE CONNECTION "materialize"."network"."msk_privatelink" TO SSH TUNNEL (HOST 'h', USER 'u')`);
      await db.close();
      const run = await mzform(['plan', '-f', EXAMPLE, '--environment', 'staging', '--url', emulator.url]);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('external connection msk_privatelink: materialize.network.msk_privatelink is an ssh-tunnel connection, not an aws-privatelink one');
    } finally {
      await emulator.stop();
    }
  });
});
