import type { KafkaBroker, KafkaDefaultPath, NetworkPath } from '../connection-values.js';
import type { Codec, CodecKind, OptionEntry } from './option.js';
import type { SourceCodecKind } from './source-registry.js';

/**
 * What a field change's values are, so that renderers format them by type
 * instead of guessing from their keys.
 */
export type ValueShape =
  | 'text'
  | 'number'
  | 'boolean'
  | 'name'
  | 'text-or-secret'
  | 'secret-value'
  | 'text-list'
  | 'number-list'
  | 'brokers'
  | 'kafka-format'
  | 'include-list'
  | 'envelope'
  | 'table-selection'
  | 'column-list';

/** The shape of each part of a connection codec's value, by part index. */
const CONNECTION_SHAPES: { readonly [K in CodecKind]: readonly ValueShape[] } = {
  text: ['text'],
  'text-or-secret': ['text-or-secret'],
  secret: ['name'],
  integer: ['number'],
  'text-list': ['text-list'],
  reference: ['name'],
  'network-path': ['name', 'name'],
  'kafka-brokers': ['brokers', 'brokers'],
  'kafka-default-path': ['name', 'name', 'number'],
};

export const SOURCE_SHAPES: { readonly [K in SourceCodecKind]: ValueShape } = {
  text: 'text',
  generator: 'text',
  envelope: 'envelope',
  number: 'number',
  boolean: 'boolean',
  reference: 'name',
  'integer-list': 'number-list',
  'kafka-format': 'kafka-format',
  'include-list': 'include-list',
  'table-selection': 'table-selection',
  'progress-subsource': 'name',
  'column-list': 'column-list',
};

/** The shape of the value a manifest key of this entry holds. */
export function shapeOf(entry: OptionEntry, key: string): ValueShape {
  const index = Math.max(0, entry.parts.findIndex((p) => p.key === key));
  return CONNECTION_SHAPES[entry.codec.kind][index] ?? 'text';
}

type Split<K extends CodecKind> = (value: never, keys: readonly string[], codec: Extract<Codec, { kind: K }>) => Record<string, unknown>;

const single = (value: unknown, [key]: readonly string[]): Record<string, unknown> => ({ [key!]: value });

/**
 * A model field's value under the manifest keys it is written with, so that
 * plans name what the user wrote: a network path `{kind: 'ssh-tunnel',
 * connection: n}` is `{ssh_tunnel: n}`. Values stay model values.
 */
const SPLIT: { readonly [K in CodecKind]: Split<K> } = {
  text: single,
  'text-or-secret': single,
  secret: single,
  integer: single,
  'text-list': single,
  reference: single,
  'network-path': (v: NetworkPath, [ssh, privatelink]) => ({ [v.kind === 'ssh-tunnel' ? ssh! : privatelink!]: v.connection }),
  // `broker` and `brokers` are one list in the model: plans call it `brokers`.
  'kafka-brokers': (v: readonly KafkaBroker[], [, many]) => ({ [many!]: v }),
  'kafka-default-path': (v: KafkaDefaultPath, [ssh, privatelink, port]) =>
    v.kind === 'ssh-tunnel'
      ? { [ssh!]: v.connection }
      : { [privatelink!]: v.connection, ...(v.port !== undefined ? { [port!]: v.port } : {}) },
};

export function valuesByManifestKey(entry: OptionEntry, value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  return (SPLIT[entry.codec.kind] as Split<CodecKind>)(value as never, entry.parts.map((p) => p.key), entry.codec as never);
}

/** The manifest keys an entry may be written with, each once, in registry order. */
export function manifestKeys(entry: OptionEntry): string[] {
  const keys = entry.parts.map((p) => p.key);
  return entry.codec.kind === 'kafka-brokers' ? keys.slice(1) : [...new Set(keys)];
}
