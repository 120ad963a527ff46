import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { runCli } from '../../run-cli.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * Renames declared with `renamed_from:`, through the CLI over TCP: one
 * ALTER ... RENAME TO each, the same ids, the same SSH keys and PrivateLink
 * principal, and the Kafka connection and source that use them unchanged.
 */
const manifest = (names: { tunnel: string; link: string; kafka: string; source: string }, renamed: boolean) => `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
connections:
  ${names.tunnel}:
    type: ssh-tunnel
    host: bastion.example.com
    user: mz
${renamed ? '    renamed_from: bastion\n' : ''}  ${names.link}:
    type: aws-privatelink
    service_name: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0
    availability_zones: [use1-az1]
${renamed ? '    renamed_from: link\n' : ''}  ${names.kafka}:
    type: kafka
    broker: broker1:9092
    ssh_tunnel: ${names.tunnel}
    validate: false
${renamed ? '    renamed_from: kafka\n' : ''}sources:
  ${names.source}:
    type: kafka
    connection: ${names.kafka}
    topic: orders
    format: json
${renamed ? '    renamed_from: orders\n' : ''}`;

/** The CLI as a user runs it, with a clean environment. */
const cli = (args: readonly string[]) => runCli(args, { cleanEnv: true, env: {} }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));

describe('renames in place, through the CLI', () => {
  let emulator: Emulator;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), 'mzform-renames-'));
    file = join(dir, 'materialize.yaml');
  });
  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const catalog = async () => {
    const db = await connect({ url: emulator.url, env: {} });
    try {
      const objects = await db.query<{ id: string; name: string }>(staticSql`SELECT id, name FROM mz_catalog.mz_connections UNION ALL SELECT id, name FROM mz_catalog.mz_sources ORDER BY id`);
      const keys = await db.query<{ id: string; public_key_1: string }>(staticSql`SELECT id, public_key_1 FROM mz_catalog.mz_ssh_tunnel_connections`);
      const principals = await db.query<{ id: string; principal: string }>(staticSql`SELECT id, principal FROM mz_catalog.mz_aws_privatelink_connections`);
      return { ids: new Map(objects.map((o) => [o.name, o.id])), keys: keys.map((k) => k.public_key_1), principals: principals.map((p) => p.principal) };
    } finally {
      await db.close();
    }
  };

  it('renames a tunnel, a PrivateLink, a Kafka connection and a source, keeping ids, keys and principal; then no changes', async () => {
    writeFileSync(file, manifest({ tunnel: 'bastion', link: 'link', kafka: 'kafka', source: 'orders' }, false));
    const first = await cli(['apply', '-f', file, '--url', emulator.url, '--auto-approve']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const before = await catalog();

    writeFileSync(file, manifest({ tunnel: 'bastion_eu', link: 'link_eu', kafka: 'kafka_eu', source: 'orders_eu' }, true));
    const plan = await cli(['plan', '-f', file, '--url', emulator.url, '--format', 'json']);
    const steps = (JSON.parse(plan.stdout) as { steps: { action: string; statements: { sql: string }[]; hazards: unknown[] }[] }).steps;
    // src/sql/src/plan/statement/ddl.rs:6552 (ALTER ... RENAME TO, any item, same schema).
    expect(steps.map((s) => [s.action, s.statements.map((st) => st.sql), s.hazards.length])).toEqual([
      ['alter', ['ALTER CONNECTION "materialize"."public"."bastion" RENAME TO "bastion_eu"'], 0],
      ['alter', ['ALTER CONNECTION "materialize"."public"."kafka" RENAME TO "kafka_eu"'], 0],
      ['alter', ['ALTER CONNECTION "materialize"."public"."link" RENAME TO "link_eu"'], 0],
      ['alter', ['ALTER SOURCE "materialize"."public"."orders" RENAME TO "orders_eu"'], 0],
    ]);
    const applied = await cli(['apply', '-f', file, '--url', emulator.url, '--auto-approve']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const again = await cli(['plan', '-f', file, '--url', emulator.url, '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes.\n');
    expect(again.code).toBe(0);

    const after = await catalog();
    for (const [old, now] of [['bastion', 'bastion_eu'], ['link', 'link_eu'], ['kafka', 'kafka_eu'], ['orders', 'orders_eu']] as const) {
      expect(after.ids.get(now), now).toBe(before.ids.get(old));
      expect(after.ids.has(old)).toBe(false);
    }
    expect(after.keys).toEqual(before.keys);
    expect(after.principals).toEqual(before.principals);
  }, 120_000);
});
