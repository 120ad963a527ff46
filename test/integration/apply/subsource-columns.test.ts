import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { runCli } from '../../run-cli.js';
import { useUpstreamWorkspace } from './upstream-workspace.js';

/**
 * The CLI as a user runs it, over TCP against the emulator: a MySQL source's
 * tables and their TEXT / EXCLUDE COLUMNS change subsource by subsource, and
 * the source itself is never re-created.
 */
const manifest = (tables: readonly string[], text: readonly string[], exclude: readonly string[]) => `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
secrets:
  mysqlpass:
    value: \${env:MYSQL_PASSWORD}
connections:
  mysql:
    type: mysql
    host: mysql.internal
    user: mz
    password: { secret: mysqlpass }
sources:
  shop:
    type: mysql
    connection: mysql
    tables: [${tables.join(', ')}]
${text.length > 0 ? `    text_columns: [${text.join(', ')}]\n` : ''}${exclude.length > 0 ? `    exclude_columns: [${exclude.join(', ')}]\n` : ''}`;

/** The CLI as a user runs it, with a clean environment. */
const cli = (args: readonly string[]) => runCli(args, { cleanEnv: true, env: { MYSQL_PASSWORD: 'pw', MZFORM_FINGERPRINT_KEY: 'subsource-columns-test-key-0123' } }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));

describe('subsources changed in place, through the CLI', () => {
  const ws = useUpstreamWorkspace('mysql.internal', ['shop.orders', 'shop.customers', 'shop.items'], 'mzform-subsources-');
  const plan = () => cli(['plan', '-f', ws.file, '--url', ws.emulator.url, '--format', 'json']);
  const apply = (...allow: string[]) => cli(['apply', '-f', ws.file, '--url', ws.emulator.url, '--auto-approve', ...(allow.length > 0 ? ['--allow-hazards', allow.join(',')] : [])]);
  const statements = async (pending: Promise<{ stdout: string }>) =>
    (JSON.parse((await pending).stdout) as { steps: { statements: { sql: string }[] }[] }).steps.flatMap((s) => s.statements.map((st) => st.sql));
  const ids = async () => {
    const db = await connect({ url: ws.emulator.url, env: {} });
    try {
      const rows = await db.query<{ id: string; name: string; create_sql: string | null }>(staticSql`SELECT id, name, create_sql FROM mz_catalog.mz_sources ORDER BY id`);
      return new Map(rows.map((r) => [r.name, r]));
    } finally {
      await db.close();
    }
  };

  it('adds a table with its columns, changes them, drops it, and re-plans to no changes each time; the source keeps its id', async () => {
    writeFileSync(ws.file, manifest(['shop.orders'], ['shop.orders.note'], []));
    const first = await apply();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect((await plan()).stdout).toContain('"steps": []');
    const source = (await ids()).get('shop')!.id;

    // One ADD SUBSOURCE, with the new table's own columns (src/sql-parser/tests/testdata/ddl:1738).
    writeFileSync(ws.file, manifest(['shop.orders', 'shop.items'], ['shop.orders.note', 'shop.items.sku'], ['shop.items.blob']));
    expect(await statements(plan())).toEqual([
      'ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "shop"."items" AS "materialize"."public"."items" WITH (TEXT COLUMNS = ("shop"."items"."sku"), EXCLUDE COLUMNS = ("shop"."items"."blob"))',
    ]);
    expect((await apply()).code).toBe(0);
    expect((await cli(['plan', '-f', ws.file, '--url', ws.emulator.url, '--detailed-exitcode'])).code).toBe(0);
    // Materialize merges the new columns into the source's create_sql (src/adapter/src/coord/sequencer/inner.rs:3800-3830).
    expect((await ids()).get('shop')!.create_sql).toContain('TEXT COLUMNS = ("shop"."items"."sku", "shop"."orders"."note")');
    const orders = (await ids()).get('orders')!.id;

    // Other columns for one table: only that subsource is dropped and added again.
    writeFileSync(ws.file, manifest(['shop.orders', 'shop.items'], ['shop.orders.note', 'shop.items.name'], ['shop.items.blob']));
    expect(await statements(plan())).toEqual([
      'DROP SOURCE "materialize"."public"."items"',
      'ALTER SOURCE "materialize"."public"."shop" ADD SUBSOURCE "shop"."items" AS "materialize"."public"."items" WITH (TEXT COLUMNS = ("shop"."items"."name"), EXCLUDE COLUMNS = ("shop"."items"."blob"))',
    ]);
    expect((await apply()).code).toBe(4);
    expect((await apply('subsource-drop')).code).toBe(0);
    expect((await cli(['plan', '-f', ws.file, '--url', ws.emulator.url, '--detailed-exitcode'])).code).toBe(0);

    // The table removed: exactly its subsource goes; the text columns the server still lists for it are stale, not a change.
    writeFileSync(ws.file, manifest(['shop.orders'], ['shop.orders.note'], []));
    expect(await statements(plan())).toEqual(['DROP SOURCE "materialize"."public"."items"']);
    expect((await apply('subsource-drop')).code).toBe(0);
    const out = await cli(['plan', '-f', ws.file, '--url', ws.emulator.url, '--detailed-exitcode']);
    expect(out.stdout).toBe('No changes.\n');
    expect(out.code).toBe(0);
    const after = await ids();
    expect(after.get('shop')!.id).toBe(source);
    expect(after.get('orders')!.id).toBe(orders);
    expect(after.has('items')).toBe(false);
  }, 180_000);

  it('refuses columns of a table the statement does not add, with Materialize\'s message', async () => {
    const db = await connect({ url: ws.emulator.url, env: {} });
    try {
      // src/sql/src/pure/error.rs:47-48 and its DETAIL at :66-69.
      await expect(db.execute('ALTER SOURCE shop ADD SUBSOURCE shop.customers WITH (TEXT COLUMNS (shop.orders.note))')).rejects.toThrow(
        'TEXT COLUMNS refers to table not currently being added',
      );
    } finally {
      await db.close();
    }
  });
});
