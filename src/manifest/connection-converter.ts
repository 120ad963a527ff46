import type {
  BrokerPath,
  ConnectionSpec,
  ConnectionType,
  KafkaBroker,
  KafkaDefaultPath,
  NetworkPath,
  TlsOptions,
} from '../model/index.js';
import type { ConnectionDoc, KafkaBrokerDoc, RefDoc } from './manifest-document.js';
import type { ObjectContext } from './object-context.js';

type DocOf<T extends ConnectionType> = Extract<ConnectionDoc, { type: T }>;

/**
 * Manifest connection → model, one converter per type. Combinations that the
 * schema cannot express but Materialize refuses are reported here, where the
 * options are read, so that each message points at the option at fault.
 */
const converters: { [T in ConnectionType]: (doc: DocOf<T>, ctx: ObjectContext) => Extract<ConnectionSpec, { type: T }> } = {
  'ssh-tunnel': (doc) => ({
    type: 'ssh-tunnel',
    host: doc.host,
    ...(doc.port !== undefined ? { port: doc.port } : {}),
    user: doc.user,
  }),

  'aws-privatelink': (doc) => ({
    type: 'aws-privatelink',
    serviceName: doc.service_name,
    availabilityZones: [...doc.availability_zones],
  }),

  aws: (doc, ctx) => {
    const keys = doc.access_key_id !== undefined;
    const role = doc.assume_role_arn !== undefined;
    if (keys && role) ctx.problem(['access_key_id'], 'set either assume_role_arn or access_key_id, not both');
    if (!keys && !role) ctx.problem([], 'needs assume_role_arn (recommended) or access_key_id with secret_access_key');
    if (keys && doc.secret_access_key === undefined) ctx.problem(['access_key_id'], 'access_key_id needs secret_access_key');
    if (!keys && doc.secret_access_key !== undefined) ctx.problem(['secret_access_key'], 'secret_access_key is only valid with access_key_id');
    if (!keys && doc.session_token !== undefined) ctx.problem(['session_token'], 'session_token is only valid with access_key_id');
    if (!role && doc.assume_role_session_name !== undefined) {
      ctx.problem(['assume_role_session_name'], 'assume_role_session_name is only valid with assume_role_arn');
    }
    return {
      type: 'aws',
      ...(doc.assume_role_arn !== undefined ? { assumeRoleArn: doc.assume_role_arn } : {}),
      ...(doc.assume_role_session_name !== undefined ? { assumeRoleSessionName: doc.assume_role_session_name } : {}),
      ...(doc.access_key_id !== undefined ? { accessKeyId: ctx.textOrSecret(doc.access_key_id, ['access_key_id'], 'accessKeyId') } : {}),
      ...(doc.secret_access_key !== undefined
        ? { secretAccessKey: ctx.secret(doc.secret_access_key, ['secret_access_key'], 'secretAccessKey') }
        : {}),
      ...(doc.session_token !== undefined ? { sessionToken: ctx.textOrSecret(doc.session_token, ['session_token'], 'sessionToken') } : {}),
      ...(doc.region !== undefined ? { region: doc.region } : {}),
      ...(doc.endpoint !== undefined ? { endpoint: doc.endpoint } : {}),
    };
  },

  kafka: (doc, ctx) => {
    checkKafkaSecurity(doc, ctx);
    const brokerDocs = kafkaBrokerDocs(doc, ctx);
    const brokers = brokerDocs.map(({ broker, at }, i) => kafkaBroker(broker, at, i, ctx));
    return {
      type: 'kafka',
      brokers,
      ...optional('defaultPath', kafkaDefaultPath(doc, ctx)),
      ...(doc.security_protocol !== undefined ? { securityProtocol: doc.security_protocol } : {}),
      ...(doc.sasl_mechanisms !== undefined ? { saslMechanisms: doc.sasl_mechanisms } : {}),
      ...(doc.sasl_username !== undefined ? { saslUsername: ctx.textOrSecret(doc.sasl_username, ['sasl_username'], 'saslUsername') } : {}),
      ...(doc.sasl_password !== undefined ? { saslPassword: ctx.secret(doc.sasl_password, ['sasl_password'], 'saslPassword') } : {}),
      ...tls(doc, ctx),
      ...(doc.aws_connection !== undefined ? { awsConnection: ctx.reference(doc.aws_connection, ['aws_connection'], 'awsConnection') } : {}),
      ...(doc.progress_topic !== undefined ? { progressTopic: doc.progress_topic } : {}),
      ...(doc.progress_topic_replication_factor !== undefined
        ? { progressTopicReplicationFactor: doc.progress_topic_replication_factor }
        : {}),
    };
  },

  'confluent-schema-registry': (doc, ctx) => {
    if (doc.password !== undefined && doc.username === undefined) ctx.problem(['password'], 'password is only valid with username');
    if (doc.username !== undefined && doc.password === undefined) ctx.problem(['username'], 'username needs password');
    return {
      type: 'confluent-schema-registry',
      url: doc.url,
      ...(doc.username !== undefined ? { username: ctx.textOrSecret(doc.username, ['username'], 'username') } : {}),
      ...(doc.password !== undefined ? { password: ctx.secret(doc.password, ['password'], 'password') } : {}),
      ...tls(doc, ctx),
      ...optional('path', networkPath(doc, ctx)),
    };
  },

  postgres: (doc, ctx) => ({
    type: 'postgres',
    host: doc.host,
    ...(doc.port !== undefined ? { port: doc.port } : {}),
    database: doc.database,
    user: ctx.textOrSecret(doc.user, ['user'], 'user'),
    ...(doc.password !== undefined ? { password: ctx.secret(doc.password, ['password'], 'password') } : {}),
    ...(doc.ssl_mode !== undefined ? { sslMode: doc.ssl_mode } : {}),
    ...tls(doc, ctx),
    ...optional('path', networkPath(doc, ctx)),
    ...(doc.aws_connection !== undefined ? { awsConnection: ctx.reference(doc.aws_connection, ['aws_connection'], 'awsConnection') } : {}),
  }),

  mysql: (doc, ctx) => ({
    type: 'mysql',
    host: doc.host,
    ...(doc.port !== undefined ? { port: doc.port } : {}),
    user: ctx.textOrSecret(doc.user, ['user'], 'user'),
    ...(doc.password !== undefined ? { password: ctx.secret(doc.password, ['password'], 'password') } : {}),
    ...(doc.ssl_mode !== undefined ? { sslMode: doc.ssl_mode } : {}),
    ...tls(doc, ctx),
    ...optional('path', networkPath(doc, ctx)),
    ...(doc.aws_connection !== undefined ? { awsConnection: ctx.reference(doc.aws_connection, ['aws_connection'], 'awsConnection') } : {}),
  }),
};

