import type { BrokerPath, ConnectionType, KafkaBroker, KafkaDefaultPath, NetworkPath, TextOrSecret } from './connections.js';
import { connectionEntries } from './registry/connection-registry.js';
import type { Codec, CodecKind } from './registry/option.js';
import type { ObjectName } from './names.js';
import type { MzObject } from './objects.js';
import type { Format, KafkaFormat } from './sources.js';
import { sourceEntries, type SourceCodec, type SourceCodecKind } from './registry/source-registry.js';

/**
 * One name an object refers to, what it must be, and the field that holds it.
 * The single source of truth for dependency edges: the manifest checks
 * references with it, the planner orders statements with it.
 */
export interface Reference {
  readonly target: ObjectName;
  readonly expect:
    | { readonly kind: 'secret' }
    | { readonly kind: 'connection'; readonly types: readonly ConnectionType[] }
    /** A table's source: any type that makes tables (the table's fields are checked against its type elsewhere). */
    | { readonly kind: 'source' };
  /** Dotted path of the field in the model, e.g. `brokers[1].path.connection`. */
  readonly field: string;
}

const SECRET = { kind: 'secret' } as const;
const conn = (...types: ConnectionType[]) => ({ kind: 'connection', types }) as const;

export function referencesOf(object: MzObject): Reference[] {
  const refs: Reference[] = [];
  switch (object.kind) {
    case 'secret':
      break;
    case 'connection': {
      const spec = object.spec as unknown as Record<string, unknown>;
      for (const [field, entry] of connectionEntries(object.spec.type)) {
        const value = spec[field];
        if (value !== undefined) (CONNECTION_REFERENCES[entry.codec.kind] as Walk)(value, field, entry.codec, refs);
      }
      break;
    }
    case 'source': {
      const spec = object.spec as unknown as Record<string, unknown>;
      for (const [field, entry] of sourceEntries(object.spec.type)) {
        const value = spec[field];
        if (value !== undefined) (SOURCE_REFERENCES[entry.codec.kind] as SourceWalk)(value, field, entry.codec, refs);
      }
      break;
    }
    case 'table': {
      refs.push({ target: object.source, expect: { kind: 'source' }, field: 'source' });
      // A Kafka table's format names its schema registry as a Kafka source's does.
      if (object.spec.type === 'kafka' && object.spec.format) SOURCE_REFERENCES['kafka-format'](object.spec.format as never, 'format', { kind: 'kafka-format' }, refs);
      break;
    }
    default:
      assertNever(object);
  }
  return refs;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}

type Walk = (value: unknown, field: string, codec: Codec, refs: Reference[]) => void;
type Walker<K extends CodecKind> = (value: never, field: string, codec: Extract<Codec, { kind: K }>, refs: Reference[]) => void;

const none = () => {};
const path = (p: NetworkPath | KafkaDefaultPath | BrokerPath, field: string, refs: Reference[]) =>
  refs.push({ target: p.connection, expect: conn(p.kind), field });

/** The names each codec's values refer to, with the model field path that holds them. */
const CONNECTION_REFERENCES: { readonly [K in CodecKind]: Walker<K> } = {
  text: none,
  integer: none,
  'text-list': none,
  'text-or-secret': (value: TextOrSecret, field, _codec, refs) => {
    if (value.kind === 'secret') refs.push({ target: value.secret, expect: SECRET, field });
  },
  secret: (value: ObjectName, field, _codec, refs) => refs.push({ target: value, expect: SECRET, field }),
  reference: (value: ObjectName, field, codec, refs) => refs.push({ target: value, expect: conn(codec.to), field }),
  'network-path': (value: NetworkPath, field, _codec, refs) => path(value, `${field}.connection`, refs),
  'kafka-default-path': (value: KafkaDefaultPath, field, _codec, refs) => path(value, `${field}.connection`, refs),
  'kafka-brokers': (value: readonly KafkaBroker[], field, _codec, refs) =>
    value.forEach((b, i) => {
      if (b.path) path(b.path, `${field}[${i}].path.connection`, refs);
    }),
};

type SourceWalk = (value: unknown, field: string, codec: SourceCodec, refs: Reference[]) => void;
type SourceWalker<K extends SourceCodecKind> = (value: never, field: string, codec: Extract<SourceCodec, { kind: K }>, refs: Reference[]) => void;

const format = (f: Format, field: string, refs: Reference[]) => {
  if (f.kind === 'avro' || f.kind === 'protobuf') refs.push({ target: f.schemaRegistry, expect: conn('confluent-schema-registry'), field });
};

/** The names each source codec's values refer to; a format's schema registry is `format`, or `format.key` and `format.value`. */
const SOURCE_REFERENCES: { readonly [K in SourceCodecKind]: SourceWalker<K> } = {
  reference: (value: ObjectName, field, codec, refs) => refs.push({ target: value, expect: conn(codec.to), field }),
  generator: none,
  text: none,
  envelope: none,
  number: none,
  boolean: none,
  'integer-list': none,
  'column-list': none,
  'include-list': none,
  'table-selection': none,
  // A name the source creates, not one it refers to.
  'progress-subsource': none,
  'kafka-format': (value: KafkaFormat, field, _codec, refs) => {
    if (value.kind === 'bare') format(value.format, field, refs);
    else {
      format(value.key, `${field}.key`, refs);
      format(value.value, `${field}.value`, refs);
    }
  },
};
