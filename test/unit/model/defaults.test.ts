import { describe, expect, it } from 'vitest';
import { withConnectionDefaults, withSourceDefaults, type ConnectionSpec, type SourceSpec } from '../../../src/model/index.js';

const registry = { database: 'materialize', schema: 'public', name: 'csr' };
const tunnel = { database: 'materialize', schema: 'public', name: 'bastion' };

/** The server's defaults as the diff compares them: every rule of the registry that fills in or normalizes a field. */
describe('withConnectionDefaults', () => {
  it.each<[string, ConnectionSpec, Record<string, unknown>]>([
    ['an SSH tunnel gets port 22', { type: 'ssh-tunnel', host: 'h', user: 'u' }, { type: 'ssh-tunnel', host: 'h', user: 'u', port: 22 }],
    ['a port written stays', { type: 'ssh-tunnel', host: 'h', user: 'u', port: 2222 }, { type: 'ssh-tunnel', host: 'h', user: 'u', port: 2222 }],
    ['Postgres gets port 5432, its SSL mode in lower case', { type: 'postgres', host: 'h', database: 'd', user: { kind: 'text', value: 'u' }, sslMode: 'REQUIRE' } as ConnectionSpec, { type: 'postgres', host: 'h', database: 'd', user: { kind: 'text', value: 'u' }, sslMode: 'require', port: 5432 }],
    ['MySQL: an alias of an SSL mode is the mode it stands for', { type: 'mysql', host: 'h', user: { kind: 'text', value: 'u' }, sslMode: 'Verify-Identity' } as ConnectionSpec, { type: 'mysql', host: 'h', user: { kind: 'text', value: 'u' }, sslMode: 'verify_identity', port: 3306 }],
    ['text without a case is kept as written', { type: 'aws-privatelink', serviceName: 'Com.Example.Svc', availabilityZones: ['Az1'] } as ConnectionSpec, { type: 'aws-privatelink', serviceName: 'Com.Example.Svc', availabilityZones: ['Az1'] }],
    ['Kafka with SASL: upper-case mechanisms, SASL_SSL', { type: 'kafka', brokers: [{ address: 'b:9092' }], saslMechanisms: 'scram-sha-512', saslUsername: { kind: 'text', value: 'u' }, saslPassword: tunnel } as ConnectionSpec, { type: 'kafka', brokers: [{ address: 'b:9092' }], saslMechanisms: 'SCRAM-SHA-512', saslUsername: { kind: 'text', value: 'u' }, saslPassword: tunnel, securityProtocol: 'SASL_SSL' }],
    ['Kafka without SASL: SSL', { type: 'kafka', brokers: [{ address: 'b:9092' }] } as ConnectionSpec, { type: 'kafka', brokers: [{ address: 'b:9092' }], securityProtocol: 'SSL' }],
    ['Kafka: a protocol written is upper-cased, not replaced', { type: 'kafka', brokers: [{ address: 'b:9092' }], securityProtocol: 'plaintext' } as unknown as ConnectionSpec, { type: 'kafka', brokers: [{ address: 'b:9092' }], securityProtocol: 'PLAINTEXT' }],
  ])('%s', (_what, spec, expected) => {
    const before = structuredClone(spec);
    expect(withConnectionDefaults(spec)).toStrictEqual(expected);
    expect(spec).toStrictEqual(before);
  });
});

describe('withSourceDefaults', () => {
  const connection = { database: 'materialize', schema: 'public', name: 'kafka' };
  it.each<[string, SourceSpec, Record<string, unknown>]>([
    ['Kafka gets ENVELOPE NONE', { type: 'kafka', connection, topic: 't' } as SourceSpec, { type: 'kafka', connection, topic: 't', envelope: 'none' }],
    ['an envelope written stays', { type: 'kafka', connection, topic: 't', envelope: 'upsert' } as SourceSpec, { type: 'kafka', connection, topic: 't', envelope: 'upsert' }],
    [
      'an Avro schema strategy is not kept by the server',
      { type: 'kafka', connection, topic: 't', format: { kind: 'bare', format: { kind: 'avro', schemaRegistry: registry, valueStrategy: { kind: 'latest' } } } } as unknown as SourceSpec,
      { type: 'kafka', connection, topic: 't', format: { kind: 'bare', format: { kind: 'avro', schemaRegistry: registry } }, envelope: 'none' },
    ],
    [
      'key and value formats alike',
      { type: 'kafka', connection, topic: 't', format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'avro', schemaRegistry: registry, keyStrategy: { kind: 'latest' } } } } as unknown as SourceSpec,
      { type: 'kafka', connection, topic: 't', format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'avro', schemaRegistry: registry } }, envelope: 'none' },
    ],
    ['a load generator gets ENVELOPE NONE and a transactional snapshot', { type: 'load-generator', generator: 'counter' } as SourceSpec, { type: 'load-generator', generator: 'counter', transactionalSnapshot: true, envelope: 'none' }],
    ['Postgres has no defaults', { type: 'postgres', connection, publication: 'p', tables: { kind: 'all' } } as SourceSpec, { type: 'postgres', connection, publication: 'p', tables: { kind: 'all' } }],
  ])('%s', (_what, spec, expected) => {
    const before = structuredClone(spec);
    expect(withSourceDefaults(spec)).toStrictEqual(expected);
    expect(spec).toStrictEqual(before);
  });
});
