import { displayName, type ObjectName, SecretValue, type TextOrSecret, type ValueShape } from '../model/index.js';

/**
 * A field change's value as one short line, formatted by the shape the differ
 * gives it. A change read back from a saved plan file has no shape: its value
 * is then recognized by `formatValue`.
 */
export function formatField(value: unknown, shape: ValueShape | undefined): string {
  if (value === undefined || value === null) return '(none)';
  return shape === undefined ? formatValue(value) : BY_SHAPE[shape](value as never);
}

const list = <T>(items: readonly T[], f: (item: T) => string) => `[${items.map(f).join(', ')}]`;

type Format<T> = (value: T) => string;

const BY_SHAPE: { readonly [K in ValueShape]: Format<never> } = {
  text: ((v: string) => JSON.stringify(v)) satisfies Format<string>,
  number: ((v: number) => String(v)) satisfies Format<number>,
  boolean: ((v: boolean) => String(v)) satisfies Format<boolean>,
  name: ((v: ObjectName) => displayName(v)) satisfies Format<ObjectName>,
  'text-or-secret': ((v: TextOrSecret) => (v.kind === 'text' ? JSON.stringify(v.value) : `secret ${displayName(v.secret)}`)) satisfies Format<TextOrSecret>,
  'secret-value': (v: SecretValue) => formatValue(v),
  'text-list': ((v: readonly string[]) => list(v, (s) => JSON.stringify(s))) satisfies Format<readonly string[]>,
  'number-list': ((v: readonly number[]) => list(v, String)) satisfies Format<readonly number[]>,
  // Brokers, formats, INCLUDE items, table selections and column lists are nested model values.
  brokers: (v: unknown) => formatValue(v),
  'kafka-format': (v: unknown) => formatValue(v),
  'include-list': (v: unknown) => formatValue(v),
  envelope: (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : formatValue(v)),
  'table-selection': (v: unknown) => formatValue(v),
  'column-list': (v: unknown) => formatValue(v),
};

/**
 * A model value as one short line for humans: names as `db.schema.name`,
 * `{kind: 'secret', secret: n}` as `secret n`, secret values as their source.
 * Never reveals a secret: SecretValue is shown through its own description.
 */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (value instanceof SecretValue) return `(${value.toString().slice(1, -1)})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (isName(o)) return displayName(o);
    if (isSecretSourceJson(o)) return `(secret from ${o.source})`;
    if (o.kind === 'text' && 'value' in o) return formatValue(o.value);
    if (o.kind === 'all' && Object.keys(o).length === 1) return 'all tables';
    if (o.kind === 'tables' && Array.isArray(o.tables)) return `tables (${o.tables.map(formatValue).join(', ')})`;
    if (o.kind === 'schemas' && Array.isArray(o.schemas)) return `schemas (${o.schemas.map(formatValue).join(', ')})`;
    if (Array.isArray(o.reference) && o.reference.every((p) => typeof p === 'string')) {
      const reference = (o.reference as string[]).map((p) => JSON.stringify(p)).join('.');
      return isName(o.alias) ? `${reference} AS ${displayName(o.alias)}` : reference;
    }
    if (o.kind === 'secret' && isName(o.secret)) return `secret ${displayName(o.secret)}`;
    if (isBroker(o)) return formatBroker(o);
    if (typeof o.kind === 'string' && isName(o.connection)) {
      const rest = Object.entries(o).filter(([k, v]) => k !== 'kind' && k !== 'connection' && v !== undefined);
      const extra = rest.length ? ` (${rest.map(([k, v]) => `${snake(k)} ${formatValue(v)}`).join(', ')})` : '';
      return `${o.kind} ${displayName(o.connection)}${extra}`;
    }
    const entries = Object.entries(o).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${snake(k)}: ${formatValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** A Kafka broker of the model (`{address, path?, matching?}`), also after a JSON round trip. */
interface BrokerValue {
  readonly address: string;
  readonly matching?: unknown;
  readonly path?: { readonly kind?: unknown; readonly connection?: unknown; readonly port?: unknown; readonly availabilityZone?: unknown };
}

function isBroker(o: Record<string, unknown>): o is Record<string, unknown> & BrokerValue {
  return typeof o.address === 'string' && Object.keys(o).every((k) => k === 'address' || k === 'path' || k === 'matching');
}

/**
 * A broker in the words of the manifest that declares it (`ssh_tunnel`,
 * `aws_privatelink`, `privatelink_port`, `availability_zone`, `matching`), not
 * the model's `path`.
 */
function formatBroker(b: BrokerValue): string {
  const parts = [b.matching === true ? `matching: ${JSON.stringify(b.address)}` : `address: ${JSON.stringify(b.address)}`];
  const path = b.path;
  if (path && isName(path.connection)) {
    if (path.kind === 'ssh-tunnel') parts.push(`ssh_tunnel: ${displayName(path.connection)}`);
    else {
      parts.push(`aws_privatelink: ${displayName(path.connection)}`);
      if (path.port !== undefined) parts.push(`privatelink_port: ${formatValue(path.port)}`);
      if (path.availabilityZone !== undefined) parts.push(`availability_zone: ${formatValue(path.availabilityZone)}`);
    }
  }
  return `{${parts.join(', ')}}`;
}

function isName(v: unknown): v is ObjectName {
  if (v === null || typeof v !== 'object') return false;
  const keys = Object.keys(v).sort().join(',');
  const o = v as Record<string, unknown>;
  return keys === 'database,name,schema' && typeof o.database === 'string' && typeof o.schema === 'string' && typeof o.name === 'string';
}

/** A SecretValue after a JSON round trip (a loaded plan file): `{source: 'env:X'}`. */
function isSecretSourceJson(o: Record<string, unknown>): o is { source: string } {
  return Object.keys(o).length === 1 && typeof o.source === 'string';
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
