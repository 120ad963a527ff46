import {
  CONNECTION_OPTION_NAMES,
  type ConnectionOption,
  type ConnectionOptionName,
  type ConnectionTypeName,
  type CreateConnectionStatement,
  type KafkaBroker,
  type Value,
} from '../../sql/ast.js';
import { KAFKA_BROKER_MATCHING_RULES, type SystemVarsView, requireFeature } from '../system/system-vars.js';
import { MzError } from '../errors.js';
import { CONNECTION_TYPE_WORDS } from '../connection-types.js';

/**
 * What Materialize accepts in CREATE CONNECTION, as data, in the order its
 * planner checks (src/sql/src/plan/statement/ddl/connection.rs): first each
 * option as written (duplicates, value types), then every option the type
 * does not take (all in one message), then the per-type rules. Checked on
 * CREATE and again on the statement an ALTER produces. The option tables are
 * exported as data: tests compare mzform's own option registry with this
 * second account.
 */
export const ALLOWED_CONNECTION_OPTIONS: Record<ConnectionTypeName, readonly ConnectionOptionName[]> = {
  kafka: [
    'AWS CONNECTION', 'AWS PRIVATELINK', 'BROKER', 'BROKERS', 'PROGRESS TOPIC', 'PROGRESS TOPIC REPLICATION FACTOR',
    'SASL MECHANISMS', 'SASL PASSWORD', 'SASL USERNAME', 'SECURITY PROTOCOL', 'SSH TUNNEL', 'SSL CERTIFICATE',
    'SSL CERTIFICATE AUTHORITY', 'SSL KEY',
  ],
  'confluent-schema-registry': ['AWS PRIVATELINK', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'URL', 'USER'],
  // No AWS CONNECTION: Materialize's Postgres connections take no IAM authentication.
  postgres: ['AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  mysql: ['AWS CONNECTION', 'AWS PRIVATELINK', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
  aws: ['ACCESS KEY ID', 'ASSUME ROLE ARN', 'ASSUME ROLE SESSION NAME', 'ENDPOINT', 'REGION', 'SECRET ACCESS KEY', 'SESSION TOKEN'],
  'aws-privatelink': ['AVAILABILITY ZONES', 'PORT', 'SERVICE NAME'],
  'ssh-tunnel': ['HOST', 'PORT', 'USER'],
  'sql-server': ['AWS PRIVATELINK', 'DATABASE', 'HOST', 'PASSWORD', 'PORT', 'SSH TUNNEL', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'SSL KEY', 'SSL MODE', 'USER'],
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
  'sql-server': ['HOST', 'DATABASE', 'USER', 'PASSWORD'],
  'iceberg-catalog': ['CATALOG TYPE', 'URL'],
};

/** Options whose value must be `SECRET name` (`with_options::Secret`), not text. */
const SECRET_ONLY: readonly ConnectionOptionName[] = ['PASSWORD', 'SASL PASSWORD', 'SECRET ACCESS KEY', 'SSL KEY'];

/** Options whose value is a port number (`u16`). */
const PORT_OPTIONS: readonly ConnectionOptionName[] = ['PORT'];

/** Kafka options that only some security protocols use; one left over is refused by name. */
const KAFKA_SECURITY_OPTIONS: readonly ConnectionOptionName[] = ['SSL KEY', 'SSL CERTIFICATE', 'SSL CERTIFICATE AUTHORITY', 'AWS CONNECTION', 'SASL MECHANISMS', 'SASL USERNAME', 'SASL PASSWORD'];
const KAFKA_SASL_OPTIONS: readonly ConnectionOptionName[] = ['AWS CONNECTION', 'SASL MECHANISMS', 'SASL USERNAME', 'SASL PASSWORD'];
const KAFKA_SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;

/** SSL MODE values per type, as Materialize matches them (Postgres exactly, MySQL and SQL Server upper-cased). */
const SSL_MODES: Partial<Record<ConnectionTypeName, { readonly upper: boolean; readonly values: readonly string[] }>> = {
  postgres: { upper: false, values: ['disable', 'require', 'required', 'verify_ca', 'verify-ca', 'verify_full', 'verify-full'] },
  mysql: { upper: true, values: ['DISABLED', 'REQUIRED', 'REQUIRE', 'VERIFY_CA', 'VERIFY-CA', 'VERIFY_IDENTITY', 'VERIFY-IDENTITY'] },
  'sql-server': { upper: true, values: ['DISABLED', 'REQUIRED', 'VERIFY', 'VERIFY_CA'] },
};

/** The words of PORT for AWS PRIVATELINK refusals. */
const PRIVATELINK_PORT_REFUSED: Partial<Record<ConnectionTypeName, string>> = {
  'confluent-schema-registry': 'CONFLUENT SCHEMA REGISTRY',
  postgres: 'POSTGRES',
  mysql: 'MYSQL',
  'sql-server': 'SQL SERVER',
};

type Options = ReadonlyMap<ConnectionOptionName, ConnectionOption>;

/** Checks the options of a CREATE CONNECTION (or the statement an ALTER produces). */
export function checkConnectionOptions(statement: Pick<CreateConnectionStatement, 'connectionType' | 'options'>, systemVars: SystemVarsView): void {
  const type = statement.connectionType;
  const seen = extractOptions(statement.options);
  checkSupported(type, seen);
  PER_TYPE[type](seen, type, systemVars);
}

/** Each option as written: once only, and a value of its kind (Materialize's option extraction). */
function extractOptions(options: readonly ConnectionOption[]): Options {
  const seen = new Map<ConnectionOptionName, ConnectionOption>();
  for (const o of options) {
    if (o.name === 'PUBLIC KEY 1' || o.name === 'PUBLIC KEY 2') throw new MzError(`the ${o.name} option cannot be explicitly specified`);
    if (seen.has(o.name)) throw new MzError(`${o.name} specified more than once`);
    seen.set(o.name, o);
    const v = o.value.kind === 'value' ? o.value.value : undefined;
    if (SECRET_ONLY.includes(o.name) && v !== undefined && v.kind !== 'secret') throw new MzError(`invalid ${o.name}: must provide a secret value`);
    if (PORT_OPTIONS.includes(o.name) && v !== undefined) checkPort(o.name, v);
  }
  return seen;
}

function checkPort(name: string, v: Value): void {
  const text = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : undefined;
  if (text === undefined || !/^[0-9]+$/.test(text)) throw new MzError(`invalid ${name}: cannot use value as number`);
  if (Number(text) > 65535) throw new MzError(`invalid ${name}: number too large to fit in target type`);
}

/** Every option the type does not take, in Materialize's option order, in one message. */
function checkSupported(type: ConnectionTypeName, seen: Options): void {
  const unsupported = CONNECTION_OPTION_NAMES.filter((n) => seen.has(n) && n !== 'PUBLIC KEY 1' && n !== 'PUBLIC KEY 2' && !ALLOWED_CONNECTION_OPTIONS[type].includes(n));
  if (unsupported.length > 0) throw new MzError(`${CONNECTION_TYPE_WORDS[type]} connections do not support ${unsupported.join(', ')} values`);
}

/** A word or text value as written: `SECURITY PROTOCOL plaintext`, `SSL MODE 'require'`. */
function text(seen: Options, name: ConnectionOptionName): string | undefined {
  const o = seen.get(name);
  if (o?.value.kind !== 'value') return undefined;
  const v = o.value.value;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'name') return v.name.parts.map((p) => p.value).join('.');
  if (v.kind === 'number') return v.text;
  if (v.kind === 'boolean') return String(v.value);
  return undefined;
}

