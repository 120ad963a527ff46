import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/**
 * CREATE TABLE ... FROM SOURCE on the emulator, against what Materialize
 * stores and shows (each expectation names the Materialize file it follows):
 * the stored create_sql after purification, `mz_tables.source_id`, the
 * dependency on the source, SHOW CREATE TABLE, and the DROP rules.
 */
let h: Harness;
const run = async (sql: string) => rowsOf(await h.run(sql));

beforeAll(async () => {
  h = await openHarness();
  for (const s of [
    "CREATE SECRET pgpass AS 'x'",
    "CREATE CONNECTION kc TO KAFKA (BROKER 'kafka:9092', SECURITY PROTOCOL PLAINTEXT) WITH (VALIDATE = false)",
    "CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'http://csr:8081') WITH (VALIDATE = false)",
    "CREATE CONNECTION pg TO POSTGRES (HOST 'pg', DATABASE postgres, USER u, PASSWORD SECRET pgpass)",
    "CREATE CONNECTION my TO MYSQL (HOST 'my', USER u, PASSWORD SECRET pgpass)",
    // v26 sources: no format, no table list (src/sql/src/pure.rs:761-769, SourceReferencePolicy::Optional).
    "CREATE SOURCE ksrc FROM KAFKA CONNECTION kc (TOPIC 'orders')",
    "CREATE SOURCE pgsrc FROM POSTGRES CONNECTION pg (PUBLICATION 'mz')",
    "CREATE SOURCE mysrc FROM MYSQL CONNECTION my",
    'CREATE SOURCE auction_house FROM LOAD GENERATOR AUCTION (AS OF = 300, UP TO = 301)',
    // A legacy source beside them, with its subsources and progress collection.
    'CREATE SCHEMA old',
    "CREATE SOURCE old.legacy FROM POSTGRES CONNECTION pg (PUBLICATION 'mz') FOR ALL TABLES",
  ]) {
    await run(s);
  }
});
afterAll(async () => {
  await h.close();
});

