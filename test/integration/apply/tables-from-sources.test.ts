import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { runCli } from '../../run-cli.js';
import { POSTGRES_CONNECTION_YAML, useUpstreamWorkspace } from './upstream-workspace.js';

/**
 * Tables from sources through the CLI over TCP, as a user runs it: a v26
 * Postgres source and its tables beside a legacy source with subsources in
 * one catalog; a table dropped from the manifest drops exactly that table (the
 * source keeps its id), added back creates just it, a changed table is
 * re-created alone, a renamed one keeps its id; and `import` writes a
 * manifest that plans to no changes.
 */
const manifest = (tables: string, prune = false) => `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
${prune ? 'prune: true\n' : ''}${POSTGRES_CONNECTION_YAML}sources:
  pg_source:
    type: postgres
    connection: pg
    publication: mz_source
  legacy:
    type: postgres
    connection: pg
    publication: mz_source
    tables:
      - { table: public.items, name: legacy_items }
tables:
${tables}`;

const ORDERS = `  orders:
    source: pg_source
    reference: public.orders
    text_columns: [status]
`;
const CUSTOMERS = `  customers:
    source: pg_source
    reference: public.customers
    comment: Who buys
`;

const cli = (args: readonly string[]) => runCli(args, { cleanEnv: true, env: { PGPASS: 'x', MZFORM_FINGERPRINT_KEY: 'tables-test-key-0123456789' } }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));
type Step = { action: string; object_kind: string; name: { name: string }; statements: { sql: string }[]; hazards: { code: string }[] };

