import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/**
 * Each example of test/fixtures/sql/semantics/examples.sql, marked [obs] (seen in
 * Materialize's tests) or [der] (derived from its code): run the setup, then compare the stored create_sql,
 * redacted_create_sql or SHOW CREATE text exactly. Ids are masked as `uN`
 * where the reference masks them.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h.close();
});

async function exec(...statements: string[]): Promise<void> {
  for (const s of statements) rowsOf(await h.run(s));
}

async function storedSql(name: string, column = 'create_sql'): Promise<string> {
  const rows = rowsOf(await h.run(`SELECT ${column} AS sql FROM (SELECT name, ${column} FROM mz_connections UNION ALL SELECT name, ${column} FROM mz_sources) o WHERE name = $1`, [name]));
  return String(rows[0]?.['sql']);
}

async function showCreate(kind: 'CONNECTION' | 'SOURCE', name: string): Promise<string> {
  const rows = rowsOf(await h.run(`SHOW CREATE ${kind} ${name}`));
  return String(rows[0]?.['create_sql']);
}

const maskKeys = (s: string) => s.replace(/'ssh-ed25519 [A-Za-z0-9+/=]+'/g, "'ssh-ed25519 …'");

describe('stored and shown forms (Materialize src/sql/src/normalize.rs and the SHOW CREATE printer)', () => {
  it('example 1: Kafka SHOW CREATE, multi-line', async () => {
    await exec("CREATE CONNECTION testconn TO KAFKA (BROKER 'kafka:9092', SECURITY PROTOCOL PLAINTEXT) WITH (VALIDATE = false)");
    expect(await showCreate('CONNECTION', 'testconn')).toBe(
      "CREATE CONNECTION materialize.public.testconn\nTO KAFKA (BROKER = 'kafka:9092', SECURITY PROTOCOL = plaintext);",
    );
  });

  it('examples 2 and 3: redacted and stored create_sql', async () => {
    await exec("CREATE CONNECTION kafka_conn TO KAFKA (BROKER 'localhost:9092', SECURITY PROTOCOL PLAINTEXT) WITH (VALIDATE = false)");
    expect(await storedSql('kafka_conn', 'redacted_create_sql')).toBe(
      "CREATE CONNECTION materialize.public.kafka_conn TO KAFKA (BROKER = 'localhost:9092', SECURITY PROTOCOL = plaintext)",
    );
    expect(await storedSql('kafka_conn')).toBe(
      `CREATE CONNECTION "materialize"."public"."kafka_conn" TO KAFKA (BROKER = 'localhost:9092', SECURITY PROTOCOL = "plaintext")`,
    );
  });

  it('example 4: ALTER CONNECTION SET (BROKERS [...]) replaces BROKER', async () => {
    await exec("ALTER CONNECTION testconn SET (BROKERS ['kafka:9093'])");
    expect(await showCreate('CONNECTION', 'testconn')).toBe(
      "CREATE CONNECTION materialize.public.testconn\nTO KAFKA (BROKERS = ('kafka:9093'), SECURITY PROTOCOL = plaintext);",
    );
  });

  it('example 5: MySQL options sorted, secret fully qualified', async () => {
    await exec("CREATE SECRET mysqlpass AS 'p'", 'CREATE CONNECTION mysq TO MYSQL (HOST mysql, USER root, PASSWORD SECRET mysqlpass)');
    expect(await showCreate('CONNECTION', 'mysq')).toBe(
      'CREATE CONNECTION materialize.public.mysq\nTO MYSQL (HOST = mysql, PASSWORD = SECRET materialize.public.mysqlpass, USER = root);',
    );
    expect(await storedSql('mysq')).toMatch(
      /^CREATE CONNECTION "materialize"\."public"\."mysq" TO MYSQL \(HOST = "mysql", PASSWORD = SECRET \[u\d+ AS "materialize"\."public"\."mysqlpass"\], USER = "root"\)$/,
    );
  });

  it('example 7: a long option list nests under TO MYSQL', async () => {
    await exec(
      "CREATE CONNECTION aws_conn TO AWS (ASSUME ROLE ARN = 'arn:aws:iam::000000000000:role/x')",
      'CREATE CONNECTION mysql_conn TO MYSQL (HOST mysql, USER root, AWS CONNECTION aws_conn, SSL MODE required) WITH (VALIDATE false)',
    );
    expect(await showCreate('CONNECTION', 'mysql_conn')).toBe(
      'CREATE CONNECTION materialize.public.mysql_conn\nTO MYSQL\n    (AWS CONNECTION = materialize.public.aws_conn, HOST = mysql, SSL MODE = required, USER = root);',
    );
  });

  it('example 8: schema registry', async () => {
    await exec("CREATE CONNECTION csr TO CONFLUENT SCHEMA REGISTRY (URL 'https://google.com')");
    expect(await showCreate('CONNECTION', 'csr')).toBe("CREATE CONNECTION materialize.public.csr\nTO CONFLUENT SCHEMA REGISTRY (URL = 'https://google.com');");
  });

  it('example 9: SSH tunnel gets two generated keys between PORT and USER', async () => {
    await exec("CREATE CONNECTION tun TO SSH TUNNEL (HOST 'ssh-bastion', PORT 1234, USER 'blah')");
    expect(maskKeys(await storedSql('tun'))).toBe(
      `CREATE CONNECTION "materialize"."public"."tun" TO SSH TUNNEL (HOST = 'ssh-bastion', PORT = 1234, PUBLIC KEY 1 = 'ssh-ed25519 …', PUBLIC KEY 2 = 'ssh-ed25519 …', USER = 'blah')`,
    );
    const keys = rowsOf(await h.run("SELECT public_key_1, public_key_2 FROM mz_ssh_tunnel_connections k JOIN mz_connections c USING (id) WHERE c.name = 'tun'"))[0]!;
    expect(keys['public_key_1']).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/);
    expect(keys['public_key_1']).not.toBe(keys['public_key_2']);
  });

  it('ROTATE KEYS moves key 2 to key 1 and appends the keys last', async () => {
    const before = rowsOf(await h.run("SELECT public_key_2 FROM mz_ssh_tunnel_connections k JOIN mz_connections c USING (id) WHERE c.name = 'tun'"))[0]!;
    await exec('ALTER CONNECTION tun ROTATE KEYS');
    const after = rowsOf(await h.run("SELECT public_key_1, public_key_2 FROM mz_ssh_tunnel_connections k JOIN mz_connections c USING (id) WHERE c.name = 'tun'"))[0]!;
    expect(after['public_key_1']).toBe(before['public_key_2']);
    expect(after['public_key_2']).not.toBe(before['public_key_2']);
    expect(maskKeys(await storedSql('tun'))).toBe(
      `CREATE CONNECTION "materialize"."public"."tun" TO SSH TUNNEL (HOST = 'ssh-bastion', PORT = 1234, USER = 'blah', PUBLIC KEY 1 = 'ssh-ed25519 …', PUBLIC KEY 2 = 'ssh-ed25519 …')`,
    );
  });

  it('example 10: PrivateLink stores AVAILABILITY ZONES first, drops WITH, gets a principal', async () => {
    await exec("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.x', AVAILABILITY ZONES ('use1-az1','use1-az4')) WITH (VALIDATE = FALSE)");
    expect(await storedSql('pl')).toBe(
      `CREATE CONNECTION "materialize"."public"."pl" TO AWS PRIVATELINK (AVAILABILITY ZONES = ('use1-az1', 'use1-az4'), SERVICE NAME = 'com.amazonaws.vpce.x')`,
    );
    const row = rowsOf(await h.run("SELECT c.id, principal FROM mz_aws_privatelink_connections p JOIN mz_connections c USING (id) WHERE c.name = 'pl'"))[0]!;
    expect(row['principal']).toMatch(new RegExp(`^arn:aws:iam::\\d+:role/mz_.+_${String(row['id'])}$`));
  });

  it('examples 11 and 12: per-broker PrivateLink and SSH tunnels', async () => {
    await exec(
      "CREATE CONNECTION k11 TO KAFKA (BROKER 'kafka:1234' USING AWS PRIVATELINK pl (PORT 9093, AVAILABILITY ZONE 'use1-az1'))",
      "CREATE CONNECTION k12 TO KAFKA (BROKERS ('kafka:9092' USING SSH TUNNEL tun, 'kafka:9093' USING SSH TUNNEL tun))",
    );
    expect(await storedSql('k11', 'redacted_create_sql')).toMatch(
      /^CREATE CONNECTION materialize\.public\.k11 TO KAFKA \(BROKER = 'kafka:1234' USING AWS PRIVATELINK \[u\d+ AS materialize\.public\.pl\] \(PORT = 9093, AVAILABILITY ZONE = 'use1-az1'\)\)$/,
    );
    expect(await storedSql('k12', 'redacted_create_sql')).toMatch(
      /^CREATE CONNECTION materialize\.public\.k12 TO KAFKA \(BROKERS = \('kafka:9092'USING SSH TUNNEL \[u\d+ AS materialize\.public\.tun\], 'kafka:9093'USING SSH TUNNEL \[u\d+ AS materialize\.public\.tun\]\)\)$/,
    );
  });

  it('example 13: Kafka with SASL, stored order', async () => {
    await exec(
      "CREATE SECRET sc AS 'x'",
      "CREATE CONNECTION k13 TO KAFKA (BROKER 'kafka:1234', SSH TUNNEL tun, SSL CERTIFICATE AUTHORITY 'authority', SASL MECHANISMS 'sasl-mechanisms', SASL USERNAME 'sasl-username', SASL PASSWORD = SECRET sc)",
    );
    expect(await storedSql('k13')).toMatch(
      /^CREATE CONNECTION "materialize"\."public"\."k13" TO KAFKA \(BROKER = 'kafka:1234', SASL MECHANISMS = 'sasl-mechanisms', SASL PASSWORD = SECRET \[u\d+ AS "materialize"\."public"\."sc"\], SASL USERNAME = 'sasl-username', SSH TUNNEL = \[u\d+ AS "materialize"\."public"\."tun"\], SSL CERTIFICATE AUTHORITY = 'authority'\)$/,
    );
  });

  it('example 14: load generator create_sql', async () => {
    await exec('CREATE SOURCE s FROM LOAD GENERATOR COUNTER');
    expect(await storedSql('s')).toBe('CREATE SOURCE "materialize"."public"."s" IN CLUSTER [u1] FROM LOAD GENERATOR COUNTER');
  });

  it('example 15: RETAIN HISTORY set and reset', async () => {
    await exec("ALTER SOURCE s SET (RETAIN HISTORY FOR '1m')");
    expect(await showCreate('SOURCE', 's')).toBe(
      "CREATE SOURCE materialize.public.s\nIN CLUSTER quickstart\nFROM LOAD GENERATOR COUNTER\nWITH (RETAIN HISTORY = FOR '1m');",
    );
    await exec('ALTER SOURCE s RESET (RETAIN HISTORY)');
    expect(await showCreate('SOURCE', 's')).toBe('CREATE SOURCE materialize.public.s IN CLUSTER quickstart FROM LOAD GENERATOR COUNTER;');
    await exec("ALTER SOURCE s SET (TIMESTAMP INTERVAL '2s')");
    expect(await storedSql('s')).toBe(`CREATE SOURCE "materialize"."public"."s" IN CLUSTER [u1] FROM LOAD GENERATOR COUNTER WITH (TIMESTAMP INTERVAL = '2s')`);
  });

  it('example 16: Kafka source SHOW CREATE (testdrive/rename.td:892)', async () => {
    await exec("CREATE SOURCE mz_data FROM KAFKA CONNECTION kafka_conn (TOPIC 'testdrive-rename-sources-1234567890')");
    expect(await showCreate('SOURCE', 'mz_data')).toBe(
      "CREATE SOURCE materialize.public.mz_data\nIN CLUSTER quickstart\nFROM KAFKA CONNECTION materialize.public.kafka_conn (TOPIC = 'testdrive-rename-sources-1234567890');",
    );
  });

  it('a clause longer than the width breaks after its keyword (nest_title, sql-pretty doc.rs:65; sql-server-cdc/20-column-options.td:47)', async () => {
    await exec("CREATE SOURCE mz_long FROM KAFKA CONNECTION kafka_conn (TOPIC 'testdrive-rename-sources-1234567890-0123456789')");
    expect(await showCreate('SOURCE', 'mz_long')).toBe(
      "CREATE SOURCE materialize.public.mz_long\nIN CLUSTER quickstart\nFROM\n    KAFKA CONNECTION materialize.public.kafka_conn (TOPIC = 'testdrive-rename-sources-1234567890-0123456789');",
    );
  });

  it('example 17: Postgres source hides DETAILS; subsources come from upstream tables', async () => {
    await exec("CREATE SECRET pgpass AS 'p'", "CREATE CONNECTION pg TO POSTGRES (HOST 'pg', DATABASE postgres, USER postgres, PASSWORD SECRET pgpass)");
    await exec("CREATE SOURCE \"mz_source\" FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_source')");
    expect(await showCreate('SOURCE', 'mz_source')).toBe(
      "CREATE SOURCE materialize.public.mz_source\nIN CLUSTER quickstart\nFROM POSTGRES CONNECTION materialize.public.pg (PUBLICATION = 'mz_source');",
    );
    expect(await storedSql('mz_source')).toMatch(/\(PUBLICATION = 'mz_source', DETAILS = '[0-9a-f]+'\)$/);
    await exec("CREATE SOURCE pg_all FROM POSTGRES CONNECTION pg (PUBLICATION 'mz_source') FOR ALL TABLES");
    const subsources = rowsOf(
      await h.run(
        "SELECT s.name, s.type FROM mz_sources s JOIN mz_internal.mz_object_dependencies d ON d.object_id = s.id JOIN mz_sources p ON p.id = d.referenced_object_id WHERE p.name = 'pg_all' ORDER BY s.name",
      ),
    );
    expect(subsources).toEqual([
      { name: 'customers', type: 'subsource' },
      { name: 'orders', type: 'subsource' },
    ]);
    // The source depends on its progress subsource, created first (sequencer/inner.rs:525-545).
    const progress = rowsOf(
      await h.run(
        "SELECT p.name, p.type, p.id < s.id AS first FROM mz_sources s JOIN mz_internal.mz_object_dependencies d ON d.object_id = s.id JOIN mz_sources p ON p.id = d.referenced_object_id WHERE s.name = 'pg_all' AND p.type = 'progress'",
      ),
    );
    expect(progress).toEqual([{ name: 'pg_all_progress', type: 'progress', first: true }]);
  });

  it('example 21: secrets have no readable value; SHOW SECRETS lists them', async () => {
    const columns = rowsOf(await h.run("SELECT column_name FROM information_schema.columns WHERE table_schema = 'mz_catalog' AND table_name = 'mz_secrets' ORDER BY ordinal_position"));
    expect(columns.map((c) => c['column_name'])).toEqual(['id', 'oid', 'schema_id', 'name', 'owner_id', 'privileges']);
    const secrets = rowsOf(await h.run('SHOW SECRETS'));
    expect(secrets.map((s) => s['name'])).toEqual(['mysqlpass', 'pgpass', 'sc']);
  });

  it('RENAME rewrites the dependents', async () => {
    await exec('ALTER SECRET sc RENAME TO sc2');
    expect(await storedSql('k13')).toContain('"materialize"."public"."sc2"]');
  });

  it('COMMENT ON shows in mz_comments and SHOW CONNECTIONS', async () => {
    await exec("COMMENT ON CONNECTION csr IS 'owned by mzform'");
    const rows = rowsOf(await h.run('SHOW CONNECTIONS'));
    expect(rows.find((r) => r['name'] === 'csr')).toEqual({ name: 'csr', type: 'confluent-schema-registry', comment: 'owned by mzform' });
  });
});
