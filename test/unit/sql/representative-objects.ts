import type { ObjectName } from '../../../src/model/names.js';
import type { MzObject } from '../../../src/model/objects.js';
import { SecretValue } from '../../../src/model/secret-value.js';

const n = (name: string, schema = 'public'): ObjectName => ({ database: 'materialize', schema, name });

/** One object of every connection type and every source type, with most options set. */
export const REPRESENTATIVE_OBJECTS: readonly MzObject[] = [
  { kind: 'secret', name: n('kafka_password'), value: new SecretValue({ kind: 'env', variable: 'KAFKA_PASSWORD' }, "p'ss") },
  { kind: 'connection', name: n('ssh'), spec: { type: 'ssh-tunnel', host: 'bastion.example.com', port: 2222, user: 'materialize' } },
  { kind: 'connection', name: n('pl'), spec: { type: 'aws-privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0e1', availabilityZones: ['use1-az1', 'use1-az4'] } },
  { kind: 'connection', name: n('pl_port'), spec: { type: 'aws-privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0e2', availabilityZones: ['use1-az1'], port: 8443 } },
  {
    kind: 'connection',
    name: n('aws_keys'),
    spec: { type: 'aws', accessKeyId: { kind: 'text', value: 'AKIA' }, secretAccessKey: n('aws_secret'), sessionToken: { kind: 'secret', secret: n('aws_token') }, region: 'us-east-1', endpoint: 'http://minio:9000' },
  },
  { kind: 'connection', name: n('aws_role'), spec: { type: 'aws', assumeRoleArn: 'arn:aws:iam::400121260767:role/M', assumeRoleSessionName: 'mz' } },
  {
    kind: 'connection',
    name: n('kafka_msk'),
    validate: false,
    spec: {
      type: 'kafka',
      brokers: [
        { address: 'b-1:9096', path: { kind: 'aws-privatelink', connection: n('pl'), port: 9001, availabilityZone: 'use1-az2' } },
        { address: 'b-2:9096', path: { kind: 'ssh-tunnel', connection: n('ssh') } },
        { address: 'b-3:9096' },
      ],
      securityProtocol: 'SASL_SSL',
      saslMechanisms: 'SCRAM-SHA-512',
      saslUsername: { kind: 'text', value: 'foo' },
      saslPassword: n('kafka_password'),
      sslCertificateAuthority: { kind: 'secret', secret: n('ca') },
      progressTopic: 'progress',
      progressTopicReplicationFactor: 3,
    },
  },
  { kind: 'connection', name: n('kafka_redpanda'), spec: { type: 'kafka', brokers: [], defaultPath: { kind: 'aws-privatelink', connection: n('pl'), port: 30292 } } },
  {
    kind: 'connection',
    name: n('kafka_tls'),
    spec: {
      type: 'kafka',
      brokers: [{ address: 'k:9092' }],
      defaultPath: { kind: 'ssh-tunnel', connection: n('ssh') },
      sslCertificate: { kind: 'text', value: '-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----' },
      sslKey: n('key'),
    },
  },
  { kind: 'connection', name: n('kafka_iam'), spec: { type: 'kafka', brokers: [{ address: 'msk:9098' }], securityProtocol: 'SASL_SSL', awsConnection: n('aws_role') } },
  {
    kind: 'connection',
    name: n('csr'),
    spec: { type: 'confluent-schema-registry', url: 'https://csr:8081', username: { kind: 'text', value: 'u' }, password: n('csr_password'), path: { kind: 'aws-privatelink', connection: n('pl') } },
  },
  {
    kind: 'connection',
    name: n('pg'),
    comment: 'not rendered here',
    spec: { type: 'postgres', host: 'pg.example.com', port: 5433, database: 'app', user: { kind: 'secret', secret: n('pg_user') }, password: n('pg_password'), sslMode: 'require', path: { kind: 'ssh-tunnel', connection: n('ssh') } },
  },
  { kind: 'connection', name: n('mysql'), spec: { type: 'mysql', host: 'mysql', user: { kind: 'text', value: 'root' }, password: n('mysql_password'), sslMode: 'verify_identity', awsConnection: n('aws_role') } },
  {
    kind: 'source',
    name: n('orders_kafka'),
    cluster: 'ingest',
    retainHistory: '1h',
    timestampInterval: '1s',
    spec: {
      type: 'kafka',
      connection: n('kafka_msk'),
      topic: 'orders',
      format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'avro', schemaRegistry: n('csr'), valueStrategy: { kind: 'latest' } } },
      envelope: 'upsert',
      include: [{ item: 'key', alias: 'k' }, { item: 'partition' }, { item: 'offset' }, { item: 'timestamp', alias: 'ts' }, { item: 'headers' }],
      startOffset: [0, 10],
      groupIdPrefix: 'mz-',
    },
  },
  {
    kind: 'source',
    name: n('csv_kafka'),
    cluster: 'ingest',
    spec: { type: 'kafka', connection: n('kafka_tls'), topic: 'csv', format: { kind: 'bare', format: { kind: 'csv', columns: { kind: 'header', names: ['a', 'B'] }, delimiter: '|' } } },
  },
  {
    kind: 'source',
    name: n('traced_kafka'),
    cluster: 'ingest',
    spec: {
      type: 'kafka',
      connection: n('kafka_tls'),
      topic: 'traced',
      format: { kind: 'bare', format: { kind: 'json' } },
      include: [{ item: 'headers' }, { item: 'header', key: 'trace-id', alias: 'trace_id' }, { item: 'header', key: 'sig', alias: 'Sig', bytes: true }],
    },
  },
  {
    kind: 'source',
    name: n('upsert_inline'),
    cluster: 'ingest',
    spec: {
      type: 'kafka',
      connection: n('kafka_tls'),
      topic: 'events',
      format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'json' } },
      envelope: { kind: 'upsert', valueDecodingErrors: 'inline', alias: 'decode_error' },
    },
  },
  {
    kind: 'source',
    name: n('since_kafka'),
    cluster: 'ingest',
    spec: { type: 'kafka', connection: n('kafka_tls'), topic: 'events', format: { kind: 'bare', format: { kind: 'json' } }, groupIdPrefix: 'mz-', startTimestamp: -3600000, exposeProgress: n('since_offsets', 'progress') },
  },
  { kind: 'source', name: n('kv'), cluster: 'quickstart', spec: { type: 'load-generator', generator: 'key-value', keys: 16, snapshotRounds: 3, transactionalSnapshot: false, valueSize: 10, seed: 123, partitions: 4, batchSize: 2, include: [{ item: 'key', alias: 'whatever' }, { item: 'offset' }], envelope: 'upsert' } },
  { kind: 'source', name: n('clock'), cluster: 'quickstart', spec: { type: 'load-generator', generator: 'clock', tickInterval: '1s' } },
  {
    kind: 'source',
    name: n('pg_source'),
    cluster: 'ingest',
    spec: {
      type: 'postgres',
      connection: n('pg'),
      publication: 'mz_source',
      tables: { kind: 'tables', tables: [{ reference: ['public', 'orders'], alias: n('orders', 'raw') }, { reference: ['public', 'items'] }] },
      textColumns: [['public', 'orders', 'status']],
    },
  },
  { kind: 'source', name: n('mysql_source'), cluster: 'ingest', spec: { type: 'mysql', connection: n('mysql'), tables: { kind: 'schemas', schemas: ['shop', 'crm'] }, excludeColumns: [['shop', 'users', 'ssn']] } },
  { kind: 'source', name: n('counter'), cluster: 'quickstart', spec: { type: 'load-generator', generator: 'counter', tickInterval: '500ms', upTo: 100 } },
  { kind: 'source', name: n('tpch'), cluster: 'quickstart', spec: { type: 'load-generator', generator: 'tpch', scaleFactor: 0.01, tables: { kind: 'all' } } },
];
