import type { BrokerPath, ConnectionSpec, ConnectionType, KafkaBroker, KafkaDefaultPath, NetworkPath, TextOrSecret } from '../../model/connections.js';
import type { ObjectName } from '../../model/names.js';
import { connectionEntries } from '../../model/index.js';
import type { Codec, CodecKind, SqlOptionName } from '../../model/index.js';
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

/** Every option name the registry uses is one the parser knows: a compile error otherwise. */
type Known<T extends ConnectionOptionName> = T;
export type RegistryOptionNames = Known<SqlOptionName>;

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
  // A rule is stored as `MATCHING '<pattern>' USING AWS PRIVATELINK c (...)` (src/sql-parser/src/ast/defs/statement.rs:634).
  return (broker.matching ? 'MATCHING ' : '') + quoteLiteral(broker.address) + renderBrokerPath(broker.path);
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
type Render<K extends CodecKind> = (value: never, codec: Extract<Codec, { kind: K }>, add: (name: ConnectionOptionName, value: string | undefined) => void, parts: readonly SqlOptionName[]) => void;

/** How each codec's value is written as connection options. `parts` are the entry's SQL options, in registry order. */
const RENDER: { readonly [K in CodecKind]: Render<K> } = {
  text: (v: string, _c, add, [name]) => add(name!, quoteLiteral(v)),
  'text-or-secret': (v: TextOrSecret, _c, add, [name]) => add(name!, renderTextOrSecret(v)),
  secret: (v: ObjectName, _c, add, [name]) => add(name!, secretRef(v)),
  integer: (v: number, _c, add, [name]) => add(name!, renderInteger(v, name!)),
  'text-list': (v: readonly string[], _c, add, [name]) => add(name!, `(${v.map(quoteLiteral).join(', ')})`),
  reference: (v: ObjectName, _c, add, [name]) => add(name!, qualifiedName(v)),
  'network-path': (v: NetworkPath, _c, add) => {
    add('SSH TUNNEL', v.kind === 'ssh-tunnel' ? qualifiedName(v.connection) : undefined);
    add('AWS PRIVATELINK', v.kind === 'aws-privatelink' ? qualifiedName(v.connection) : undefined);
  },
  'kafka-brokers': (v: readonly KafkaBroker[], _c, add) => {
    add('BROKER', v.length === 1 ? renderBroker(v[0]!) : undefined);
    add('BROKERS', v.length > 1 ? `(${v.map(renderBroker).join(', ')})` : undefined);
  },
  'kafka-default-path': (d: KafkaDefaultPath, _c, add) => {
    add('SSH TUNNEL', d.kind === 'ssh-tunnel' ? qualifiedName(d.connection) : undefined);
    // The default PrivateLink keeps Materialize's stored form: no `=` inside the parentheses.
    const port = d.kind === 'aws-privatelink' && d.port !== undefined ? ` (PORT ${renderInteger(d.port, 'PORT')})` : '';
    add('AWS PRIVATELINK', d.kind === 'aws-privatelink' ? `${qualifiedName(d.connection)}${port}` : undefined);
  },
};

function collect(spec: ConnectionSpec, add: Collect): void {
  const values = spec as unknown as Record<string, unknown>;
  for (const [field, entry] of connectionEntries(spec.type)) {
    const parts = [...new Set(entry.parts.map((p) => p.sql))];
    const value = values[field];
    if (value === undefined) {
      for (const name of parts) add(name, undefined, field);
      continue;
    }
    (RENDER[entry.codec.kind] as Render<CodecKind>)(value as never, entry.codec as never, (name, text) => add(name, text, field), parts);
  }
}

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
  collect(spec, add);
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
