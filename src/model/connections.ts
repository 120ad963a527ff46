import type { ObjectName } from './names.js';

/**
 * Connection options, typed per connection type. The same shape comes out of
 * the manifest loader and out of the create_sql parser, so diffing is a
 * comparison of two values of these types, never of SQL text.
 *
 * Optional fields are absent when not set (never `undefined`-valued on
 * purpose); `withConnectionDefaults` fills in what the server would assume.
 */

/** An option Materialize accepts either as text or as `SECRET name` (SASL USERNAME, SSL CERTIFICATE, USER, ...). */
export type TextOrSecret =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'secret'; readonly secret: ObjectName };

/** How a Postgres / MySQL / schema-registry connection reaches its host. */
export type NetworkPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | { readonly kind: 'aws-privatelink'; readonly connection: ObjectName };

/** How one Kafka broker is reached, if not directly. */
export type BrokerPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | {
      readonly kind: 'aws-privatelink';
      readonly connection: ObjectName;
      readonly port?: number;
      readonly availabilityZone?: string;
    };

export interface KafkaBroker {
  /** `host:port` as given. */
  readonly address: string;
  readonly path?: BrokerPath;
}

/**
 * The top-level SSH TUNNEL or AWS PRIVATELINK of a Kafka connection: the route
 * for every broker not listed (and, for PrivateLink, the bootstrap server).
 */
export type KafkaDefaultPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | { readonly kind: 'aws-privatelink'; readonly connection: ObjectName; readonly port?: number };

export type KafkaSecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

/** TLS material shared by Kafka, schema registry, Postgres and MySQL connections. */
export interface TlsOptions {
  readonly sslCertificateAuthority?: TextOrSecret;
  readonly sslCertificate?: TextOrSecret;
  /** A private key: only ever a secret. */
  readonly sslKey?: ObjectName;
}

export interface SshTunnelConnection {
  readonly type: 'ssh-tunnel';
  readonly host: string;
  readonly port?: number;
  readonly user: string;
}

export interface AwsPrivatelinkConnection {
  readonly type: 'aws-privatelink';
  readonly serviceName: string;
  readonly availabilityZones: readonly string[];
}

export interface AwsConnection {
  readonly type: 'aws';
  readonly assumeRoleArn?: string;
  readonly assumeRoleSessionName?: string;
  readonly accessKeyId?: TextOrSecret;
  readonly secretAccessKey?: ObjectName;
  readonly sessionToken?: TextOrSecret;
  readonly region?: string;
  readonly endpoint?: string;
}

export interface KafkaConnection extends TlsOptions {
  readonly type: 'kafka';
  /** Empty only when a default AWS PRIVATELINK serves as the bootstrap server. */
  readonly brokers: readonly KafkaBroker[];
  readonly defaultPath?: KafkaDefaultPath;
  readonly securityProtocol?: KafkaSecurityProtocol;
  /** `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512`, upper case. */
  readonly saslMechanisms?: string;
  readonly saslUsername?: TextOrSecret;
  readonly saslPassword?: ObjectName;
  /** IAM authentication through an AWS connection (MSK). */
  readonly awsConnection?: ObjectName;
  readonly progressTopic?: string;
  readonly progressTopicReplicationFactor?: number;
}

export interface SchemaRegistryConnection extends TlsOptions {
  readonly type: 'confluent-schema-registry';
  readonly url: string;
  readonly username?: TextOrSecret;
  readonly password?: ObjectName;
  readonly path?: NetworkPath;
}

export interface PostgresConnection extends TlsOptions {
  readonly type: 'postgres';
  readonly host: string;
  readonly port?: number;
  readonly database: string;
  readonly user: TextOrSecret;
  readonly password?: ObjectName;
  /** `disable`, `require`, `verify-ca`, `verify-full`, lower case. */
  readonly sslMode?: string;
  readonly path?: NetworkPath;
  readonly awsConnection?: ObjectName;
}

export interface MysqlConnection extends TlsOptions {
  readonly type: 'mysql';
  readonly host: string;
  readonly port?: number;
  readonly user: TextOrSecret;
  readonly password?: ObjectName;
  /** `disabled`, `required`, `verify_ca`, `verify_identity`, lower case. */
  readonly sslMode?: string;
  readonly path?: NetworkPath;
  readonly awsConnection?: ObjectName;
}

export type ConnectionSpec =
  | SshTunnelConnection
  | AwsPrivatelinkConnection
  | AwsConnection
  | KafkaConnection
  | SchemaRegistryConnection
  | PostgresConnection
  | MysqlConnection;

export type ConnectionType = ConnectionSpec['type'];

export const CONNECTION_TYPES: readonly ConnectionType[] = [
  'ssh-tunnel',
  'aws-privatelink',
  'aws',
  'kafka',
  'confluent-schema-registry',
  'postgres',
  'mysql',
];
