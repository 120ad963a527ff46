/**
 * The manifest as written, after it passed the JSON Schema: the TypeScript
 * mirror of `schemas/manifest.schema.json`. Keys are snake_case as in YAML.
 * Connection documents are derived from the option registry, as the schema is.
 * Only the converters in this folder read these types; everyone else gets the model.
 */

import type { Codec, ConnectionRegistry, ConnectionType, OptionPart, SourceCodec, SourceRegistry, SourceType, TextCodec } from '../model/index.js';

export type RefDoc = string | { name: string; schema_name?: string; database_name?: string };
export type SecretRefDoc = { secret: RefDoc };
export type TextOrSecretDoc = string | SecretRefDoc;
export type UpstreamRefDoc = string | string[];

interface PlacementDoc {
  comment?: string;
  renamed_from?: string;
  owner?: string;
  database_name?: string;
  schema_name?: string;
}

export interface SecretDoc extends PlacementDoc {
  value: string;
}

interface ConnectionCommonDoc extends PlacementDoc {
  validate?: boolean;
}

export type KafkaBrokerDoc =
  | string
  | { address?: string; matching?: string; ssh_tunnel?: RefDoc; aws_privatelink?: RefDoc; privatelink_port?: number; availability_zone?: string };

/** How a value of each codec is written in the manifest; composite codecs by manifest key. */
type DocValue<C extends Codec, K extends string> = C extends TextCodec<infer V>
  ? V
  : C extends { kind: 'text-or-secret' }
    ? TextOrSecretDoc
    : C extends { kind: 'secret' }
      ? SecretRefDoc
      : C extends { kind: 'integer' }
        ? number
        : C extends { kind: 'text-list' }
          ? string[]
          : C extends { kind: 'reference' | 'network-path' }
            ? RefDoc
            : C extends { kind: 'kafka-brokers' }
              ? K extends 'brokers'
                ? KafkaBrokerDoc[]
                : KafkaBrokerDoc
              : C extends { kind: 'kafka-default-path' }
                ? K extends 'privatelink_port'
                  ? number
                  : RefDoc
                : never;

/** Every manifest key of a registry table, with its codec and whether the manifest requires it. */
type KeysOf<E> = {
  [F in keyof E]: E[F] extends { codec: infer C extends Codec; required: infer R; parts: infer P extends readonly OptionPart[] }
    ? { key: P[number]['key']; codec: C; required: P extends readonly [unknown] ? R : false }
    : never;
}[keyof E];

type Distribute<U> = U extends { key: infer K extends string; codec: infer C; required: infer R }
  ? K extends string
    ? { key: K; codec: C; required: R }
    : never
  : never;

/** A connection type's options as written in the manifest, derived from the option registry. */
type OptionsDoc<E> = {
  [P in Distribute<KeysOf<E>> as P['required'] extends true ? P['key'] : never]: DocValue<P['codec'], P['key']>;
} & {
  [P in Distribute<KeysOf<E>> as P['required'] extends true ? never : P['key']]?: DocValue<P['codec'], P['key']>;
};

export type ConnectionDocOf<T extends ConnectionType> = ConnectionCommonDoc & { type: T } & OptionsDoc<ConnectionRegistry[T]>;

export type ConnectionDoc = { [T in ConnectionType]: ConnectionDocOf<T> }[ConnectionType];

export type FormatDoc =
  | 'json'
  | 'text'
  | 'bytes'
  | { type: 'json' | 'text' | 'bytes' }
  | { type: 'csv'; header?: string[]; columns?: number; delimiter?: string }
  | { type: 'avro'; schema_registry: RefDoc; key_strategy?: SchemaStrategyDoc; value_strategy?: SchemaStrategyDoc }
  | { type: 'protobuf'; schema_registry: RefDoc };

/** KEY / VALUE STRATEGY: `latest`, `{id: n}`, or `{inline: '<reader schema>'}`. */
export type SchemaStrategyDoc = 'latest' | { id: number } | { inline: string };

/** EXPOSE PROGRESS AS: a name in the source's schema, or elsewhere. */
export type ProgressDoc = string | { name: string; schema?: string; database?: string };

/** `inline`, or `{inline: true, as: column}` for INLINE AS column. */
export type ValueDecodingErrorsDoc = 'inline' | { inline: true; as?: string };