function required(seen: Options, ...names: ConnectionOptionName[]): void {
  for (const name of names) if (!seen.has(name)) throw new MzError(`${name} option is required`);
}

function tlsIdentity(seen: Options, message: string): void {
  if (seen.has('SSL CERTIFICATE') !== seen.has('SSL KEY')) throw new MzError(`invalid CONNECTION: ${message}`);
}

function sslMode(seen: Options, type: ConnectionTypeName): string | undefined {
  const mode = text(seen, 'SSL MODE');
  const rule = SSL_MODES[type];
  if (mode === undefined || !rule) return mode;
  const compared = rule.upper ? mode.toUpperCase() : mode;
  if (!rule.values.includes(compared)) throw new MzError(`invalid CONNECTION: unknown SSL MODE ${quoted(compared)}`);
  return compared;
}

/** A Postgres-like connection's network path: one of SSH TUNNEL or AWS PRIVATELINK, and PrivateLink without PORT. */
function singleTunnel(seen: Options, type: ConnectionTypeName): void {
  const pl = seen.get('AWS PRIVATELINK');
  if (pl?.value.kind === 'privatelink' && pl.value.options.some((o) => o.name === 'PORT')) {
    throw new MzError(`invalid CONNECTION: ${PRIVATELINK_PORT_REFUSED[type] ?? CONNECTION_TYPE_WORDS[type]} does not support PORT for AWS PRIVATELINK`);
  }
  if (seen.has('SSH TUNNEL') && pl) throw new MzError('cannot specify both SSH TUNNEL and AWS PRIVATELINK');
}

function quoted(s: string): string {
  return `"${s.replaceAll('"', '\\"')}"`;
}

