import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/** Error cases with Materialize's message and SQLSTATE (src/sql/src/plan/error.rs, src/adapter/src/error.rs, src/sql/src/plan/statement/ddl/connection.rs). */
let h: Harness;
beforeAll(async () => {
  h = await openHarness({ unreachableHosts: ['down.internal'], missingTopics: ['ghost'] });
  for (const s of [
    "CREATE SECRET secret AS 'x'",
    "CREATE CONNECTION tun TO SSH TUNNEL (HOST 'bastion', USER 'mz')",
    "CREATE CONNECTION tun2 TO SSH TUNNEL (HOST 'bastion2', USER 'mz')",
    "CREATE CONNECTION kafka_conn TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL PLAINTEXT)",
    "CREATE CONNECTION pg TO POSTGRES (HOST 'pg', DATABASE d, USER u, PASSWORD SECRET secret, SSH TUNNEL tun)",
    "CREATE SOURCE connection_source FROM KAFKA CONNECTION kafka_conn (TOPIC 't')",
    "CREATE SOURCE pg_source FROM POSTGRES CONNECTION pg (PUBLICATION 'p') FOR TABLES (public.orders)",
  ]) {
    rowsOf(await h.run(s));
  }
});
afterAll(async () => {
  await h.close();
});

const cases: [string, string, string, string][] = [
  ['secret name taken', "CREATE SECRET secret AS 'y'", "catalog item 'secret' already exists", 'XX000'],
  ['connection name taken', "CREATE CONNECTION kafka_conn TO KAFKA (BROKER 'k:9092')", 'connection "materialize.public.kafka_conn" already exists', 'XX000'],
  ['source name taken', "CREATE SOURCE connection_source FROM LOAD GENERATOR COUNTER", 'source "materialize.public.connection_source" already exists', 'XX000'],
  ['unknown item', 'DROP SECRET nope', "unknown catalog item 'nope'", 'XX000'],
  ['unknown schema', "CREATE SECRET nope.s AS 'x'", "unknown schema 'nope'", 'XX000'],
  ['unknown database', "CREATE SECRET nope.public.s AS 'x'", "unknown database 'nope'", 'XX000'],
  ['unknown cluster', 'CREATE SOURCE s2 IN CLUSTER nope FROM LOAD GENERATOR COUNTER', "unknown cluster 'nope'", 'XX000'],
  ['unknown role', 'ALTER SECRET secret OWNER TO nope', "unknown role 'nope'", 'XX000'],
  ['drop blocked by a source', 'DROP CONNECTION kafka_conn', 'cannot drop connection "kafka_conn": still depended upon by source "connection_source"', 'XX000'],
  ['drop blocked by a connection', 'DROP SECRET secret', 'cannot drop secret "secret": still depended upon by connection "pg"', 'XX000'],
  ['tunnel change on postgres', 'ALTER CONNECTION pg SET (SSH TUNNEL = tun2)', 'cannot be altered in the requested way', 'XX000'],
  ['tunnel removal on postgres', 'ALTER CONNECTION pg RESET (SSH TUNNEL)', 'cannot be altered in the requested way', 'XX000'],
  ['progress topic', "ALTER CONNECTION kafka_conn SET (PROGRESS TOPIC = 'x')", 'cannot ALTER KAFKA option PROGRESS TOPIC', 'XX000'],
  ['BROKER with BROKERS', "CREATE CONNECTION kb TO KAFKA (BROKER 'a:1', BROKERS ('b:1'))", 'can only set one of BROKER, BROKERS, or AWS PRIVATELINK', 'XX000'],
  ['explicit public key', "CREATE CONNECTION t3 TO SSH TUNNEL (HOST 'h', USER 'u', PUBLIC KEY 1 'k')", 'the PUBLIC KEY 1 option cannot be explicitly specified', 'XX000'],
  ['wrong object type', 'DROP SECRET kafka_conn', 'kafka_conn is a connection not a secret', 'XX000'],
  ['ROTATE KEYS on Kafka', 'ALTER CONNECTION kafka_conn ROTATE KEYS', 'materialize.public.kafka_conn is not an SSH connection', 'XX000'],
  ['option of another type', "CREATE CONNECTION k5 TO KAFKA (BROKER 'a:1', ACCESS KEY ID 'x')", 'KAFKA connections do not support ACCESS KEY ID values', 'XX000'],
  // AdapterError::InvalidAlter is 0A000 (src/adapter/src/error.rs:703).
  ['alter re-plan error', 'ALTER CONNECTION tun RESET (USER)', 'invalid ALTER CONNECTION: USER option is required', '0A000'],
  ['multi-statement DDL', "SELECT 1; CREATE SECRET s9 AS 'v'", "CREATE SECRET s9 AS 'v' cannot be run inside a transaction block", '25001'],
  ['unreachable broker', "CREATE CONNECTION k6 TO KAFKA (BROKER 'down.internal:9092')", 'Meta data fetch error: BrokerTransportFailure (Local: Broker transport failure)', '58000'],
  ['unreachable validate', "VALIDATE CONNECTION pg", '', ''],
  ['missing topic', "CREATE SOURCE s7 FROM KAFKA CONNECTION kafka_conn (TOPIC 'ghost')", 'Topic does not exist', 'XX000'],
  ['validate a secret', 'VALIDATE CONNECTION secret', "cannot validate secret 'materialize.public.secret'", 'XX000'],
  ['comment too long', `COMMENT ON SECRET secret IS '${'x'.repeat(1025)}'`, 'provided comment was 1025 bytes long, max size is 1024 bytes', 'XX000'],
  ['bind parameter in a secret', 'CREATE SECRET s8 AS $1', 'there is no parameter $1', '42P02'],
  ['syntax error', 'CREATE CONNECTION x TO NOWHERE (HOST 1)', '', '42601'],
  ['ADD SUBSOURCE of a table the source has', 'ALTER SOURCE pg_source ADD SUBSOURCE public.orders AS orders2', 'another subsource already refers to d.public.orders', 'XX000'],
  ['ADD SUBSOURCE of one table twice', 'ALTER SOURCE pg_source ADD SUBSOURCE public.customers, public.customers AS c2', 'multiple subsources refer to table d.public.customers', 'XX000'],
  ['ADD SUBSOURCE of a table upstream lacks', 'ALTER SOURCE pg_source ADD SUBSOURCE public.nope', 'reference to public.nope not found in source', 'XX000'],
  ['DROP SUBSOURCE', 'ALTER SOURCE pg_source DROP SUBSOURCE orders', 'ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE', '42601'],
];