export type IncludeItemName = 'key' | 'partition' | 'offset' | 'timestamp' | 'headers';
export type IncludeDoc = IncludeItemName | { item: IncludeItemName; as: string } | { header: string; as: string; bytes?: boolean };

export type SourceTableDoc = UpstreamRefDoc | { table: UpstreamRefDoc; name?: string; schema?: string; database?: string };

interface SourceCommonDoc extends PlacementDoc {
  cluster?: string;
  retain_history?: string;
  timestamp_interval?: string;
}

/** How a value of each source codec kind is written in the manifest, where neither entry nor key changes it. */
interface SourceDocByKind {
  reference: RefDoc;
  number: number;
  boolean: boolean;
  'integer-list': number[];
  'column-list': UpstreamRefDoc[];
  'kafka-format': FormatDoc;
  'include-list': IncludeDoc[];
  'progress-subsource': ProgressDoc;
}

/** How a value of each source codec is written in the manifest; composite codecs by manifest key. */
type SourceDocValue<C extends SourceCodec, K extends string> = C extends { kind: 'text' | 'generator' | 'envelope' }
  ? K extends 'value_decoding_errors'
    ? ValueDecodingErrorsDoc
    : C extends { readonly values: readonly (infer V extends string)[] }
      ? V
      : string
  : C extends { kind: 'table-selection' }
    ? K extends 'schemas'
      ? string[]
      : C extends { allOnly: true }
        ? 'all'
        : 'all' | SourceTableDoc[]
    : C['kind'] extends keyof SourceDocByKind
      ? SourceDocByKind[C['kind']]
      : never;

/** Every manifest key of a source registry table, with its codec and whether the manifest requires it. */
type SourceKeysOf<E> = {
  [F in keyof E]: E[F] extends { codec: infer C extends SourceCodec; required: infer R; keys: infer K extends readonly string[] }
    ? { key: K[number]; codec: C; required: K extends readonly [unknown] ? R : false }
    : never;
}[keyof E];

type SourceOptionsDoc<E> = {
  [P in Distribute<SourceKeysOf<E>> as P['required'] extends true ? P['key'] : never]: P['codec'] extends SourceCodec ? SourceDocValue<P['codec'], P['key']> : never;
} & {
  [P in Distribute<SourceKeysOf<E>> as P['required'] extends true ? never : P['key']]?: P['codec'] extends SourceCodec ? SourceDocValue<P['codec'], P['key']> : never;
};

export type SourceDocOf<T extends SourceType> = SourceCommonDoc & { type: T } & SourceOptionsDoc<SourceRegistry[T]>;

export type SourceDoc = { [T in SourceType]: SourceDocOf<T> }[SourceType];

/** A table from a source; which fields apply depends on the source's type. */
export interface TableDoc extends PlacementDoc {
  source: RefDoc;
  reference?: UpstreamRefDoc;
  format?: FormatDoc;
  key_format?: FormatDoc;
  value_format?: FormatDoc;
  envelope?: 'none' | 'upsert' | 'debezium';
  value_decoding_errors?: unknown;
  include?: IncludeDoc[];
  text_columns?: string[];
  exclude_columns?: string[];
}

export interface ManifestDoc {
  version: 1;
  defaults?: { database?: string; schema?: string; cluster?: string };
  scope?: (string | { database_name?: string; schema_name: string })[];
  prune?: boolean;
  clusters?: Record<string, { size: string; replication_factor?: number }>;
  databases?: string[];
  schemas?: (string | { database_name?: string; schema_name: string })[];
  secrets?: Record<string, SecretDoc>;
  connections?: Record<string, ConnectionDoc>;
  sources?: Record<string, SourceDoc>;
  tables?: Record<string, TableDoc>;
  /** `${var:name}` defaults, for every environment. */
  variables?: Record<string, unknown>;
  environments?: Record<string, { variables?: Record<string, unknown> }>;
  /** Objects referenced by name but managed elsewhere. */
  external?: {
    secrets?: Record<string, { database_name?: string; schema_name?: string }>;
    connections?: Record<string, { type: ConnectionDoc['type']; database_name?: string; schema_name?: string }>;
  };
}