const PER_TYPE: Record<ConnectionTypeName, (seen: Options, type: ConnectionTypeName, systemVars: SystemVarsView) => void> = {
  aws: (seen) => {
    const keys = seen.has('ACCESS KEY ID');
    const secret = seen.has('SECRET ACCESS KEY');
    const token = seen.has('SESSION TOKEN');
    if (!(keys && secret) && (keys || secret || token)) {
      throw new MzError('must specify both ACCESS KEY ID and SECRET ACCESS KEY with optional SESSION TOKEN');
    }
    if (!seen.has('ASSUME ROLE ARN') && seen.has('ASSUME ROLE SESSION NAME')) {
      throw new MzError('must specify ASSUME ROLE ARN with optional ASSUME ROLE SESSION NAME');
    }
    if (!keys && !seen.has('ASSUME ROLE ARN')) throw new MzError('must specify either ASSUME ROLE ARN or ACCESS KEY ID and SECRET ACCESS KEY');
    if (keys && seen.has('ASSUME ROLE ARN')) throw new MzError('cannot specify both ACCESS KEY ID and ASSUME ROLE ARN');
  },
  'aws-privatelink': (seen) => required(seen, ...REQUIRED_CONNECTION_OPTIONS['aws-privatelink']),
  kafka: (seen, _type, systemVars) => {
    checkKafkaSecurity(seen);
    const rules = checkKafkaBrokers(seen);
    // The flag is checked after the broker list and before the default route (connection.rs:317-331).
    if (rules) requireFeature(systemVars, KAFKA_BROKER_MATCHING_RULES);
    // MATCHING rules are a PrivateLink default route: a default SSH TUNNEL conflicts with them (build_tunnel_definition, connection.rs:1036).
    if (seen.has('SSH TUNNEL') && (seen.has('AWS PRIVATELINK') || rules)) throw new MzError('cannot specify both SSH TUNNEL and AWS PRIVATELINK');
    const factor = text(seen, 'PROGRESS TOPIC REPLICATION FACTOR');
    if (factor !== undefined && Number(factor) <= 0) {
      throw new MzError('invalid CONNECTION: PROGRESS TOPIC REPLICATION FACTOR must be greater than 0');
    }
  },
  'confluent-schema-registry': (seen, type) => {
    const url = text(seen, 'URL');
    if (url === undefined) throw new MzError('invalid CONNECTION: must specify URL');
    checkSchemaRegistryUrl(url);
    tlsIdentity(seen, 'reading from SSL-auth Confluent Schema Registry requires both SSL KEY and SSL CERTIFICATE');
    singleTunnel(seen, type);
  },
  postgres: (seen, type) => {
    tlsIdentity(seen, 'both SSL KEY and SSL CERTIFICATE are required');
    sslMode(seen, type);
    singleTunnel(seen, type);
    required(seen, ...REQUIRED_CONNECTION_OPTIONS.postgres);
  },
  'ssh-tunnel': (seen) => {
    required(seen, ...REQUIRED_CONNECTION_OPTIONS['ssh-tunnel']);
    const user = seen.get('USER');
    if (user?.value.kind === 'value' && user.value.value.kind === 'secret') throw new MzError('SSH connections do not support supplying USER value as SECRET');
  },
  mysql: (seen, type) => {
    const iam = seen.has('AWS CONNECTION');
    if (iam && seen.has('PASSWORD')) throw new MzError('invalid CONNECTION: AWS IAM authentication is not supported with password');
    tlsIdentity(seen, 'both SSL KEY and SSL CERTIFICATE are required');
    const mode = sslMode(seen, type);
    if (iam && (mode === undefined || mode === 'DISABLED')) throw new MzError('invalid CONNECTION: AWS IAM authentication requires SSL to be enabled');
    singleTunnel(seen, type);
    required(seen, ...REQUIRED_CONNECTION_OPTIONS.mysql);
  },
  'sql-server': (seen, type) => {
    sslMode(seen, type);
    singleTunnel(seen, type);
    required(seen, ...REQUIRED_CONNECTION_OPTIONS['sql-server']);
  },
  'iceberg-catalog': (seen) => {
    if (!seen.has('CATALOG TYPE')) throw new MzError('invalid CONNECTION: ICEBERG connections must specify CATALOG TYPE');
    if (!seen.has('URL')) throw new MzError('invalid CONNECTION: must specify URL');
  },
};

/**
 * The security protocol decides which TLS and SASL options apply (plan_kafka_security):
 * without one, any SASL option means SASL_SSL, else SSL.
 */
