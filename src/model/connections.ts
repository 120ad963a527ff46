import type { ConnectionKind } from './connection-values.js';
import { CONNECTION_REGISTRY, type ConnectionRegistry } from './registry/connection-registry.js';
import type { SpecOfTable } from './registry/option.js';

/**
 * Connection options, typed per connection type, derived from the option
 * registry (registry/connection-registry.ts): one entry there is one field
 * here. The same shape comes out of the manifest loader and out of the
 * create_sql parser, so diffing is a comparison of two values of these types,
 * never of SQL text.
 *
 * Optional fields are absent when not set (never `undefined`-valued on
 * purpose); `withConnectionDefaults` fills in what the server would assume.
 */

export * from './connection-values.js';

export type ConnectionSpecOf<T extends ConnectionKind> = SpecOfTable<T, ConnectionRegistry[T]>;

export type SshTunnelConnection = ConnectionSpecOf<'ssh-tunnel'>;
export type AwsPrivatelinkConnection = ConnectionSpecOf<'aws-privatelink'>;
export type AwsConnection = ConnectionSpecOf<'aws'>;
export type KafkaConnection = ConnectionSpecOf<'kafka'>;
export type SchemaRegistryConnection = ConnectionSpecOf<'confluent-schema-registry'>;
export type PostgresConnection = ConnectionSpecOf<'postgres'>;
export type MysqlConnection = ConnectionSpecOf<'mysql'>;

export type ConnectionSpec = { [T in ConnectionKind]: ConnectionSpecOf<T> }[ConnectionKind];

export type ConnectionType = ConnectionSpec['type'];

/** TLS material shared by Kafka, schema registry, Postgres and MySQL connections. */
export type TlsOptions = Pick<KafkaConnection, 'sslCertificateAuthority' | 'sslCertificate' | 'sslKey'>;

export const CONNECTION_TYPES = Object.keys(CONNECTION_REGISTRY) as readonly ConnectionType[];
