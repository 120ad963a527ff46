import type { ConnectionOption, ConnectionOptionName, ConnectionTypeName, CreateConnectionStatement } from '../../sql/ast.js';
import { MzError } from '../errors.js';
import { CONNECTION_TYPE_WORDS } from '../connection-types.js';

/**
 * Which options each connection type takes and which it needs
 * (src/sql/src/plan/statement/ddl/connection.rs), checked on CREATE and again
 * on the statement an ALTER produces. The tables are exported as data: tests
 * compare mzform's own option registry with this second account.
 */
export const ALLOWED_CONNECTION_OPTIONS: Record<ConnectionTypeName, readonly ConnectionOptionName[]> = {
  kafka: [
    'AWS CONNECTION', 'AWS PRIVATELINK', 'BROKER', 'BROKERS', 'PROGRESS TOPIC', 'PROGRESS TOPIC REPLICATION FACTOR',
    'SASL MECHANISMS', 'SASL PASSWORD', 'SASL USERNAME', 'SECURITY PROTOCOL', 'SSH TUNNEL', 'SSL CERTIFICATE',
    'SSL CERTIFICATE AUTHORITY', 'SSL KEY',
  ],
  'confluent-schema-registry': ['AWS PRIVATELINK', 'PASSWORD', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'URL', 'USER'],
  postgres: ['AWS CONNECTION', 'AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  mysql: ['AWS CONNECTION', 'AWS PRIVATELINK', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  aws: ['ACCESS KEY ID', 'ASSUME ROLE ARN', 'ASSUME ROLE SESSION NAME', 'ENDPOINT', 'REGION', 'SECRET ACCESS KEY', 'SESSION TOKEN'],
  'aws-privatelink': ['AVAILABILITY ZONES', 'SERVICE NAME'],
  'ssh-tunnel': ['HOST', 'PORT', 'USER'],
  'sql-server': ['AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE AUTHORITY', 'SSL MODE', 'USER'],
  'iceberg-catalog': ['AWS CONNECTION', 'CATALOG TYPE', 'CREDENTIAL', 'SCOPE', 'URL', 'WAREHOUSE'],
};

export const REQUIRED_CONNECTION_OPTIONS: Record<ConnectionTypeName, readonly ConnectionOptionName[]> = {
  kafka: [],
  'confluent-schema-registry': ['URL'],
  postgres: ['HOST', 'USER'],
  mysql: ['HOST', 'USER'],
  aws: [],
  'aws-privatelink': ['SERVICE NAME', 'AVAILABILITY ZONES'],
  'ssh-tunnel': ['HOST', 'USER'],
  'sql-server': ['HOST', 'USER'],
  'iceberg-catalog': ['CATALOG TYPE', 'URL'],
};

/** Checks the options of a CREATE CONNECTION (or the statement an ALTER produces). */
export function checkConnectionOptions(statement: Pick<CreateConnectionStatement, 'connectionType' | 'options'>): void {
  const type = statement.connectionType;
  const seen = new Set<string>();
  for (const o of statement.options) {
    if (o.name === 'PUBLIC KEY 1' || o.name === 'PUBLIC KEY 2') throw new MzError(`the ${o.name} option cannot be explicitly specified`);
    if (seen.has(o.name)) throw new MzError(`${o.name} specified more than once`);
    seen.add(o.name);
  }
  for (const o of statement.options) {
    if (!ALLOWED_CONNECTION_OPTIONS[type].includes(o.name)) throw new MzError(`${CONNECTION_TYPE_WORDS[type]} connections do not support ${o.name} values`);
  }
  if (type === 'kafka') {
    const routes = ['BROKER', 'BROKERS', 'AWS PRIVATELINK'].filter((n) => seen.has(n));
    if (seen.has('BROKER') && seen.has('BROKERS')) throw new MzError('can only set one of BROKER, BROKERS, or AWS PRIVATELINK');
    if (routes.length === 0) throw new MzError('must set one of BROKER, BROKERS, or AWS PRIVATELINK');
    if (seen.has('SSH TUNNEL') && seen.has('AWS PRIVATELINK')) throw new MzError('cannot specify both SSH TUNNEL and AWS PRIVATELINK');
  }
  if (type === 'postgres' && !seen.has('DATABASE')) throw new MzError('DATABASE option is required');
  for (const required of REQUIRED_CONNECTION_OPTIONS[type]) if (!seen.has(required)) throw new MzError(`${required} option is required`);
  if (type === 'aws' && !seen.has('ASSUME ROLE ARN') && !seen.has('ACCESS KEY ID')) {
    throw new MzError('must specify either ASSUME ROLE ARN or ACCESS KEY ID and SECRET ACCESS KEY');
  }
  if (type === 'aws' && seen.has('ACCESS KEY ID') !== seen.has('SECRET ACCESS KEY')) {
    throw new MzError('must specify both ACCESS KEY ID and SECRET ACCESS KEY');
  }
}

/** Options no ALTER CONNECTION may name, whatever the type (INALTERABLE_OPTIONS, connection.rs:95). */
export const INALTERABLE_CONNECTION_OPTIONS: readonly ConnectionOptionName[] = ['PROGRESS TOPIC', 'PROGRESS TOPIC REPLICATION FACTOR'];

/** What ALTER CONNECTION ... SET / RESET may change per type: what CREATE takes, less the inalterable options. */
export const ALTERABLE_CONNECTION_OPTIONS: Record<ConnectionTypeName, readonly ConnectionOptionName[]> = {
  kafka: alterable('kafka'),
  'confluent-schema-registry': alterable('confluent-schema-registry'),
  postgres: alterable('postgres'),
  mysql: alterable('mysql'),
  aws: alterable('aws'),
  'aws-privatelink': alterable('aws-privatelink'),
  'ssh-tunnel': alterable('ssh-tunnel'),
  'sql-server': alterable('sql-server'),
  'iceberg-catalog': alterable('iceberg-catalog'),
};

function alterable(type: ConnectionTypeName): readonly ConnectionOptionName[] {
  return ALLOWED_CONNECTION_OPTIONS[type].filter((n) => !INALTERABLE_CONNECTION_OPTIONS.includes(n));
}

/** The network path of a Postgres / MySQL / schema-registry connection: it must not change on ALTER. */
export function tunnelKey(options: readonly ConnectionOption[]): string {
  const parts: string[] = [];
  for (const o of options) {
    if (o.name === 'SSH TUNNEL' && o.value.kind === 'value' && o.value.value.kind === 'name') parts.push(`ssh:${o.value.value.name.id ?? ''}`);
    if (o.name === 'AWS PRIVATELINK') {
      if (o.value.kind === 'privatelink') {
        const opts = o.value.options.map((x) => `${x.name}=${x.value ? JSON.stringify(x.value.kind === 'string' ? x.value.value : x.value.kind === 'number' ? x.value.text : '') : ''}`);
        parts.push(`pl:${o.value.connection.id ?? ''}:${opts.join(',')}`);
      } else if (o.value.kind === 'value' && o.value.value.kind === 'name') parts.push(`pl:${o.value.value.name.id ?? ''}`);
    }
  }
  return parts.join(';');
}
