import { closed, port, ref, text, type JsonSchema } from './json-schema.js';

/** Properties every connection has besides its type-specific options. */
function connectionCommon(type: string): Record<string, JsonSchema> {
  return {
    type: { const: type, description: 'The kind of connection.' },
    validate: {
      type: 'boolean',
      description:
        'Set to false to create the connection `WITH (VALIDATE = false)`, e.g. while the upstream is not reachable yet. Omit to use the server default.',
    },
    comment: ref('comment', '`COMMENT ON CONNECTION`.'),
    owner: ref('owner', 'Owner role of the connection.'),
    database_name: ref('databaseName', 'Materialize database of the connection.'),
    schema_name: ref('schemaName', 'Materialize schema of the connection.'),
  };
}

const tls = (what: string): Record<string, JsonSchema> => ({
  ssl_certificate_authority: ref('textOrSecret', `SSL CERTIFICATE AUTHORITY: the CA certificate (PEM) that signs the ${what}'s certificate.`),
  ssl_certificate: ref('textOrSecret', 'SSL CERTIFICATE: the client certificate (PEM) for TLS client authentication.'),
  ssl_key: ref('secretOnly', 'SSL KEY: the private key (PEM) of `ssl_certificate`; only from a secret.'),
});

const networkPath = (what: string): Record<string, JsonSchema> => ({
  ssh_tunnel: ref('reference', `SSH TUNNEL: an ssh-tunnel connection through which to reach the ${what}.`),
  aws_privatelink: ref('reference', `AWS PRIVATELINK: an aws-privatelink connection through which to reach the ${what}.`),
});

const kafkaBroker: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': "a broker address 'host:port' or {address, ...}",
  description: "A Kafka bootstrap broker: 'host:port', or {address, ssh_tunnel} / {address, aws_privatelink, privatelink_port, availability_zone} to reach it through a tunnel.",
  if: { type: 'object' },
  then: closed(
    'A broker reached through an SSH tunnel or an AWS PrivateLink.',
    {
      address: text("The broker's advertised address, 'host:port'.", { minLength: 1 }),
      ssh_tunnel: ref('reference', '`USING SSH TUNNEL`: an ssh-tunnel connection for this broker.'),
      aws_privatelink: ref('reference', '`USING AWS PRIVATELINK`: an aws-privatelink connection for this broker.'),
      privatelink_port: port("PORT: the PrivateLink service's listener port for this broker; defaults to the broker's port."),
      availability_zone: text(
        "AVAILABILITY ZONE: the zone ID (e.g. use1-az1) in which the broker is reachable; one of the PrivateLink connection's availability_zones.",
        { minLength: 1 },
      ),
    },
    ['address'],
  ),
};

