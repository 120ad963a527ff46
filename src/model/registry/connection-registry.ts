import type { ConnectionKind, KafkaSecurityProtocol } from '../connection-values.js';
import {
  composite,
  option,
  port,
  reference,
  secret,
  text,
  textList,
  textOrSecret,
  integer,
  type OptionEntry,
  type OptionTable,
  type SqlOptionName,
} from './option.js';

/**
 * Every option of every connection type mzform manages, one entry per model
 * field, in the order the manifest schema and `import` write them. Read by the
 * create_sql parser, the CREATE / ALTER renderers, the differ, references, the
 * JSON Schema, the manifest converters, `import` and docs/manifest.md.
 * Facts from Materialize's planner, src/sql/src/plan/statement/ddl/connection.rs
 * (`validate_options_per_connection_type`, `INALTERABLE_OPTIONS`) and
 * src/sql/src/plan/statement/ddl.rs (`plan_alter_connection`).
 */

const tls = (what: string) => ({
  sslCertificateAuthority: option(
    'SSL CERTIFICATE AUTHORITY',
    'ssl_certificate_authority',
    `SSL CERTIFICATE AUTHORITY: the CA certificate (PEM) that signs the ${what}'s certificate.`,
    textOrSecret,
  ),
  sslCertificate: option('SSL CERTIFICATE', 'ssl_certificate', 'SSL CERTIFICATE: the client certificate (PEM) for TLS client authentication.', textOrSecret),
  sslKey: option('SSL KEY', 'ssl_key', 'SSL KEY: the private key (PEM) of `ssl_certificate`; only from a secret.', secret),
});

/**
 * SSH TUNNEL or AWS PRIVATELINK of a Postgres, MySQL or schema-registry
 * connection. Materialize cannot change it in place ("cannot be altered in the
 * requested way", the tunnel is fixed when the connection is planned).
 */
const networkPath = (what: string) =>
  composite(
    { kind: 'network-path' },
    [
      { sql: 'SSH TUNNEL', key: 'ssh_tunnel', doc: `SSH TUNNEL: an ssh-tunnel connection through which to reach the ${what}.`, exclusive: ['route'] },
      { sql: 'AWS PRIVATELINK', key: 'aws_privatelink', doc: `AWS PRIVATELINK: an aws-privatelink connection through which to reach the ${what}.`, exclusive: ['route'] },
    ],
    { alterable: false },
  );

const SSL_MODES_POSTGRES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
const SSL_MODES_MYSQL = ['disabled', 'required', 'verify_ca', 'verify_identity'] as const;
/** Materialize's planner also reads these spellings (src/sql/src/plan/statement/ddl/connection.rs, MySQL SSL MODE). */
const SSL_MODE_ALIASES_MYSQL = { require: 'required', 'verify-ca': 'verify_ca', 'verify-identity': 'verify_identity' } as const;
const SECURITY_PROTOCOLS: readonly KafkaSecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];

