import type {
  BrokerPath,
  ConnectionSpec,
  ConnectionType,
  KafkaBroker,
  KafkaConnection,
  NetworkPath,
  TextOrSecret,
  TlsOptions,
} from '../../model/connections.js';
import type { ObjectName } from '../../model/names.js';
import { CONNECTION_OPTION_NAMES, type ConnectionOptionName } from '../ast.js';
import { qualifiedName, quoteLiteral } from '../quote.js';

/**
 * One rendered `NAME = value` of a CREATE CONNECTION option list, with the
 * model field it came from (what ALTER CONNECTION's changed fields refer to).
 */
export interface RenderedOption {
  readonly name: ConnectionOptionName;
  readonly value: string;
  readonly field: string;
}

const ORDER = new Map<string, number>(CONNECTION_OPTION_NAMES.map((n, i) => [n, i]));

/** Materialize's `ConnectionOptionName` enum order, the order the server stores options in. */
export function compareOptionNames(a: ConnectionOptionName, b: ConnectionOptionName): number {
  return ORDER.get(a)! - ORDER.get(b)!;
}

export function renderInteger(n: number, what: string): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer, got ${n}`);
  return String(n);
}

export function renderTextOrSecret(v: TextOrSecret): string {
  return v.kind === 'text' ? quoteLiteral(v.value) : `SECRET ${qualifiedName(v.secret)}`;
}

function secretRef(name: ObjectName): string {
  return `SECRET ${qualifiedName(name)}`;
}

export function renderBroker(broker: KafkaBroker): string {
  return quoteLiteral(broker.address) + renderBrokerPath(broker.path);
}

function renderBrokerPath(path: BrokerPath | undefined): string {
  if (!path) return '';
  switch (path.kind) {
    case 'ssh-tunnel':
      return ` USING SSH TUNNEL ${qualifiedName(path.connection)}`;
    case 'aws-privatelink': {
      const opts: string[] = [];
      if (path.port !== undefined) opts.push(`PORT = ${renderInteger(path.port, 'PORT')}`);
      if (path.availabilityZone !== undefined) opts.push(`AVAILABILITY ZONE = ${quoteLiteral(path.availabilityZone)}`);
      return ` USING AWS PRIVATELINK ${qualifiedName(path.connection)}${opts.length ? ` (${opts.join(', ')})` : ''}`;
    }
  }
}

type Collect = (name: ConnectionOptionName, value: string | undefined, field: string) => void;

function tls(spec: TlsOptions, add: Collect): void {
  add('SSL CERTIFICATE AUTHORITY', spec.sslCertificateAuthority && renderTextOrSecret(spec.sslCertificateAuthority), 'sslCertificateAuthority');
  add('SSL CERTIFICATE', spec.sslCertificate && renderTextOrSecret(spec.sslCertificate), 'sslCertificate');
  add('SSL KEY', spec.sslKey && secretRef(spec.sslKey), 'sslKey');
}

function networkPath(path: NetworkPath | undefined, add: Collect): void {
  add('SSH TUNNEL', path?.kind === 'ssh-tunnel' ? qualifiedName(path.connection) : undefined, 'path');
  add('AWS PRIVATELINK', path?.kind === 'aws-privatelink' ? qualifiedName(path.connection) : undefined, 'path');
}

function kafkaBrokers(spec: KafkaConnection, add: Collect): void {
  add('BROKER', spec.brokers.length === 1 ? renderBroker(spec.brokers[0]!) : undefined, 'brokers');
  add('BROKERS', spec.brokers.length > 1 ? `(${spec.brokers.map(renderBroker).join(', ')})` : undefined, 'brokers');
  const d = spec.defaultPath;
  add('SSH TUNNEL', d?.kind === 'ssh-tunnel' ? qualifiedName(d.connection) : undefined, 'defaultPath');
  // The default PrivateLink keeps Materialize's stored form: no `=` inside the parentheses.
  const port = d?.kind === 'aws-privatelink' && d.port !== undefined ? ` (PORT ${renderInteger(d.port, 'PORT')})` : '';
  add('AWS PRIVATELINK', d?.kind === 'aws-privatelink' ? `${qualifiedName(d.connection)}${port}` : undefined, 'defaultPath');
}

const COLLECTORS: { readonly [T in ConnectionType]: (spec: Extract<ConnectionSpec, { type: T }>, add: Collect) => void } = {
  'ssh-tunnel': (s, add) => {
    add('HOST', quoteLiteral(s.host), 'host');
    add('PORT', s.port === undefined ? undefined : renderInteger(s.port, 'PORT'), 'port');
    add('USER', quoteLiteral(s.user), 'user');
  },
  'aws-privatelink': (s, add) => {
    add('SERVICE NAME', quoteLiteral(s.serviceName), 'serviceName');
    add('AVAILABILITY ZONES', `(${s.availabilityZones.map(quoteLiteral).join(', ')})`, 'availabilityZones');
  },
  aws: (s, add) => {
    add('ACCESS KEY ID', s.accessKeyId && renderTextOrSecret(s.accessKeyId), 'accessKeyId');
    add('ASSUME ROLE ARN', s.assumeRoleArn === undefined ? undefined : quoteLiteral(s.assumeRoleArn), 'assumeRoleArn');
    add('ASSUME ROLE SESSION NAME', s.assumeRoleSessionName === undefined ? undefined : quoteLiteral(s.assumeRoleSessionName), 'assumeRoleSessionName');
    add('ENDPOINT', s.endpoint === undefined ? undefined : quoteLiteral(s.endpoint), 'endpoint');
    add('REGION', s.region === undefined ? undefined : quoteLiteral(s.region), 'region');
    add('SECRET ACCESS KEY', s.secretAccessKey && secretRef(s.secretAccessKey), 'secretAccessKey');
    add('SESSION TOKEN', s.sessionToken && renderTextOrSecret(s.sessionToken), 'sessionToken');
  },
  kafka: (s, add) => {
    kafkaBrokers(s, add);
    add('SECURITY PROTOCOL', s.securityProtocol === undefined ? undefined : quoteLiteral(s.securityProtocol), 'securityProtocol');
    add('SASL MECHANISMS', s.saslMechanisms === undefined ? undefined : quoteLiteral(s.saslMechanisms), 'saslMechanisms');
    add('SASL USERNAME', s.saslUsername && renderTextOrSecret(s.saslUsername), 'saslUsername');
    add('SASL PASSWORD', s.saslPassword && secretRef(s.saslPassword), 'saslPassword');
    add('AWS CONNECTION', s.awsConnection && qualifiedName(s.awsConnection), 'awsConnection');
    add('PROGRESS TOPIC', s.progressTopic === undefined ? undefined : quoteLiteral(s.progressTopic), 'progressTopic');
    add(
      'PROGRESS TOPIC REPLICATION FACTOR',
      s.progressTopicReplicationFactor === undefined ? undefined : renderInteger(s.progressTopicReplicationFactor, 'PROGRESS TOPIC REPLICATION FACTOR'),
      'progressTopicReplicationFactor',
    );
    tls(s, add);
  },
  'confluent-schema-registry': (s, add) => {
    add('URL', quoteLiteral(s.url), 'url');
    // Materialize stores the USERNAME alias as USER.
    add('USER', s.username && renderTextOrSecret(s.username), 'username');
    add('PASSWORD', s.password && secretRef(s.password), 'password');
    networkPath(s.path, add);
    tls(s, add);
  },
  postgres: (s, add) => {
    add('HOST', quoteLiteral(s.host), 'host');
    add('PORT', s.port === undefined ? undefined : renderInteger(s.port, 'PORT'), 'port');
    add('DATABASE', quoteLiteral(s.database), 'database');
    add('USER', renderTextOrSecret(s.user), 'user');
    add('PASSWORD', s.password && secretRef(s.password), 'password');
    add('SSL MODE', s.sslMode === undefined ? undefined : quoteLiteral(s.sslMode), 'sslMode');
    networkPath(s.path, add);
    add('AWS CONNECTION', s.awsConnection && qualifiedName(s.awsConnection), 'awsConnection');
    tls(s, add);
  },
  mysql: (s, add) => {
    add('HOST', quoteLiteral(s.host), 'host');
    add('PORT', s.port === undefined ? undefined : renderInteger(s.port, 'PORT'), 'port');
    add('USER', renderTextOrSecret(s.user), 'user');
    add('PASSWORD', s.password && secretRef(s.password), 'password');
    add('SSL MODE', s.sslMode === undefined ? undefined : quoteLiteral(s.sslMode), 'sslMode');
    networkPath(s.path, add);
    add('AWS CONNECTION', s.awsConnection && qualifiedName(s.awsConnection), 'awsConnection');
    tls(s, add);
  },
};

/**
 * Every option the spec sets, in Materialize's stored order. With
 * `includeAbsent`, options the spec could set but does not come back with an
 * undefined value (ALTER CONNECTION needs them to RESET).
 */
export function connectionOptions(spec: ConnectionSpec): RenderedOption[];
export function connectionOptions(spec: ConnectionSpec, includeAbsent: true): { name: ConnectionOptionName; value?: string; field: string }[];
export function connectionOptions(spec: ConnectionSpec, includeAbsent = false): { name: ConnectionOptionName; value?: string; field: string }[] {
  const out: { name: ConnectionOptionName; value?: string; field: string }[] = [];
  const add: Collect = (name, value, field) => {
    if (value !== undefined) out.push({ name, value, field });
    else if (includeAbsent) out.push({ name, field });
  };
  (COLLECTORS[spec.type] as (s: ConnectionSpec, add: Collect) => void)(spec, add);
  return out.sort((a, b) => compareOptionNames(a.name, b.name));
}

/** `TO KAFKA`, `TO CONFLUENT SCHEMA REGISTRY`, ... */
export const CONNECTION_TYPE_SQL: Record<ConnectionType, string> = {
  'ssh-tunnel': 'SSH TUNNEL',
  'aws-privatelink': 'AWS PRIVATELINK',
  aws: 'AWS',
  kafka: 'KAFKA',
  'confluent-schema-registry': 'CONFLUENT SCHEMA REGISTRY',
  postgres: 'POSTGRES',
  mysql: 'MYSQL',
};