export const connectionDefinitions: Record<string, JsonSchema> = {
  sshTunnelConnection: closed('An SSH tunnel through a bastion host. Materialize generates its key pair; install the public keys on the bastion.', {
    ...connectionCommon('ssh-tunnel'),
    host: text('HOST: the bastion host name or IP address.', { minLength: 1 }),
    port: port('PORT: the SSH port of the bastion (server default 22).'),
    user: text('USER: the user to log in as on the bastion.', { minLength: 1 }),
  }, ['type', 'host', 'user']),
  awsPrivatelinkConnection: closed(
    "An AWS PrivateLink endpoint service. Allow the connection's principal on the endpoint service after creating it.",
    {
      ...connectionCommon('aws-privatelink'),
      service_name: text('SERVICE NAME: the endpoint service name, e.g. com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc.', { minLength: 1 }),
      availability_zones: {
        type: 'array',
        description: 'AVAILABILITY ZONES: the zone IDs (e.g. use1-az1, not us-east-1a) of the service. Empty for a cross-region service.',
        items: text('An availability zone ID.', { minLength: 1 }),
        uniqueItems: true,
      },
    },
    ['type', 'service_name', 'availability_zones'],
  ),
  awsConnection: closed('AWS credentials: an IAM role to assume (recommended) or access keys.', {
    ...connectionCommon('aws'),
    assume_role_arn: text('ASSUME ROLE ARN: the IAM role Materialize assumes.', { minLength: 1 }),
    assume_role_session_name: text('ASSUME ROLE SESSION NAME: the session name used when assuming the role.', { minLength: 1 }),
    access_key_id: ref('textOrSecret', 'ACCESS KEY ID: the access key to authenticate with (deprecated by AWS in favour of roles).'),
    secret_access_key: ref('secretOnly', 'SECRET ACCESS KEY: the secret of `access_key_id`; only from a secret.'),
    session_token: ref('textOrSecret', 'SESSION TOKEN: the session token of `access_key_id`.'),
    region: text('REGION: the AWS region.', { minLength: 1 }),
    endpoint: text('ENDPOINT: an AWS endpoint URL override (S3-compatible services).', { minLength: 1 }),
  }, ['type']),
  kafkaConnection: closed('A Kafka cluster.', {
    ...connectionCommon('kafka'),
    broker: { ...kafkaBroker, description: `BROKER: the single bootstrap broker. ${kafkaBroker.description}` },
    brokers: {
      type: 'array',
      description: 'BROKERS: the bootstrap brokers, each optionally through its own SSH tunnel or PrivateLink.',
      items: kafkaBroker,
      minItems: 1,
    },
    ssh_tunnel: ref('reference', 'SSH TUNNEL: the default ssh-tunnel connection for brokers without their own.'),
    aws_privatelink: ref(
      'reference',
      'AWS PRIVATELINK: a default aws-privatelink connection that serves as the bootstrap server and reaches every broker (e.g. Redpanda Cloud). Excludes `broker` and `brokers`.',
    ),
    privatelink_port: port('PORT of the default `aws_privatelink`: the bootstrap port of the PrivateLink service.'),
    security_protocol: {
      enum: ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'],
      description: 'SECURITY PROTOCOL. Server default: SASL_SSL when SASL options or `aws_connection` are set, otherwise SSL.',
    },
    sasl_mechanisms: {
      enum: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'],
      description: 'SASL MECHANISMS: the SASL mechanism (one only, despite the name).',
    },
    sasl_username: ref('textOrSecret', 'SASL USERNAME.'),
    sasl_password: ref('secretOnly', 'SASL PASSWORD; only from a secret.'),
    ...tls('broker'),
    aws_connection: ref('reference', 'AWS CONNECTION: an aws connection for IAM authentication with Amazon MSK.'),
    progress_topic: text('PROGRESS TOPIC: the topic sinks use for progress metadata. Cannot be changed after creation.', { minLength: 1 }),
    progress_topic_replication_factor: {
      type: 'integer',
      minimum: 1,
      description: 'PROGRESS TOPIC REPLICATION FACTOR, used if the progress topic is created. Cannot be changed after creation.',
    },
  }, ['type']),
  schemaRegistryConnection: closed('A Confluent Schema Registry, used by Avro and Protobuf formats.', {
    ...connectionCommon('confluent-schema-registry'),
    url: text('URL of the schema registry.', { minLength: 1 }),
    username: ref('textOrSecret', 'USERNAME for HTTP basic authentication.'),
    password: ref('secretOnly', 'PASSWORD for HTTP basic authentication; only from a secret.'),
    ...tls('schema registry'),
    ...networkPath('schema registry'),
  }, ['type', 'url']),
  postgresConnection: closed('A PostgreSQL database.', {
    ...connectionCommon('postgres'),
    host: text('HOST: the database host name.', { minLength: 1 }),
    port: port('PORT (server default 5432).'),
    database: text('DATABASE: the upstream PostgreSQL database to connect to.', { minLength: 1 }),
    user: ref('textOrSecret', 'USER: the database user.'),
    password: ref('secretOnly', 'PASSWORD; only from a secret.'),
    ssl_mode: { enum: ['disable', 'require', 'verify-ca', 'verify-full'], description: 'SSL MODE (server default disable).' },
    ...tls('database server'),
    ...networkPath('database'),
    aws_connection: ref('reference', 'AWS CONNECTION: an aws connection for IAM authentication with Amazon RDS.'),
  }, ['type', 'host', 'database', 'user']),
  mysqlConnection: closed('A MySQL server.', {
    ...connectionCommon('mysql'),
    host: text('HOST: the server host name.', { minLength: 1 }),
    port: port('PORT (server default 3306).'),
    user: ref('textOrSecret', 'USER: the database user.'),
    password: ref('secretOnly', 'PASSWORD; only from a secret.'),
    ssl_mode: {
      enum: ['disabled', 'required', 'verify_ca', 'verify_identity'],
      description: 'SSL MODE (server default disabled).',
    },
    ...tls('database server'),
    ...networkPath('database'),
    aws_connection: ref('reference', 'AWS CONNECTION: an aws connection for IAM authentication with Amazon RDS.'),
  }, ['type', 'host', 'user']),
};

export const CONNECTION_DEFINITION_BY_TYPE: Record<string, string> = {
  'ssh-tunnel': 'sshTunnelConnection',
  'aws-privatelink': 'awsPrivatelinkConnection',
  aws: 'awsConnection',
  kafka: 'kafkaConnection',
  'confluent-schema-registry': 'schemaRegistryConnection',
  postgres: 'postgresConnection',
  mysql: 'mysqlConnection',
};