export const CONNECTION_REGISTRY = {
  'ssh-tunnel': {
    host: option('HOST', 'host', 'HOST: the bastion host name or IP address.', text(), { required: true }),
    port: option('PORT', 'port', 'PORT: the SSH port of the bastion (server default 22).', port, { serverDefault: 22 }),
    user: option('USER', 'user', 'USER: the user to log in as on the bastion.', text(), { required: true }),
  },
  'aws-privatelink': {
    serviceName: option(
      'SERVICE NAME',
      'service_name',
      'SERVICE NAME: the endpoint service name, e.g. com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc.',
      text(),
      { required: true },
    ),
    availabilityZones: option(
      'AVAILABILITY ZONES',
      'availability_zones',
      'AVAILABILITY ZONES: the zone IDs (e.g. use1-az1, not us-east-1a) of the service. Empty for a cross-region service.',
      textList,
      { required: true },
    ),
    port: option(
      'PORT',
      'port',
      "PORT: accepted and kept by Materialize (validate_options_per_connection_type, src/sql/src/plan/statement/ddl/connection.rs:117), which reads no port from it: a broker's `privatelink_port`, or the database connection's own `port`, is the port used.",
      port,
    ),
  },
  aws: {
    assumeRoleArn: option('ASSUME ROLE ARN', 'assume_role_arn', 'ASSUME ROLE ARN: the IAM role Materialize assumes.', text(), { exclusive: ['credentials'] }),
    assumeRoleSessionName: option(
      'ASSUME ROLE SESSION NAME',
      'assume_role_session_name',
      'ASSUME ROLE SESSION NAME: the session name used when assuming the role.',
      text(),
    ),
    accessKeyId: option(
      'ACCESS KEY ID',
      'access_key_id',
      'ACCESS KEY ID: the access key to authenticate with (deprecated by AWS in favour of roles).',
      textOrSecret,
      { exclusive: ['credentials'] },
    ),
    secretAccessKey: option('SECRET ACCESS KEY', 'secret_access_key', 'SECRET ACCESS KEY: the secret of `access_key_id`; only from a secret.', secret),
    sessionToken: option('SESSION TOKEN', 'session_token', 'SESSION TOKEN: the session token of `access_key_id`.', textOrSecret),
    region: option('REGION', 'region', 'REGION: the AWS region.', text()),
    endpoint: option('ENDPOINT', 'endpoint', 'ENDPOINT: an AWS endpoint URL override (S3-compatible services).', text()),
  },
  kafka: {
    /** Always present in the model: empty when a default AWS PRIVATELINK is the bootstrap server. */
    brokers: composite({ kind: 'kafka-brokers' }, [
      { sql: 'BROKER', key: 'broker', doc: 'BROKER: the single bootstrap broker.', exclusive: ['bootstrap'] },
      { sql: 'BROKERS', key: 'brokers', doc: 'BROKERS: the bootstrap brokers, each optionally through its own SSH tunnel or PrivateLink.', exclusive: ['bootstrap'] },
    ], { required: true }),
    defaultPath: composite({ kind: 'kafka-default-path' }, [
      { sql: 'SSH TUNNEL', key: 'ssh_tunnel', doc: 'SSH TUNNEL: the default ssh-tunnel connection for brokers without their own.', exclusive: ['route'] },
      {
        sql: 'AWS PRIVATELINK',
        key: 'aws_privatelink',
        doc: 'AWS PRIVATELINK: a default aws-privatelink connection that serves as the bootstrap server and reaches every broker (e.g. Redpanda Cloud). Excludes `broker` and `brokers`.',
        exclusive: ['route', 'bootstrap'],
      },
      { sql: 'AWS PRIVATELINK', key: 'privatelink_port', doc: 'PORT of the default `aws_privatelink`: the bootstrap port of the PrivateLink service.' },
    ]),
    securityProtocol: option(
      'SECURITY PROTOCOL',
      'security_protocol',
      'SECURITY PROTOCOL. Server default: SASL_SSL when SASL options or `aws_connection` are set, otherwise SSL.',
      text<KafkaSecurityProtocol>({ values: SECURITY_PROTOCOLS, case: 'upper', strict: true }),
    ),
    saslMechanisms: option(
      'SASL MECHANISMS',
      'sasl_mechanisms',
      'SASL MECHANISMS: the SASL mechanism (one only, despite the name).',
      text<string>({ values: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'], case: 'upper' }),
    ),
    saslUsername: option('SASL USERNAME', 'sasl_username', 'SASL USERNAME.', textOrSecret),
    saslPassword: option('SASL PASSWORD', 'sasl_password', 'SASL PASSWORD; only from a secret.', secret),
    ...tls('broker'),
    awsConnection: option('AWS CONNECTION', 'aws_connection', 'AWS CONNECTION: an aws connection for IAM authentication with Amazon MSK.', reference('aws')),
    progressTopic: option(
      'PROGRESS TOPIC',
      'progress_topic',
      'PROGRESS TOPIC: the topic sinks use for progress metadata. Cannot be changed after creation.',
      text(),
      { alterable: false },
    ),
    progressTopicReplicationFactor: option(
      'PROGRESS TOPIC REPLICATION FACTOR',
      'progress_topic_replication_factor',
      'PROGRESS TOPIC REPLICATION FACTOR, used if the progress topic is created. Cannot be changed after creation.',
      integer(1),
      { alterable: false },
    ),
  },
  'confluent-schema-registry': {
    url: option('URL', 'url', 'URL of the schema registry.', text(), { required: true }),
    port: option('PORT', 'port', 'PORT: accepted and stored by Materialize, which connects to the port in `url`.', port),
    // Materialize stores the USERNAME alias as USER.
    username: option('USER', 'username', 'USERNAME for HTTP basic authentication.', textOrSecret),
    password: option('PASSWORD', 'password', 'PASSWORD for HTTP basic authentication; only from a secret.', secret),
    ...tls('schema registry'),
    path: networkPath('schema registry'),
  },
  postgres: {
    host: option('HOST', 'host', 'HOST: the database host name.', text(), { required: true }),
    port: option('PORT', 'port', 'PORT (server default 5432).', port, { serverDefault: 5432 }),
    database: option('DATABASE', 'database', 'DATABASE: the upstream PostgreSQL database to connect to.', text(), { required: true }),
    user: option('USER', 'user', 'USER: the database user.', textOrSecret, { required: true }),
    password: option('PASSWORD', 'password', 'PASSWORD; only from a secret.', secret),
    sslMode: option('SSL MODE', 'ssl_mode', 'SSL MODE (server default disable).', text<string>({ values: SSL_MODES_POSTGRES, case: 'lower' })),
    ...tls('database server'),
    path: networkPath('database'),
  },
  mysql: {
    host: option('HOST', 'host', 'HOST: the server host name.', text(), { required: true }),
    port: option('PORT', 'port', 'PORT (server default 3306).', port, { serverDefault: 3306 }),
    user: option('USER', 'user', 'USER: the database user.', textOrSecret, { required: true }),
    password: option('PASSWORD', 'password', 'PASSWORD; only from a secret.', secret),
    sslMode: option('SSL MODE', 'ssl_mode', 'SSL MODE (server default disabled).', text<string>({ values: SSL_MODES_MYSQL, case: 'lower', aliases: SSL_MODE_ALIASES_MYSQL })),
    ...tls('database server'),
    path: networkPath('database'),
    awsConnection: option('AWS CONNECTION', 'aws_connection', 'AWS CONNECTION: an aws connection for IAM authentication with Amazon RDS.', reference('aws')),
  },
} as const;

// A type missing from the registry, or an entry that is not an option, is a compile error here.
CONNECTION_REGISTRY satisfies { readonly [T in ConnectionKind]: OptionTable };

export type ConnectionRegistry = typeof CONNECTION_REGISTRY;

type ConnectionEntryList = readonly (readonly [field: string, entry: OptionEntry])[];

/** Every type's entries as a list, made once: they are read for every connection of a manifest and a catalog. */
const CONNECTION_ENTRY_LISTS = Object.fromEntries(
  Object.entries(CONNECTION_REGISTRY).map(([type, table]) => [type, frozenEntries(table as OptionTable)]),
) as Readonly<Record<ConnectionKind, ConnectionEntryList>>;

function frozenEntries(table: OptionTable): ConnectionEntryList {
  return Object.freeze(Object.entries(table).map((pair) => Object.freeze(pair)));
}

/** One type's entries as a list, in registry order (one shared, frozen list). */
export function connectionEntries(type: ConnectionKind): ConnectionEntryList {
  return CONNECTION_ENTRY_LISTS[type];
}

/** One field's entry, or undefined when the type has no such field. */
export function connectionEntry(type: ConnectionKind, field: string): OptionEntry | undefined {
  return (CONNECTION_REGISTRY[type] as OptionTable)[field];
}

/**
 * Options of which ALTER CONNECTION may SET one while the others are dropped
 * with it: setting BROKER, BROKERS or a default AWS PRIVATELINK replaces the
 * bootstrap route, and Materialize refuses a SET and a RESET of the group in
 * one statement (ddl.rs, `MUTUALLY_EXCLUSIVE_SETS`).
 */
export const SET_REPLACES_GROUP: Partial<Record<ConnectionKind, readonly SqlOptionName[]>> = {
  kafka: ['BROKER', 'BROKERS', 'AWS PRIVATELINK'],
};

/** Every SQL option a type's entries occupy, each once, in registry order. */
export function connectionSqlOptions(type: ConnectionKind): SqlOptionName[] {
  return [...new Set(connectionEntries(type).flatMap(([, e]) => e.parts.map((p) => p.sql)))];
}
