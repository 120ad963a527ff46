import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../../src/manifest/index.js';

/**
 * Manifests Materialize would refuse: `validate` refuses them first, with
 * Materialize's reason quoted. Each case names where Materialize refuses it.
 */
const HEAD = 'version: 1\ndefaults: { cluster: quickstart }\nsecrets:\n  pw: { value: "${env:PW}" }\n';

const CASES: { name: string; from: string; yaml: string; expected: string[] }[] = [
  {
    name: 'several brokers in one string',
    from: 'test/testdrive/connection-create-drop.td:436',
    yaml: 'connections:\n  k:\n    type: kafka\n    broker: "kafka:9092, kafka:9093"\n    security_protocol: PLAINTEXT\n',
    expected: ['6:3: connection k: broker \'kafka:9092, kafka:9093\': list each broker separately (Materialize: "cannot specify multiple Kafka broker addresses in one string")'],
  },
  {
    name: 'several brokers in one entry of a list',
    from: 'test/testdrive/connection-create-drop.td:442',
    yaml: 'connections:\n  k:\n    type: kafka\n    brokers: ["a:9092", "kafka:9092,kafka:9093"]\n    security_protocol: PLAINTEXT\n',
    expected: ['8:25: connection k: broker \'kafka:9092,kafka:9093\': list each broker separately (Materialize: "cannot specify multiple Kafka broker addresses in one string")'],
  },
  {
    name: 'schema registry URL with a path',
    from: 'test/testdrive/connection-create-drop.td:466',
    yaml: 'connections:\n  csr:\n    type: confluent-schema-registry\n    url: http://csr:8081/FOO/BAR\n',
    expected: ["8:10: connection csr: 'http://csr:8081/FOO/BAR' has a path; give the registry's root URL (Materialize: \"invalid CONNECTION: URL must have an empty path\")"],
  },
  {
    name: 'schema registry URL that is not a URL',
    from: 'src/sql/src/plan/statement/ddl/connection.rs:357',
    yaml: 'connections:\n  csr:\n    type: confluent-schema-registry\n    url: csr-8081\n',
    expected: ["8:10: connection csr: 'csr-8081' is not a URL (Materialize: \"parsing schema registry url: relative URL without a base\")"],
  },
  {
    name: 'schema registry URL without a host',
    from: 'src/sql/src/plan/statement/ddl/connection.rs:362',
    yaml: 'connections:\n  csr:\n    type: confluent-schema-registry\n    url: "csr:8081"\n',
    expected: ["8:10: connection csr: 'csr:8081' names no host (Materialize: \"invalid CONNECTION: URL must specify domain name\")"],
  },
  {
    name: 'MySQL IAM authentication with a password',
    from: 'src/sql/src/plan/statement/ddl/connection.rs:493',
    yaml:
      'connections:\n  aws:\n    type: aws\n    assume_role_arn: arn:aws:iam::000000000000:role/x\n  my:\n    type: mysql\n    host: m\n    user: u\n    password: { secret: pw }\n    ssl_mode: required\n    aws_connection: aws\n',
    expected: ['13:15: connection my: password cannot be set with aws_connection (Materialize: "AWS IAM authentication is not supported with password")'],
  },
  {
    name: 'MySQL IAM authentication without SSL',
    from: 'src/sql/src/plan/statement/ddl/connection.rs:517',
    yaml: 'connections:\n  aws:\n    type: aws\n    assume_role_arn: arn:aws:iam::000000000000:role/x\n  my:\n    type: mysql\n    host: m\n    user: u\n    aws_connection: aws\n',
    expected: ['13:21: connection my: aws_connection needs ssl_mode required, verify_ca or verify_identity (Materialize: "AWS IAM authentication requires SSL to be enabled")'],
  },
  {
    name: 'load generator UP TO before AS OF',
    from: 'test/testdrive/load-generator.td:47',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: counter\n    as_of: 5\n    up_to: 4\n',
    expected: ['10:12: source g: up_to (4) cannot be less than as_of (5) (Materialize: "UP TO cannot be less than AS OF")'],
  },
  {
    name: 'TPCH scale factor too large',
    from: 'test/testdrive/tpch.td:30',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: tpch\n    scale_factor: 9223372036854775807\n    tables: all\n',
    expected: ['9:19: source g: Materialize: "unsupported scale factor 9223372036854776000"'],
  },
  {
    name: 'TEXT COLUMNS without a table',
    from: 'test/mysql-cdc/mysql-cdc.td:633, src/sql/src/pure/postgres.rs:64',
    yaml:
      'connections:\n  pg:\n    type: postgres\n    host: pg\n    database: d\n    user: u\nsources:\n  s:\n    type: postgres\n    connection: pg\n    publication: mz\n    tables: [public.orders]\n    text_columns: [status]\n',
    expected: ['17:20: source s: status: name the column as table.column or schema.table.column (Materialize: "invalid TEXT COLUMNS option value: column name \'status\' must have at least a table qualification")'],
  },
  {
    name: 'MySQL TEXT COLUMNS without a schema',
    from: 'src/sql/src/pure/mysql.rs:226',
    yaml:
      'connections:\n  my:\n    type: mysql\n    host: m\n    user: u\nsources:\n  s:\n    type: mysql\n    connection: my\n    tables: [shop.orders]\n    exclude_columns: [orders.note]\n',
    expected: ['15:23: source s: orders.note: name the column as schema.table.column (Materialize: "invalid EXCLUDE COLUMNS option value: column name \'orders.note\' must have at least a table qualification")'],
  },
  {
    name: 'a column listed twice',
    from: 'src/sql/src/pure/postgres.rs:122',
    yaml:
      'connections:\n  pg:\n    type: postgres\n    host: pg\n    database: d\n    user: u\nsources:\n  s:\n    type: postgres\n    connection: pg\n    publication: mz\n    tables: [public.orders]\n    text_columns: [public.orders.status, public.orders.status]\n',
    expected: ['17:42: source s: public.orders.status is listed twice (Materialize: "invalid TEXT COLUMNS option value: unexpected multiple references to public.orders.status")'],
  },
  {
    name: 'TEXT COLUMNS on a table the source does not ingest',
    from: 'src/sql/src/pure/postgres.rs:507',
    yaml:
      'connections:\n  pg:\n    type: postgres\n    host: pg\n    database: d\n    user: u\nsources:\n  s:\n    type: postgres\n    connection: pg\n    publication: mz\n    tables: [public.orders]\n    text_columns: [public.customers.kind, orders.status]\n',
    expected: ['17:19: source s: public.customers is not in tables (Materialize: "TEXT COLUMNS refers to table not currently being added")'],
  },
  {
    name: 'KEY VALUE without KEYS',
    from: 'src/sql/src/plan/statement/ddl.rs:2171',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 4\n    batch_size: 2\n',
    expected: ['6:3: source g: the key-value generator needs keys (Materialize: "LOAD GENERATOR KEY VALUE requires KEYS")'],
  },
  {
    name: 'KEY VALUE with zero partitions',
    from: 'src/sql/src/plan/statement/ddl.rs:2192',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 16\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 0\n    batch_size: 2\n',
    expected: ['13:17: source g: Materialize: "LOAD GENERATOR KEY VALUE options must be non-zero"'],
  },
  {
    name: 'KEY VALUE keys not a multiple of partitions',
    from: 'src/sql/src/plan/statement/ddl.rs:2196',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 10\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 3\n    batch_size: 2\n',
    expected: ['9:11: source g: Materialize: "KEYS must be a multiple of PARTITIONS"'],
  },
  {
    name: 'KEY VALUE batch larger than keys',
    from: 'src/sql/src/plan/statement/ddl.rs:2200',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 4\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 1\n    batch_size: 8\n',
    expected: ['14:17: source g: Materialize: "KEYS must be larger than BATCH SIZE"'],
  },
  {
    name: 'KEY VALUE batch not dividing keys per partition',
    from: 'src/sql/src/plan/statement/ddl.rs:2206',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 12\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 2\n    batch_size: 4\n',
    expected: ['14:17: source g: Materialize: "PARTITIONS * BATCH SIZE must be a divisor of KEYS"'],
  },
  {
    name: 'KEY VALUE with zero snapshot rounds',
    from: 'src/sql/src/plan/statement/ddl.rs:2210',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 16\n    snapshot_rounds: 0\n    value_size: 8\n    seed: 1\n    partitions: 4\n    batch_size: 2\n',
    expected: ['10:22: source g: Materialize: "SNAPSHOT ROUNDS must be larger than 0"'],
  },
  {
    name: 'KEY VALUE including the partition',
    from: 'src/sql/src/plan/statement/ddl.rs:2165',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 16\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 4\n    batch_size: 2\n    include: [partition]\n',
    expected: ['15:15: source g: the key-value generator includes only key and offset (Materialize: "only `INCLUDE OFFSET` and `INCLUDE KEY` is supported")'],
  },
  {
    name: 'CLOCK with MAX CARDINALITY',
    from: 'src/sql/src/plan/statement/ddl.rs:2061',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: clock\n    max_cardinality: 5\n',
    expected: ['9:5: source g: max_cardinality is only valid with the counter generator (Materialize: "CLOCK load generators do not support MAX CARDINALITY values")'],
  },
  {
    name: 'KEY VALUE with AS OF',
    from: 'src/sql/src/plan/statement/ddl.rs:2061',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: key-value\n    keys: 16\n    snapshot_rounds: 1\n    value_size: 8\n    seed: 1\n    partitions: 4\n    batch_size: 2\n    as_of: 5\n',
    expected: ['15:5: source g: as_of is only valid with the counter, auction, marketing, tpch, clock, datums generators (Materialize: "KEY VALUE load generators do not support AS OF values")'],
  },
  {
    name: 'DATUMS with tables',
    from: 'src/sql/src/pure/error.rs:163, test/testdrive/load-generator-key-value.td:22',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: datums\n    tables: all\n',
    expected: ['9:5: source g: tables is only valid with the auction, marketing, tpch generators (Materialize: "FOR ALL TABLES is only valid for multi-output sources")'],
  },
  {
    name: 'COUNTER with INCLUDE',
    from: 'src/sql/src/plan/statement/ddl.rs:2083',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: counter\n    include: [offset]\n',
    expected: ['9:5: source g: include is only valid with the key-value generator (Materialize: "INCLUDE metadata only supported with `KEY VALUE` load generators")'],
  },
  {
    name: 'COUNTER with ENVELOPE UPSERT',
    from: 'src/sql/src/plan/statement/ddl.rs:1418',
    yaml: 'sources:\n  g:\n    type: load-generator\n    generator: counter\n    envelope: upsert\n',
    expected: ['9:15: source g: envelope upsert is only valid with the key-value generator (Materialize: "UPSERT requires a key/value format")'],
  },
  {
    name: 'VALUE DECODING ERRORS without ENVELOPE UPSERT',
    from: 'src/sql-parser/src/parser.rs:2384-2395',
    yaml:
      'connections:\n  k:\n    type: kafka\n    broker: k:9092\n    security_protocol: PLAINTEXT\nsources:\n  s:\n    type: kafka\n    connection: k\n    topic: t\n    format: json\n    value_decoding_errors: inline\n',
    expected: ['16:5: source s: value_decoding_errors is only valid with envelope: upsert (Materialize takes VALUE DECODING ERRORS only in ENVELOPE UPSERT (...))'],
  },
  {
    name: 'START TIMESTAMP with START OFFSET',
    from: 'src/sql/src/pure.rs:840',
    yaml:
      'connections:\n  k:\n    type: kafka\n    broker: k:9092\n    security_protocol: PLAINTEXT\nsources:\n  s:\n    type: kafka\n    connection: k\n    topic: t\n    format: json\n    start_offset: [0]\n    start_timestamp: -1000\n',
    expected: ['17:22: source s: set either start_offset or start_timestamp, not both (Materialize: "cannot specify START TIMESTAMP and START OFFSET at same time")'],
  },
];