export function convertConnection(doc: ConnectionDoc, ctx: ObjectContext): ConnectionSpec {
  const convert = converters[doc.type] as (doc: ConnectionDoc, ctx: ObjectContext) => ConnectionSpec;
  return convert(doc, ctx);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

interface TlsDocFields {
  ssl_certificate_authority?: DocOf<'kafka'>['ssl_certificate_authority'];
  ssl_certificate?: DocOf<'kafka'>['ssl_certificate'];
  ssl_key?: DocOf<'kafka'>['ssl_key'];
}

function tls(doc: TlsDocFields, ctx: ObjectContext): TlsOptions {
  // Materialize: "SSL KEY: required and only valid when SSL CERTIFICATE is specified".
  if (doc.ssl_key !== undefined && doc.ssl_certificate === undefined) ctx.problem(['ssl_key'], 'ssl_key is only valid with ssl_certificate');
  if (doc.ssl_certificate !== undefined && doc.ssl_key === undefined) ctx.problem(['ssl_certificate'], 'ssl_certificate needs ssl_key');
  return {
    ...(doc.ssl_certificate_authority !== undefined
      ? { sslCertificateAuthority: ctx.textOrSecret(doc.ssl_certificate_authority, ['ssl_certificate_authority'], 'sslCertificateAuthority') }
      : {}),
    ...(doc.ssl_certificate !== undefined ? { sslCertificate: ctx.textOrSecret(doc.ssl_certificate, ['ssl_certificate'], 'sslCertificate') } : {}),
    ...(doc.ssl_key !== undefined ? { sslKey: ctx.secret(doc.ssl_key, ['ssl_key'], 'sslKey') } : {}),
  };
}

function networkPath(doc: { ssh_tunnel?: RefDoc; aws_privatelink?: RefDoc }, ctx: ObjectContext): NetworkPath | undefined {
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem(['aws_privatelink'], 'set either ssh_tunnel or aws_privatelink, not both');
  }
  if (doc.ssh_tunnel !== undefined) {
    return { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, ['ssh_tunnel'], 'path.connection') };
  }
  if (doc.aws_privatelink !== undefined) {
    return { kind: 'aws-privatelink', connection: ctx.reference(doc.aws_privatelink, ['aws_privatelink'], 'path.connection') };
  }
  return undefined;
}