describe('errors as Materialize reports them', () => {
  it.each(cases)('%s', async (_label, sql, message, code) => {
    const result = await h.run(sql);
    if (message === '' && code === '') {
      expect(result).toEqual({ rows: [] });
      return;
    }
    expect(result).toHaveProperty('error');
    if ('error' in result) {
      if (message) expect(result.error).toContain(message);
      expect(result.code).toBe(code);
    }
  });

  it('the unreachable host fails VALIDATE CONNECTION and passes with VALIDATE = false', async () => {
    expect(rowsOf(await h.run("CREATE CONNECTION pgdown TO POSTGRES (HOST 'down.internal', DATABASE d, USER u) WITH (VALIDATE = false)"))).toEqual([]);
    const result = await h.run('VALIDATE CONNECTION pgdown');
    expect(result).toMatchObject({ code: '58000' });
  });

  it('IF EXISTS and IF NOT EXISTS give notices, not errors', async () => {
    const notices: string[] = [];
    h.client.on('notice', (n) => notices.push(`${n.code} ${n.message}`));
    rowsOf(await h.run('DROP SECRET IF EXISTS nope'));
    rowsOf(await h.run("CREATE SECRET IF NOT EXISTS secret AS 'z'"));
    rowsOf(await h.run('DROP SOURCE connection_source CASCADE'));
    expect(notices).toEqual(['42704 secret "nope" does not exist, skipping', '42710 secret "materialize.public.secret" already exists, skipping']);
  });

  it('DDL in BEGIN runs at COMMIT; a second statement is refused', async () => {
    rowsOf(await h.run('BEGIN'));
    rowsOf(await h.run("CREATE SECRET in_txn AS 'v'"));
    expect(await h.run("CREATE SECRET in_txn2 AS 'v'")).toMatchObject({ error: 'this transaction can only execute a single statement', code: '25000' });
    rowsOf(await h.run('ROLLBACK'));
    rowsOf(await h.run('BEGIN'));
    rowsOf(await h.run("CREATE SECRET in_txn AS 'v'"));
    expect(await h.run('SELECT 1')).toMatchObject({ code: '25000' });
    rowsOf(await h.run('ROLLBACK'));
    expect(rowsOf(await h.run("SELECT count(*)::int AS n FROM mz_secrets WHERE name = 'in_txn'"))).toEqual([{ n: 0 }]);
    rowsOf(await h.run('BEGIN'));
    rowsOf(await h.run("CREATE SECRET in_txn AS 'v'"));
    rowsOf(await h.run('COMMIT'));
    expect(rowsOf(await h.run("SELECT count(*)::int AS n FROM mz_secrets WHERE name = 'in_txn'"))).toEqual([{ n: 1 }]);
  });
});
