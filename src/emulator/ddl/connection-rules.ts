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
  'confluent-schema-registry': ['AWS PRIVATELINK', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'URL', 'USER'],
  postgres: ['AWS CONNECTION', 'AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  mysql: ['AWS CONNECTION', 'AWS PRIVATELINK', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  aws: ['ACCESS KEY ID', 'ASSUME ROLE ARN', 'ASSUME ROLE SESSION NAME', 'ENDPOINT', 'REGION', 'SECRET ACCESS KEY', 'SESSION TOKEN'],
  'aws-privatelink': ['AVAILABILITY ZONES', 'SERVICE NAME'],
  'ssh-tunnel': ['HOST', 'PORT', 'USER'],
  'sql-server': ['AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE AUTHORITY', 'SSL MODE', 'USER'],
  'iceberg-catalog': ['AWS CONNECTION', 'CATALOG TYPE', 'CREDENTIAL', 'SCOPE', 'URL', 'WAREHOUSE'],
};

/** Options without which the statement is refused ("HOST option is required"), checked in this order. */
export const REQUIRED_CONNECTION_OPTIONS: Record<ConnectionTypeName, readonly ConnectionOptionName[]> = {
  kafka: [],
  'confluent-schema-registry': ['URL'],
  postgres: ['DATABASE', 'HOST', 'USER'],
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
  for (const required of REQUIRED_CONNECTION_OPTIONS[type]) if (!seen.has(required)) throw new MzError(`${required} option is required`);
  if (type === 'aws' && !seen.has('ASSUME ROLE ARN') && !seen.has('ACCESS KEY ID')) {
    throw new MzError('must specify either ASSUME ROLE ARN or ACCESS KEY ID and SECRET ACCESS KEY');
  }
  if (type === 'aws' && seen.has('ACCESS KEY ID') !== seen.has('SECRET ACCESS KEY')) {
    throw new MzError('must specify both ACCESS KEY ID and SECRET ACCESS KEY');
  }
}

/** The options Kafka connections can never change (`cannot ALTER KAFKA option PROGRESS TOPIC`; ddl/connection.rs `INALTERABLE_OPTIONS`). */
export const INALTERABLE_KAFKA_OPTIONS: readonly ConnectionOptionName[] = ['PROGRESS TOPIC', 'PROGRESS TOPIC REPLICATION FACTOR'];

/**
 * The route of a Postgres / MySQL / schema-registry / SQL Server connection:
 * Materialize keeps the tunnel it planned, so an ALTER may not change it
 * ("cannot be altered in the requested way"; see `tunnelKey`).
 */
export const FIXED_ROUTE_OPTIONS: Partial<Record<ConnectionTypeName, readonly ConnectionOptionName[]>> = {
  'confluent-schema-registry': ['SSH TUNNEL', 'AWS PRIVATELINK'],
  postgres: ['SSH TUNNEL', 'AWS PRIVATELINK'],
  mysql: ['SSH TUNNEL', 'AWS PRIVATELINK'],
  'sql-server': ['SSH TUNNEL', 'AWS PRIVATELINK'],
};

/** What ALTER CONNECTION can change, per type: what it accepts, less the two lists above. */
export const ALTERABLE_CONNECTION_OPTIONS = Object.fromEntries(
  Object.entries(ALLOWED_CONNECTION_OPTIONS).map(([type, names]) => [
    type,
    names.filter((n) => !(type === 'kafka' && INALTERABLE_KAFKA_OPTIONS.includes(n)) && !FIXED_ROUTE_OPTIONS[type as ConnectionTypeName]?.includes(n)),
  ]),
) as unknown as Record<ConnectionTypeName, readonly ConnectionOptionName[]>;

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