describe('CREATE TABLE ... FROM SOURCE on the emulator', () => {
  it.each([
    [
      'Kafka, with FORMAT / INCLUDE / ENVELOPE (test/testdrive/avro-registry.td:165-167)',
      'CREATE TABLE kt FROM SOURCE ksrc (REFERENCE orders) FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr INCLUDE OFFSET AS o ENVELOPE UPSERT',
      /^CREATE TABLE "materialize"\."public"\."kt" FROM SOURCE \[u\d+ AS "materialize"\."public"\."ksrc"\] \(REFERENCE = "orders"\) FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION \[u\d+ AS "materialize"\."public"\."csr"\] INCLUDE OFFSET AS "o" ENVELOPE UPSERT WITH \(DETAILS = '[0-9a-f]+'\)$/,
    ],
    [
      'Postgres: the reference gains the upstream database, TEXT COLUMNS sorted (test/pg-cdc/pg-cdc.td:730)',
      'CREATE TABLE orders FROM SOURCE pgsrc (REFERENCE public.orders) WITH (TEXT COLUMNS (status, amount))',
      /^CREATE TABLE "materialize"\."public"\."orders" FROM SOURCE \[u\d+ AS "materialize"\."public"\."pgsrc"\] \(REFERENCE = "postgres"\."public"\."orders"\) WITH \(TEXT COLUMNS = \("amount", "status"\), DETAILS = '[0-9a-f]+'\)$/,
    ],
    [
      'MySQL: schema.table, EXCLUDE COLUMNS (test/mysql-cdc/35-exclude-columns.td:59)',
      'CREATE TABLE customers FROM SOURCE mysrc (REFERENCE shop.customers) WITH (EXCLUDE COLUMNS (email))',
      /^CREATE TABLE "materialize"\."public"\."customers" FROM SOURCE \[u\d+ AS "materialize"\."public"\."mysrc"\] \(REFERENCE = "shop"\."customers"\) WITH \(EXCLUDE COLUMNS = \("email"\), DETAILS = '[0-9a-f]+'\)$/,
    ],
    [
      'load generator: mz_load_generators.auction.<output> (test/testdrive/load-generator.td:87,98)',
      'CREATE TABLE accounts FROM SOURCE auction_house (REFERENCE accounts)',
      /^CREATE TABLE "materialize"\."public"\."accounts" FROM SOURCE \[u\d+ AS "materialize"\."public"\."auction_house"\] \(REFERENCE = "mz_load_generators"\."auction"\."accounts"\) WITH \(DETAILS = '[0-9a-f]+'\)$/,
    ],
  ])('%s', async (_title, sql, stored) => {
    const name = /CREATE TABLE (\w+)/.exec(sql)![1]!;
    await run(sql);
    const [row] = await run(`SELECT t.create_sql, t.source_id, s.name AS source FROM mz_tables t JOIN mz_sources s ON s.id = t.source_id WHERE t.name = '${name}'`);
    expect(row!.create_sql).toMatch(stored);
    const deps = await run(`SELECT o.name FROM mz_internal.mz_object_dependencies d JOIN mz_objects o ON o.id = d.referenced_object_id JOIN mz_tables t ON t.id = d.object_id WHERE t.name = '${name}' ORDER BY o.name`);
    expect(deps.map((d) => d.name)).toContain(row!.source);
  });

  it('SHOW CREATE TABLE: names simplified, DETAILS kept, one clause a line (test/testdrive/load-generator.td:100-101)', async () => {
    const [row] = await run('SHOW CREATE TABLE accounts');
    expect(row!.name).toBe('materialize.public.accounts');
    expect(row!.create_sql).toMatch(/^CREATE TABLE materialize\.public\.accounts\nFROM SOURCE materialize\.public\.auction_house \(REFERENCE = mz_load_generators\.auction\.accounts\)\nWITH \(\n?\s*DETAILS = '[0-9a-f]+'\n?\);$/);
  });

  it('SHOW TABLES lists them (test/testdrive/load-generator.td:107-112)', async () => {
    expect((await run('SHOW TABLES')).map((r) => r.name)).toEqual(expect.arrayContaining(['accounts', 'customers', 'kt', 'orders']));
  });

  it('a source with tables cannot be dropped without CASCADE; its tables can, one by one, keeping the source', async () => {
    const [before] = await run("SELECT id FROM mz_sources WHERE name = 'ksrc'");
    const refused = await h.run('DROP SOURCE ksrc');
    expect(refused).toEqual({ error: 'cannot drop source "ksrc": still depended upon by table "kt"', code: 'XX000' });
    await run('DROP TABLE kt');
    expect(await run("SELECT id FROM mz_sources WHERE name = 'ksrc'")).toEqual([before]);
    expect(await run("SELECT name FROM mz_tables WHERE name = 'kt'")).toEqual([]);
  });

  it('COMMENT ON TABLE and ALTER TABLE ... RENAME keep the table and its id', async () => {
    const [before] = await run("SELECT id FROM mz_tables WHERE name = 'customers'");
    await run("COMMENT ON TABLE customers IS 'from MySQL'");
    await run('ALTER TABLE customers RENAME TO clients');
    const [after] = await run("SELECT t.id, c.comment FROM mz_tables t JOIN mz_internal.mz_comments c ON c.id = t.id WHERE t.name = 'clients'");
    expect(after).toEqual({ id: before!.id, comment: 'from MySQL' });
  });

  it('tables may be created in one transaction block (doc/user/content/sql/create-table.md, "DDL transaction block")', async () => {
    await run('BEGIN');
    await run('CREATE TABLE bids FROM SOURCE auction_house (REFERENCE bids)');
    await run('CREATE TABLE users FROM SOURCE auction_house (REFERENCE users)');
    await run('COMMIT');
    expect((await run("SELECT name FROM mz_tables WHERE name IN ('bids', 'users') ORDER BY name")).map((r) => r.name)).toEqual(['bids', 'users']);
  });

  it('legacy and v26 sources side by side: subsources and a progress collection only for the legacy one (src/sql/src/pure.rs:725-733, 1255)', async () => {
    const rows = await run(
      "SELECT s.name, s.type, sc.name AS schema FROM mz_sources s JOIN mz_schemas sc ON sc.id = s.schema_id WHERE sc.name = 'old' OR s.name LIKE 'pgsrc%' ORDER BY sc.name, s.name",
    );
    expect(rows).toEqual([
      { name: 'customers', type: 'subsource', schema: 'old' },
      { name: 'legacy', type: 'postgres', schema: 'old' },
      { name: 'legacy_progress', type: 'progress', schema: 'old' },
      { name: 'orders', type: 'subsource', schema: 'old' },
      { name: 'pgsrc', type: 'postgres', schema: 'public' },
    ]);
  });
});
