import type { BrokerPath, ConnectionType, KafkaBroker, KafkaDefaultPath, NetworkPath, TextOrSecret } from './connections.js';
import { connectionEntries } from './registry/connection-registry.js';
import type { Codec, CodecKind } from './registry/option.js';
import type { ObjectName } from './names.js';
import type { MzObject } from './objects.js';
import type { Format } from './sources.js';

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
  const to = (target: ObjectName | undefined, field: string, ...types: ConnectionType[]) => {
    if (target) refs.push({ target, expect: conn(...types), field });
  };
  const format = (f: Format, field: string) => {
    if (f.kind === 'avro' || f.kind === 'protobuf') to(f.schemaRegistry, field, 'confluent-schema-registry');
  };

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
      const spec = object.spec;
      switch (spec.type) {
        case 'kafka':
          to(spec.connection, 'connection', 'kafka');
          if (spec.format?.kind === 'bare') format(spec.format.format, 'format');
          if (spec.format?.kind === 'key-value') {
            format(spec.format.key, 'format.key');
            format(spec.format.value, 'format.value');
          }
          break;
        case 'postgres':
          to(spec.connection, 'connection', 'postgres');
          break;
        case 'mysql':
          to(spec.connection, 'connection', 'mysql');
          break;
        case 'load-generator':
          break;
        default:
          assertNever(spec);
      }
      break;
    }
    case 'table': {
      refs.push({ target: object.source, expect: { kind: 'source' }, field: 'source' });
      const spec = object.spec;
      if (spec.type === 'kafka') {
        if (spec.format?.kind === 'bare') format(spec.format.format, 'format');
        if (spec.format?.kind === 'key-value') {
          format(spec.format.key, 'format.key');
          format(spec.format.value, 'format.value');
        }
      }
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
