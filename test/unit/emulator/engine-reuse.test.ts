import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/emulator/engine.js';
import { engineReuseEnabled } from '../../../src/emulator/engine-reuse.js';
import { startEmulator } from '../../../src/emulator/index.js';

/** Everything a client could see of the embedded database: every table's rows and the session's state. */
async function contents(engine: Engine): Promise<Record<string, unknown>> {
  return engine.exclusive(async (db) => {
    const tables = await db.query<{ name: string }>(
      "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
    );
    const out: Record<string, unknown> = {};
    for (const { name } of tables.rows) out[name] = (await db.query(`SELECT * FROM ${name}`)).rows;
    out['search_path'] = (await db.query('SHOW search_path')).rows;
    out['statement_timeout'] = (await db.query('SHOW statement_timeout')).rows;
    out['prepared'] = (await db.query('SELECT name FROM pg_prepared_statements')).rows;
    return out;
  });
}

const databaseOf = (engine: Engine): Promise<PGlite> => engine.exclusive(async (db) => db);

describe('an engine left by a stopped emulator', () => {
  it('is on in the test run (test/setup-engine-reuse.ts)', () => {
    expect(engineReuseEnabled()).toBe(true);
  });

  it('serves the next start, as fresh as a new one, even left mid-transaction with session state', async () => {
    const first = await Engine.start();
    const fresh = await contents(first);
    const db = await databaseOf(first);
    await first.exclusive(async (d) => {
      await d.exec("INSERT INTO mz_catalog.mz_roles VALUES ('u9', 9, 'someone', true, true, false)");
      await d.exec("PREPARE leftover AS SELECT 1; SET statement_timeout = '5s'; CREATE TEMP TABLE scratch (a int)");
      await d.exec('BEGIN');
      await d.exec("INSERT INTO mz_catalog.mz_roles VALUES ('u10', 10, 'uncommitted', true, true, false)");
      await expect(d.exec('SELECT 1/0')).rejects.toThrow(/division by zero/);
    });
    await first.close();

    const second = await Engine.start();
    // Compared as a boolean: a failed toBe would print two whole WebAssembly databases.
    expect((await databaseOf(second)) === db, 'the same database serves the next start').toBe(true);
    expect(await contents(second)).toEqual(fresh);
    await second.close();
  });

  it('is not reused once a client changed its shape', async () => {
    const first = await Engine.start();
    const db = await databaseOf(first);
    await first.exclusive((d) => d.exec('CREATE TABLE public.extra (a int)'));
    await first.close();
    expect(db.closed).toBe(true);
    const second = await Engine.start();
    expect((await databaseOf(second)) === db, 'a changed database is closed, not reused').toBe(false);
    await second.close();
  });

  it('refuses a late caller of the emulator that stopped: it never reaches the next one', async () => {
    const first = await Engine.start();
    await first.close();
    const second = await Engine.start();
    await expect(first.exclusive((d) => d.query('SELECT 1'))).rejects.toThrow('the emulator has stopped');
    await second.close();
  });

  it('starts the next emulator with an empty catalog', async () => {
    const a = await startEmulator({ port: 0, host: '127.0.0.1' });
    const ca = new pg.Client({ connectionString: a.url });
    await ca.connect();
    await ca.query("CREATE SECRET kept AS 'v'");
    await ca.end();
    await a.stop();

    const b = await startEmulator({ port: 0, host: '127.0.0.1' });
    const cb = new pg.Client({ connectionString: b.url });
    await cb.connect();
    try {
      expect((await cb.query('SELECT name FROM mz_secrets')).rows).toEqual([]);
      expect((await cb.query('SHOW SECRETS')).rows).toEqual([]);
    } finally {
      await cb.end();
      await b.stop();
    }
  });
});