function diagnostics(yaml: string): string[] {
  try {
    parseManifest(HEAD + yaml, 'm.yaml', { PW: 'pw-value' });
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    return (err as ManifestError).diagnostics.map((d) => `${d.line}:${d.column}: ${d.object ? `${d.object}: ` : ''}${d.message}`);
  }
  return [];
}

describe('validate refuses what Materialize refuses', () => {
  it.each(CASES.map((c) => [`${c.name} (${c.from})`, c] as const))('%s', (_label, c) => {
    expect(diagnostics(c.yaml)).toEqual(c.expected);
  });

  it('accepts the same objects in a form Materialize takes', () => {
    const ok =
      'connections:\n  csr:\n    type: confluent-schema-registry\n    url: http://csr:8081/\n  k:\n    type: kafka\n    brokers: ["a:9092", "b:9092"]\n    security_protocol: PLAINTEXT\n' +
      '  pg:\n    type: postgres\n    host: pg\n    database: d\n    user: u\nsources:\n  s:\n    type: postgres\n    connection: pg\n    publication: mz\n    tables: [public.orders]\n    text_columns: [orders.status]\n    exclude_columns: [public.orders.note]\n' +
      '  g:\n    type: load-generator\n    generator: counter\n    as_of: 4\n    up_to: 5\n' +
      // test/testdrive/load-generator-key-value.td:65-77.
      '  kv:\n    type: load-generator\n    generator: key-value\n    keys: 16\n    partitions: 4\n    snapshot_rounds: 3\n    transactional_snapshot: false\n    seed: 123\n    value_size: 10\n    batch_size: 2\n    include: [{ item: key, as: whatever }]\n    envelope: upsert\n' +
      '  clock:\n    type: load-generator\n    generator: clock\n    tick_interval: 1s\n';
    expect(diagnostics(ok)).toEqual([]);
  });
});