describe('tables from sources, through the CLI', () => {
  const ws = useUpstreamWorkspace('pg.internal', ['public.orders', 'public.customers', 'public.items'], 'mzform-source-tables-');
  const run = (...args: string[]) => cli([...args, '-f', ws.file, '--url', ws.emulator.url]);
  const planSteps = async () => (JSON.parse((await run('plan', '--format', 'json')).stdout) as { steps: Step[] }).steps;
  const ids = async () => {
    const db = await connect({ url: ws.emulator.url, env: {} });
    try {
      const rows = await db.query<{ id: string; name: string }>(staticSql`SELECT id, name FROM mz_catalog.mz_sources UNION ALL SELECT id, name FROM mz_catalog.mz_tables ORDER BY id`);
      return new Map(rows.map((r) => [r.name, r.id]));
    } finally {
      await db.close();
    }
  };

  it('applies a v26 source and its tables beside a legacy source, then plans no changes', async () => {
    writeFileSync(ws.file, manifest(ORDERS + CUSTOMERS));
    expect((await cli(['validate', '-f', ws.file])).stdout).toContain('is valid: 1 secret, 1 connection, 2 sources, 2 tables.');
    const steps = await planSteps();
    expect(steps.map((s) => `${s.action} ${s.object_kind} ${s.name.name}`)).toEqual([
      'create secret pgpass',
      'create connection pg',
      'create source legacy',
      'create source pg_source',
      'create table customers',
      'create table orders',
    ]);
    const applied = await run('apply', '--auto-approve');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const again = await run('plan', '--detailed-exitcode');
    expect(again.stdout).toBe('No changes.\n');
    expect(again.code).toBe(0);
    // The legacy source made its subsource; the v26 one none.
    expect([...(await ids()).keys()]).toEqual(expect.arrayContaining(['legacy', 'legacy_items', 'legacy_progress', 'pg_source', 'orders', 'customers']));
    expect([...(await ids()).keys()]).not.toContain('pg_source_progress');
  }, 120_000);

  it('import writes the tables, and its manifest plans no changes', async () => {
    const out = join(ws.dir, 'imported.yaml');
    const imported = await cli(['import', '--url', ws.emulator.url, '--schema', 'public', '--out', out]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('tables:\n  customers:\n    source: pg_source\n    reference: public.customers\n    comment: Who buys\n');
    expect(text).toContain('  orders:\n    source: pg_source\n    reference: public.orders\n    text_columns:\n      - status\n');
    const plan = await cli(['plan', '-f', out, '--url', ws.emulator.url, '--detailed-exitcode']);
    expect(plan.stdout).toBe('No changes.\n');
  }, 120_000);

  it('a table left out drops exactly that table (prune), the source keeps its id; added back, just it is created', async () => {
    const before = await ids();
    writeFileSync(ws.file, manifest(ORDERS, true));
    const steps = await planSteps();
    expect(steps.map((s) => [s.action, s.statements.map((st) => st.sql), s.hazards.map((h) => h.code)])).toEqual([
      ['drop', ['DROP TABLE "materialize"."public"."customers"'], ['drop']],
    ]);
    expect((await run('apply', '--auto-approve')).code).toBe(4);
    const applied = await run('apply', '--auto-approve', '--allow-hazards', 'drop');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const after = await ids();
    expect(after.has('customers')).toBe(false);
    for (const kept of ['pg_source', 'orders', 'legacy', 'legacy_items']) expect(after.get(kept), kept).toBe(before.get(kept));

    writeFileSync(ws.file, manifest(ORDERS + CUSTOMERS));
    const again = await planSteps();
    expect(again.map((s) => [s.action, s.statements.map((st) => st.sql)])).toEqual([
      [
        'create',
        [
          'CREATE TABLE "materialize"."public"."customers" FROM SOURCE "materialize"."public"."pg_source" (REFERENCE = "public"."customers")',
          `COMMENT ON TABLE "materialize"."public"."customers" IS 'Who buys'`,
        ],
      ],
    ]);
    expect((await run('apply', '--auto-approve')).code).toBe(0);
    expect((await ids()).get('pg_source')).toBe(before.get('pg_source'));
  }, 120_000);

  it('a changed table is re-created alone (table-recreate); a renamed one keeps its id', async () => {
    const before = await ids();
    writeFileSync(ws.file, manifest(ORDERS.replace('[status]', '[status, note]') + CUSTOMERS));
    const steps = await planSteps();
    expect(steps.map((s) => `${s.action} ${s.object_kind} ${s.name.name} ${s.hazards.map((h) => h.code).join(',')}`)).toEqual([
      'replace table orders table-recreate',
      'replace table orders ',
    ]);
    expect((await run('apply', '--auto-approve', '--allow-hazards', 'table-recreate')).code).toBe(0);
    expect((await run('plan', '--detailed-exitcode')).stdout).toBe('No changes.\n');
    const after = await ids();
    expect(after.get('orders')).not.toBe(before.get('orders'));
    expect(after.get('pg_source')).toBe(before.get('pg_source'));
    expect(after.get('customers')).toBe(before.get('customers'));

    writeFileSync(ws.file, manifest(ORDERS.replace('[status]', '[status, note]') + CUSTOMERS.replace('  customers:\n', '  clients:\n    renamed_from: customers\n')));
    const rename = await planSteps();
    expect(rename.map((s) => [s.action, s.statements.map((st) => st.sql)])).toEqual([['alter', ['ALTER TABLE "materialize"."public"."customers" RENAME TO "clients"']]]);
    expect((await run('apply', '--auto-approve')).code).toBe(0);
    expect((await ids()).get('clients')).toBe(before.get('customers'));
    expect((await run('plan', '--detailed-exitcode')).stdout).toBe('No changes.\n');
  }, 120_000);

  it('drift names a table changed out of band; a source with tables is never dropped under them', async () => {
    const db = await connect({ url: ws.emulator.url, env: {} });
    await db.execute("COMMENT ON TABLE clients IS 'changed by hand'");
    await db.close();
    const drift = await run('drift');
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('clients');

    writeFileSync(ws.file, manifest(ORDERS.replace('[status]', '[status, note]'), true).replace(/  pg_source:\n(    .*\n)+/, ''));
    const refused = await run('plan');
    // The table the manifest still lists names a source it no longer declares.
    expect(refused.code, refused.stdout + refused.stderr).toBe(3);
    expect(refused.stderr).toContain('unknown source materialize.public.pg_source');
  }, 120_000);
});