function kafkaBrokerDocs(doc: DocOf<'kafka'>, ctx: ObjectContext): { broker: KafkaBrokerDoc; at: (string | number)[] }[] {
  if (doc.broker !== undefined && doc.brokers !== undefined) {
    ctx.problem(['brokers'], 'set either broker or brokers, not both (Materialize refuses BROKER with BROKERS)');
  }
  const listed =
    doc.brokers !== undefined
      ? doc.brokers.map((broker, i) => ({ broker, at: ['brokers', i] }))
      : doc.broker !== undefined
        ? [{ broker: doc.broker, at: ['broker'] }]
        : [];
  if (doc.aws_privatelink !== undefined && listed.length > 0) {
    ctx.problem(
      ['aws_privatelink'],
      'a default aws_privatelink is the bootstrap server and excludes broker and brokers; to route listed brokers through PrivateLink, set aws_privatelink on each broker',
    );
  }
  if (doc.aws_privatelink === undefined && listed.length === 0) {
    ctx.problem([], 'needs broker, brokers, or a default aws_privatelink');
  }
  return listed;
}

function kafkaBroker(doc: KafkaBrokerDoc, at: (string | number)[], index: number, ctx: ObjectContext): KafkaBroker {
  if (typeof doc === 'string') return { address: doc };
  const field = `brokers[${index}].path.connection`;
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem([...at, 'aws_privatelink'], 'a broker goes through either ssh_tunnel or aws_privatelink, not both');
  }
  if (doc.aws_privatelink === undefined) {
    for (const option of ['privatelink_port', 'availability_zone'] as const) {
      if (doc[option] !== undefined) ctx.problem([...at, option], `${option} is only valid with aws_privatelink on the same broker`);
    }
  }
  let path: BrokerPath | undefined;
  if (doc.ssh_tunnel !== undefined) {
    path = { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, [...at, 'ssh_tunnel'], field) };
  } else if (doc.aws_privatelink !== undefined) {
    path = {
      kind: 'aws-privatelink',
      connection: ctx.reference(doc.aws_privatelink, [...at, 'aws_privatelink'], field),
      ...(doc.privatelink_port !== undefined ? { port: doc.privatelink_port } : {}),
      ...(doc.availability_zone !== undefined ? { availabilityZone: doc.availability_zone } : {}),
    };
  }
  return { address: doc.address, ...optional('path', path) };
}

function kafkaDefaultPath(doc: DocOf<'kafka'>, ctx: ObjectContext): KafkaDefaultPath | undefined {
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem(['aws_privatelink'], 'set either a default ssh_tunnel or a default aws_privatelink, not both');
  }
  if (doc.privatelink_port !== undefined && doc.aws_privatelink === undefined) {
    ctx.problem(['privatelink_port'], 'privatelink_port is only valid with aws_privatelink');
  }
  if (doc.ssh_tunnel !== undefined) {
    return { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, ['ssh_tunnel'], 'defaultPath.connection') };
  }
  if (doc.aws_privatelink !== undefined) {
    return {
      kind: 'aws-privatelink',
      connection: ctx.reference(doc.aws_privatelink, ['aws_privatelink'], 'defaultPath.connection'),
      ...(doc.privatelink_port !== undefined ? { port: doc.privatelink_port } : {}),
    };
  }
  return undefined;
}

const SASL_OPTIONS = ['sasl_mechanisms', 'sasl_username', 'sasl_password'] as const;
const SSL_OPTIONS = ['ssl_certificate_authority', 'ssl_certificate', 'ssl_key'] as const;

/** The security protocol decides which authentication options Materialize accepts. */
function checkKafkaSecurity(doc: DocOf<'kafka'>, ctx: ObjectContext): void {
  const protocol = doc.security_protocol;
  const sasl = SASL_OPTIONS.filter((o) => doc[o] !== undefined);
  const iam = doc.aws_connection !== undefined;
  if (protocol === 'PLAINTEXT' || protocol === 'SSL') {
    for (const option of sasl) ctx.problem([option], `${option} needs security_protocol SASL_PLAINTEXT or SASL_SSL, not ${protocol}`);
    if (iam) ctx.problem(['aws_connection'], `aws_connection needs security_protocol SASL_PLAINTEXT or SASL_SSL, not ${protocol}`);
  }
  if (protocol === 'PLAINTEXT' || protocol === 'SASL_PLAINTEXT') {
    for (const option of SSL_OPTIONS) {
      if (doc[option] !== undefined) ctx.problem([option], `${option} needs security_protocol SSL or SASL_SSL, not ${protocol}`);
    }
  }
  if (iam && doc.sasl_mechanisms !== undefined) {
    ctx.problem(['sasl_mechanisms'], 'sasl_mechanisms cannot be set with aws_connection (IAM authentication picks its own)');
  }
  const saslProtocol = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL' || (protocol === undefined && sasl.length > 0);
  if (saslProtocol && !iam) {
    const missing = SASL_OPTIONS.filter((o) => doc[o] === undefined);
    if (missing.length > 0) {
      const why = protocol ? `security_protocol ${protocol}` : 'SASL authentication';
      ctx.problem(protocol ? ['security_protocol'] : [sasl[0]!], `${why} needs ${missing.join(', ')}`);
    }
  }
}
