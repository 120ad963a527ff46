import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { runCli } from '../../run-cli.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * Kafka BROKERS with MATCHING rules through AWS PrivateLink, through the CLI
 * over TCP against the emulator. Materialize accepts rules only with the
 * feature flag enable_kafka_broker_matching_rules on
 * (src/sql/src/plan/statement/ddl/connection.rs:319-320); the flag is turned
 * on as in test/testdrive/connection-create-drop.td:511-512.
 */
const PRIVATELINK = `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
connections:
  pl:
    type: aws-privatelink
    service_name: com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc
    availability_zones: [use1-az1, use1-az2]
`;

const MANIFEST = `${PRIVATELINK}  kafka:
    type: kafka
    brokers:
      - address: lkc-825730.endpoint.cloud:9092
        aws_privatelink: pl
      - matching: '*.use1-az1.*'
        aws_privatelink: pl
        availability_zone: use1-az1
      - matching: '*.use1-az2.*'
        aws_privatelink: pl
        availability_zone: use1-az2
        privatelink_port: 9093
    security_protocol: PLAINTEXT
    validate: false
`;

const FLAG_ERROR = 'MATCHING broker rules in BROKERS for Kafka PrivateLink connections is not available';

const cli = (args: readonly string[]) =>
  runCli(args, { cleanEnv: true, env: { MZFORM_FINGERPRINT_KEY: 'matching-rules-test-key-0123456' } }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));

async function connectionNames(url: string): Promise<string[]> {
  const db = await connect({ url, env: {} });
  try {
    return (await db.query<{ name: string }>(staticSql`SELECT name FROM mz_catalog.mz_connections ORDER BY name`)).map((r) => r.name);
  } finally {
    await db.close();
  }
}

describe('Kafka MATCHING broker rules, through the CLI', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mzform-matching-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('with the flag on: plans, applies, re-plans to no changes, imports, and the import plans to no changes', async () => {
    const emulator: Emulator = await startEmulator();
    try {
      const db = await connect({ url: emulator.url, env: {} });
      try {
        await db.execute('ALTER SYSTEM SET enable_kafka_broker_matching_rules = true');
      } finally {
        await db.close();
      }
      const file = join(dir, 'on.yaml');
      writeFileSync(file, MANIFEST);
      const plan = await cli(['plan', '-f', file, '--url', emulator.url]);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain(
        `BROKERS = ('lkc-825730.endpoint.cloud:9092' USING AWS PRIVATELINK "materialize"."public"."pl", MATCHING '*.use1-az1.*' USING AWS PRIVATELINK "materialize"."public"."pl" (AVAILABILITY ZONE = 'use1-az1'), MATCHING '*.use1-az2.*' USING AWS PRIVATELINK "materialize"."public"."pl" (PORT = 9093, AVAILABILITY ZONE = 'use1-az2'))`,
      );
      // The PrivateLink connection is created before the Kafka connection that routes through it.
      expect(plan.stdout.indexOf('TO AWS PRIVATELINK')).toBeLessThan(plan.stdout.indexOf('TO KAFKA'));
      // The flag cannot be read in advance: the plan says the rules need it.
      expect(plan.stdout).toContain('materialize.public.kafka uses Kafka MATCHING broker rules, which Materialize accepts only while its feature flag enable_kafka_broker_matching_rules is on');
      const applied = await cli(['apply', '-f', file, '--url', emulator.url, '--auto-approve']);
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      const again = await cli(['plan', '-f', file, '--url', emulator.url, '--detailed-exitcode']);
      expect(again.stdout).toBe('No changes.\n');
      expect(again.code).toBe(0);

      // A changed rule is an ALTER CONNECTION in place.
      const changed = join(dir, 'changed.yaml');
      writeFileSync(changed, MANIFEST.replace("'*.use1-az2.*'", "'*.use1-az2.example.*'"));
      const alter = await cli(['plan', '-f', changed, '--url', emulator.url]);
      expect(alter.code, alter.stderr).toBe(0);
      expect(alter.stdout).toContain('ALTER CONNECTION "materialize"."public"."kafka" SET (BROKERS = (');
      expect(alter.stdout).toContain('enable_kafka_broker_matching_rules');
      expect(alter.stdout).not.toContain('DROP CONNECTION');

      const imported = join(dir, 'imported.yaml');
      const run = await cli(['import', '--schema', 'public', '--url', emulator.url, '--out', imported]);
      expect(run.code, run.stderr).toBe(0);
      const text = readFileSync(imported, 'utf8');
      expect(text).toMatch(/- matching: "?'?\*\.use1-az1\.\*'?"?\n\s+aws_privatelink: pl\n\s+availability_zone: use1-az1/);
      const importedPlan = await cli(['plan', '-f', imported, '--url', emulator.url, '--detailed-exitcode']);
      expect(importedPlan.stdout).toBe('No changes.\n');
      expect(importedPlan.code).toBe(0);
    } finally {
      await emulator.stop();
    }
  }, 180_000);

  it("with the flag off: apply fails with Materialize's feature-flag message and changes nothing", async () => {
    const emulator: Emulator = await startEmulator();
    try {
      // The PrivateLink connection is in place already: the only change left is the Kafka connection.
      const base = join(dir, 'base.yaml');
      writeFileSync(base, PRIVATELINK);
      expect((await cli(['apply', '-f', base, '--url', emulator.url, '--auto-approve'])).code).toBe(0);
      const before = await connectionNames(emulator.url);

      const file = join(dir, 'off.yaml');
      writeFileSync(file, MANIFEST);
      const applied = await cli(['apply', '-f', file, '--url', emulator.url, '--auto-approve']);
      expect(applied.code).toBe(1);
      expect(applied.stdout + applied.stderr).toContain(FLAG_ERROR);
      expect(await connectionNames(emulator.url)).toEqual(before);
      const plan = await cli(['plan', '-f', file, '--url', emulator.url, '--detailed-exitcode']);
      expect(plan.code).toBe(2);
      expect(plan.stdout).toContain('CREATE CONNECTION "materialize"."public"."kafka"');
    } finally {
      await emulator.stop();
    }
  }, 180_000);
});