function checkKafkaSecurity(seen: Options): void {
  const written = text(seen, 'SECURITY PROTOCOL')?.toUpperCase();
  if (written !== undefined && !(KAFKA_SECURITY_PROTOCOLS as readonly string[]).includes(written)) {
    throw new MzError(`unknown security protocol: ${written}`);
  }
  const protocol = written ?? (KAFKA_SASL_OPTIONS.some((n) => seen.has(n)) ? 'SASL_SSL' : 'SSL');
  const outstanding = new Set(KAFKA_SECURITY_OPTIONS.filter((n) => seen.has(n)));
  if (protocol === 'SSL' || protocol === 'SASL_SSL') {
    outstanding.delete('SSL CERTIFICATE');
    outstanding.delete('SSL CERTIFICATE AUTHORITY');
    if (seen.has('SSL CERTIFICATE')) {
      outstanding.delete('SSL KEY');
      if (!seen.has('SSL KEY')) throw new MzError('SSL KEY must be specified with SSL CERTIFICATE');
    }
  }
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL') {
    outstanding.delete('AWS CONNECTION');
    if (!seen.has('AWS CONNECTION')) {
      for (const n of ['SASL MECHANISMS', 'SASL USERNAME', 'SASL PASSWORD'] as const) outstanding.delete(n);
      for (const n of ['SASL MECHANISMS', 'SASL USERNAME', 'SASL PASSWORD'] as const) if (!seen.has(n)) throw new MzError(`${n} must be specified`);
    }
  }
  const first = CONNECTION_OPTION_NAMES.find((n) => outstanding.has(n));
  if (first !== undefined) throw new MzError(`option ${first} not supported with this configuration`);
}

/** The broker list as get_brokers_and_rules checks it (connection.rs:718-760); whether it holds MATCHING rules. */
function checkKafkaBrokers(seen: Options): boolean {
  const routes = (['BROKER', 'BROKERS', 'AWS PRIVATELINK'] as const).filter((n) => seen.has(n));
  if (routes.length === 0) throw new MzError('invalid CONNECTION: must set one of BROKER, BROKERS, or AWS PRIVATELINK');
  if (routes.length > 1) throw new MzError('invalid CONNECTION: can only set one of BROKER, BROKERS, or AWS PRIVATELINK');
  const listed = brokersOf(seen);
  const rules = listed.some((b) => b.matching);
  // Rules route advertised brokers; bootstrapping needs a static one (connection.rs:741-746).
  if (rules && listed.every((b) => b.matching)) throw new MzError('invalid CONNECTION: BROKERS must contain at least one static broker address');
  for (const broker of listed.filter((b) => !b.matching)) {
    if (broker.address.includes(',')) {
      throw new MzError(
        "invalid CONNECTION: cannot specify multiple Kafka broker addresses in one string.\n\nInstead, specify BROKERS using multiple strings, e.g. BROKERS ('kafka:9092', 'kafka:9093')",
      );
    }
  }
  return rules;
}

function brokersOf(seen: Options): readonly KafkaBroker[] {
  const out: KafkaBroker[] = [];
  for (const o of seen.values()) {
    if (o.value.kind === 'broker') out.push(o.value.broker);
    if (o.value.kind === 'brokers') out.push(...o.value.brokers);
  }
  return out;
}

/** What reqwest's URL parser and the planner require of a schema registry URL: absolute, with a host, and no path. */
function checkSchemaRegistryUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MzError(`parsing schema registry url: ${/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) ? 'invalid URL' : 'relative URL without a base'}`);
  }
  if (parsed.hostname === '') throw new MzError('invalid CONNECTION: URL must specify domain name');
  if (parsed.pathname !== '/' && parsed.pathname !== '') throw new MzError('invalid CONNECTION: URL must have an empty path');
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

/**
 * A broker's AVAILABILITY ZONE must be one of its PrivateLink connection's
 * zones (plan_privatelink, connection.rs). `zonesOf` gives a resolved
 * PrivateLink connection's zones and full name.
 */
export function checkBrokerZones(options: readonly ConnectionOption[], zonesOf: (id: string) => { readonly zones: readonly string[]; readonly name: string } | undefined): void {
  const seen = new Map(options.map((o) => [o.name, o]));
  for (const broker of brokersOf(seen)) {
    if (broker.tunnel.kind !== 'aws-privatelink' || broker.tunnel.connection.id === undefined) continue;
    const zone = broker.tunnel.options.find((o) => o.name === 'AVAILABILITY ZONE')?.value;
    const target = zonesOf(broker.tunnel.connection.id);
    if (zone?.kind !== 'string' || !target || target.zones.includes(zone.value)) continue;
    throw new MzError(`AWS PrivateLink availability zone ${quoted(zone.value)} does not match any of the availability zones on the AWS PrivateLink connection ${quoted(target.name)}`);
  }
}
