import { describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../../src/model/connections.js';
import type { ObjectName } from '../../../src/model/names.js';
import type { MzObject } from '../../../src/model/objects.js';
import { withDefaults } from '../../../src/model/defaults.js';
import { parseCreateSql, parseStatement } from '../../../src/sql/index.js';
import { readStatementFixtures } from './fixture-file.js';

const OPTIONS = {
  defaultDatabase: 'materialize',
  defaultSchema: 'public',
  defaultCluster: 'quickstart',
  resolveCluster: (id: string) => (id === 'u1' ? 'quickstart' : undefined),
};

const examples = new Map(readStatementFixtures('test/fixtures/sql/semantics').map((f) => [f.origin, f.sql]));
const sql = (origin: string): string => {
  const text = examples.get(origin);
  if (text === undefined) throw new Error(`no fixture ${origin}`);
  return text;
};

const n = (name: string, schema = 'public', database = 'materialize'): ObjectName => ({ database, schema, name });
const conn = (name: string, spec: ConnectionSpec): MzObject => ({ kind: 'connection', name: n(name), spec });

describe('stored and SHOW CREATE forms parse to the expected model', () => {
  const kafkaPlaintext = (name: string, broker = 'localhost:9092') =>
    conn(name, { type: 'kafka', brokers: [{ address: broker }], securityProtocol: 'PLAINTEXT' });
  const mysq = conn('mysq', { type: 'mysql', host: 'mysql', user: { kind: 'text', value: 'root' }, password: n('mysqlpass') });
  const ssh = conn('ssh', { type: 'ssh-tunnel', host: 'ssh-bastion', port: 1234, user: 'blah' });
  const pl = conn('pl', { type: 'aws-privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc', availabilityZones: ['use1-az1', 'use1-az4'] });
  const k13 = conn('k', {
    type: 'kafka',
    brokers: [{ address: 'kafka:1234' }],
    defaultPath: { kind: 'ssh-tunnel', connection: n('tun') },
    sslCertificateAuthority: { kind: 'text', value: 'authority' },
    saslMechanisms: 'SASL-MECHANISMS',
    saslUsername: { kind: 'text', value: 'sasl-username' },
    saslPassword: n('sc'),
  });
  const counter = (extra: object = {}): MzObject => ({ kind: 'source', name: n('s'), cluster: 'quickstart', spec: { type: 'load-generator', generator: 'counter' }, ...extra });

  it.each<[string, MzObject]>([
    ['example 1 in', kafkaPlaintext('testconn', 'kafka:9092')],
    ['example 1 out', kafkaPlaintext('testconn', 'kafka:9092')],
    ['example 2 out', kafkaPlaintext('kafka_conn')],
    ['example 3 out', kafkaPlaintext('kafka_conn')],
    ['example 4 out', conn('conn', { type: 'kafka', brokers: [{ address: 'kafka:9092' }], securityProtocol: 'PLAINTEXT' })],
    ['example 5 in', mysq],
    ['example 5 out', mysq],
    ['example 6 out', mysq],
    ['example 7 out', conn('mysql_conn', { type: 'mysql', host: 'mysql', user: { kind: 'text', value: 'root' }, sslMode: 'required', awsConnection: n('aws_conn') })],
    ['example 8 out', conn('csr', { type: 'confluent-schema-registry', url: 'https://google.com' })],
    ['example 9 in', ssh],
    ['example 9 out', ssh],
    ['example 9 rotated', ssh],
    ['example 10 out', pl],
    ['example 11 out', conn('k', { type: 'kafka', brokers: [{ address: 'kafka:1234', path: { kind: 'aws-privatelink', connection: n('c1', 'privatelink', 'aws'), port: 9093, availabilityZone: 'az1' } }] })],
    [
      'example 12 out',
      conn('k', {
        type: 'kafka',
        brokers: [
          { address: 'kafka:9092', path: { kind: 'ssh-tunnel', connection: n('tunn') } },
          { address: 'kafka:9093', path: { kind: 'ssh-tunnel', connection: n('tunn') } },
        ],
      }),
    ],
    ['example 13 in', k13],
    ['example 13 printed', k13],
    ['example 13 out', k13],
    ['example 14 out', counter()],
    ['example 15 out', counter({ retainHistory: '1m' })],
    ['example 15 reset', counter()],
    ['example 15 interval out', counter({ timestampInterval: '2s' })],
    ['example 16 out', { kind: 'source', name: n('mz_data', 'to_be_renamed'), cluster: 'quickstart', spec: { type: 'kafka', connection: n('kafka_conn'), topic: 'testdrive-data' } }],
    ['example 17 stored', { kind: 'source', name: n('mz_source'), cluster: 'quickstart', spec: { type: 'postgres', connection: n('pg'), publication: 'mz_source', tables: { kind: 'tables', tables: [] } } }],
    ['example 21 out', { kind: 'secret', name: n('s') }],
  ])('%s', (origin, expected) => {
    expect(parseCreateSql(sql(origin), OPTIONS).object).toEqual(expected);
  });

  it('keeps the SSH public keys beside the model, in either position', () => {
    expect(parseCreateSql(sql('example 9 out'), OPTIONS).outputs.publicKeys).toEqual([
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOne materialize',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITwo materialize',
    ]);
    expect(parseCreateSql(sql('example 9 rotated'), OPTIONS).outputs.publicKeys?.[1]).toBe('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIThree materialize');
  });

  it('keeps purification clauses out of the model', () => {
    const stored = parseCreateSql(sql('example 17 stored'), OPTIONS);
    expect(stored.outputs).toEqual({ details: '0a0b0c', tablesFromSubsources: true });
    const seeded = parseCreateSql(sql('example 19 in'), OPTIONS);
    expect(seeded.outputs.seed).toBe(`SEED KEY SCHEMA '{"type": "string"}' VALUE SCHEMA '123'`);
    expect(seeded.object).toEqual({
      kind: 'source',
      name: n('s'),
      cluster: 'quickstart',
      spec: {
        type: 'kafka',
        connection: n('k'),
        topic: 'baz',
        format: { kind: 'key-value', key: { kind: 'avro', schemaRegistry: n('csr') }, value: { kind: 'avro', schemaRegistry: n('csr') } },
        envelope: 'none',
        include: [{ item: 'key' }, { item: 'timestamp' }, { item: 'partition', alias: 'PART2' }, { item: 'offset' }, { item: 'headers' }],
      },
    });
  });

  it('reads the WITH (VALIDATE false) of typed input but never of stored forms', () => {
    expect(parseCreateSql(sql('example 2 in'), OPTIONS).object).toMatchObject({ validate: false });
    expect(parseCreateSql(sql('example 7 in'), OPTIONS).object).toMatchObject({ validate: false });
    expect(parseCreateSql(sql('example 2 out'), OPTIONS).object).not.toHaveProperty('validate');
  });

  it.each<[string, string]>([
    ['ALTER CONNECTION example 4', 'example 4 in'],
    ['ALTER SOURCE example 15', 'example 15 in'],
    ['ALTER SOURCE example 15 interval', 'example 15 interval in'],
  ])('parses the %s statement', (_, origin) => {
    expect(parseStatement(sql(origin)).kind).toMatch(/^alter_/);
  });
});

describe('defaults compare equal once withDefaults is applied', () => {
  const parse = (text: string) => withDefaults(parseCreateSql(text, OPTIONS).object);
  it.each<[string, string, string]>([
    ['Kafka SSL default', `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092')`, `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL SSL)`],
    [
      'Kafka SASL_SSL default with SASL options',
      `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SASL MECHANISMS 'plain', SASL USERNAME 'u', SASL PASSWORD SECRET p)`,
      `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL = 'SASL_SSL', SASL MECHANISMS = 'PLAIN', SASL USERNAME = 'u', SASL PASSWORD = SECRET p)`,
    ],
    ['identifier vs literal', `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL = "plaintext")`, `CREATE CONNECTION k TO KAFKA (BROKER 'k:9092', SECURITY PROTOCOL = 'PLAINTEXT')`],
    ['BROKERS [..] vs (..)', `CREATE CONNECTION k TO KAFKA (BROKERS ['a:1', 'b:2'])`, `CREATE CONNECTION k TO KAFKA (BROKERS = ('a:1', 'b:2'))`],
    ['Postgres port 5432', `CREATE CONNECTION p TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u')`, `CREATE CONNECTION p TO POSTGRES (HOST 'h', PORT 5432, DATABASE 'd', USER 'u')`],
    ['MySQL port 3306', `CREATE CONNECTION p TO MYSQL (HOST 'h', USER 'u')`, `CREATE CONNECTION p TO MYSQL (HOST 'h', PORT 3306, USER 'u')`],
    ['SSH port 22', `CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', USER 'u')`, `CREATE CONNECTION s TO SSH TUNNEL (HOST 'h', PORT 22, USER 'u')`],
    ['schema registry USERNAME vs USER', `CREATE CONNECTION c TO CONFLUENT SCHEMA REGISTRY (URL 'u', USERNAME = 'x')`, `CREATE CONNECTION c TO CONFLUENT SCHEMA REGISTRY (URL = 'u', USER = 'x')`],
    ['SSL MODE case', `CREATE CONNECTION p TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE 'REQUIRE')`, `CREATE CONNECTION p TO POSTGRES (HOST 'h', DATABASE 'd', USER 'u', SSL MODE require)`],
    ['quoted vs unquoted name', `CREATE CONNECTION "materialize"."public"."p" TO MYSQL (HOST = "h", USER = "u")`, `CREATE CONNECTION p TO MYSQL (HOST h, USER u)`],
    ['CSV default delimiter', `CREATE SOURCE s IN CLUSTER c FROM KAFKA CONNECTION k (TOPIC 't') FORMAT CSV WITH 2 COLUMNS DELIMITED BY ','`, `CREATE SOURCE s IN CLUSTER c FROM KAFKA CONNECTION k (TOPIC 't') FORMAT CSV WITH 2 COLUMNS`],
    ['Kafka envelope NONE', `CREATE SOURCE s IN CLUSTER c FROM KAFKA CONNECTION k (TOPIC 't') ENVELOPE NONE`, `CREATE SOURCE s IN CLUSTER c FROM KAFKA CONNECTION k (TOPIC 't')`],
  ])('%s', (_, a, b) => {
    expect(parse(a)).toEqual(parse(b));
  });
});
