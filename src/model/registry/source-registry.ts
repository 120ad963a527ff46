import type { ObjectName } from '../names.js';
import type { IncludeItem, KafkaFormat, TableSelection, UpsertInlineErrors } from '../source-values.js';

/**
 * Every option of every source type mzform manages, one entry per model
 * field, in the order the manifest schema and `import` write them and the
 * renderer prints a type's `FROM ... (options)`. The source spec types
 * (model/sources.ts) and the manifest's source documents are derived from it;
 * the create_sql parser, the CREATE renderer, the differ, references, the JSON
 * Schema, the manifest converter, `import` and docs/manifest.md read it.
 *
 * Sources are clauses more than option lists, so a codec also says where its
 * value is written (`SOURCE_CODEC_PLACE`): in the `FROM` clause itself (the
 * connection, the generator), as one `NAME = value` of the `FROM ... (...)`
 * list (`option`), or as a clause of its own (FORMAT, INCLUDE, ENVELOPE,
 * FOR TABLES), which src/sql/ parses and prints once, for sources and tables
 * from sources alike.
 *
 * Facts from Materialize's planner (src/sql/src/plan/statement/ddl.rs,
 * `plan_alter_source`): ALTER SOURCE changes only RETAIN HISTORY and TIMESTAMP
 * INTERVAL (see SOURCE_COMMON_OPTIONS) and adds subsources.
 */

/** How a source option's value is written. Every reader and writer dispatches on `kind` through a `Record<SourceCodecKind, ...>`. */
export type SourceCodec =
  /** `FROM KAFKA CONNECTION c`: the connection the source reads through. */
  | { readonly kind: 'reference'; readonly to: 'kafka' | 'postgres' | 'mysql' }
  /** `FROM LOAD GENERATOR COUNTER`: the generator's name, lower case in the model and manifest. */
  | SourceTextCodec<'generator'>
  /** A string literal option, `NAME = 'value'`. */
  | SourceTextCodec<'text'>
  /** A number option; `integer` refuses fractions. */
  | { readonly kind: 'number'; readonly integer: boolean; readonly min: number }
  /** `NAME = true | false`. */
  | { readonly kind: 'boolean' }
  /** `NAME = (1, 2)`. */
  | { readonly kind: 'integer-list' }
  /** `NAME = (schema.table.column, ...)`: upstream column names. */
  | { readonly kind: 'column-list' }
  /** FORMAT x, or KEY FORMAT x VALUE FORMAT y. */
  | { readonly kind: 'kafka-format' }
  /** INCLUDE KEY, PARTITION AS p, ... */
  | { readonly kind: 'include-list' }
  /**
   * ENVELOPE NONE | UPSERT | DEBEZIUM; with `inlineErrors`, also
   * `UPSERT (VALUE DECODING ERRORS = (INLINE [AS c]))` under a second manifest key.
   */
  | (SourceTextCodec<'envelope'> & { readonly inlineErrors?: boolean })
  /** FOR ALL TABLES, FOR TABLES (...), FOR SCHEMAS (...); `allOnly` for generators that know only FOR ALL TABLES. */
  | { readonly kind: 'table-selection'; readonly upstream: string; readonly allOnly?: boolean }
  /** EXPOSE PROGRESS AS name: the name of a new object, the source's progress subsource. */
  | { readonly kind: 'progress-subsource' };

export interface SourceTextCodec<K extends 'text' | 'generator' | 'envelope', V extends string = string> {
  readonly kind: K;
  readonly values?: readonly V[];
}

export type SourceCodecKind = SourceCodec['kind'];

/** Where a codec's value is written in CREATE SOURCE. */
export type SourcePlace = 'from' | 'option' | 'clause';

export const SOURCE_CODEC_PLACE: { readonly [K in SourceCodecKind]: SourcePlace } = {
  reference: 'from',
  generator: 'from',
  text: 'option',
  number: 'option',
  boolean: 'option',
  'integer-list': 'option',
  'column-list': 'option',
  'kafka-format': 'clause',
  'include-list': 'clause',
  envelope: 'clause',
  'table-selection': 'clause',
  'progress-subsource': 'clause',
};

export interface SourceOptionEntry<C extends SourceCodec = SourceCodec, R extends boolean = boolean, K extends readonly string[] = readonly string[]> {
  /** The option name inside `FROM ... (...)` for `option` codecs (`TOPIC`); otherwise the clause, as Materialize spells it. */
  readonly sql: string;
  /** The manifest keys, the first the usual one (`format`; `key_format`, `value_format`). */
  readonly keys: K;
  readonly codec: C;
  /** Always present in the model; required in the manifest. */
  readonly required: R;
  /**
   * How a change is made: `replace` (drop and create: the source re-ingests),
   * `per-table` (a FOR TABLES list and its columns change subsource by
   * subsource: ALTER SOURCE ... ADD SUBSOURCE, DROP SOURCE <subsource>; a
   * switch between all tables, schemas and a list is a replace; see
   * src/diff/kinds/subsources.ts), `in-place` (ALTER SOURCE SET / RESET).
   */
  readonly change: 'replace' | 'per-table' | 'in-place';
  readonly doc: string;
  /** What the server assumes when it is not written ("not written" and "written as this" compare equal). */
  readonly serverDefault?: string | boolean;
  /** Not written, the server chooses it (a generated name): then whatever the catalog holds is not a difference. */
  readonly serverChosen?: boolean;
  /**
   * Load generators only: the generators Materialize accepts it with
   * (`ensure_only_valid_options`, src/sql/src/plan/statement/ddl.rs:2031-2055),
   * and those that require it (`load_generator_ast_to_generator`, ddl.rs:2170-2183).
   */
  readonly generators?: readonly LoadGenerator[];
  readonly requiredBy?: readonly LoadGenerator[];
  /**
   * The field purification replaces this one with in the stored create_sql
   * (START TIMESTAMP becomes START OFFSET, src/sql/src/pure.rs:856-880): what
   * the catalog holds there is what this resolved to, and cannot be compared.
   */
  readonly purifiedInto?: string;
}

export type SourceOptionTable = Readonly<Record<string, SourceOptionEntry>>;

interface Flags<R extends boolean> {
  readonly required?: R;
  readonly change?: SourceOptionEntry['change'];
  readonly serverDefault?: string | boolean;
  readonly generators?: readonly LoadGenerator[];
  readonly requiredBy?: readonly LoadGenerator[];
  readonly purifiedInto?: string;
  readonly serverChosen?: boolean;
}

const entry = <C extends SourceCodec, const K extends readonly string[], R extends boolean = false>(
  sql: string,
  keys: K,
  codec: C,
  doc: string,
  flags: Flags<R> = {},
): SourceOptionEntry<C, R, K> => ({
  sql,
  keys,
  codec,
  doc,
  required: (flags.required ?? false) as R,
  change: flags.change ?? 'replace',
  ...(flags.serverDefault !== undefined ? { serverDefault: flags.serverDefault } : {}),
  ...(flags.generators ? { generators: flags.generators } : {}),
  ...(flags.requiredBy ? { requiredBy: flags.requiredBy } : {}),
  ...(flags.purifiedInto ? { purifiedInto: flags.purifiedInto } : {}),
  ...(flags.serverChosen ? { serverChosen: true } : {}),
});

const textCodec = <const V extends string = string>(values?: readonly V[]): SourceTextCodec<'text', V> => ({ kind: 'text', ...(values ? { values } : {}) });
const integer = (min: number) => ({ kind: 'number', integer: true, min }) as const;

const tables = (upstream: string) =>
  entry('FOR ALL TABLES / FOR TABLES / FOR SCHEMAS', ['tables', 'schemas'], { kind: 'table-selection', upstream }, `The ${upstream} tables to ingest, each into a subsource.`, {
    change: 'per-table',
    required: true,
  });
const textColumns = entry('TEXT COLUMNS', ['text_columns'], { kind: 'column-list' }, 'TEXT COLUMNS: decode these columns as text.', { change: 'per-table' });
/**
 * A source in the old syntax (a FORMAT, ENVELOPE, INCLUDE or FOR clause) gets
 * a progress subsource, named `<source>_progress` unless given
 * (src/sql/src/pure.rs:725, :1255). Materialize cannot rename it in place.
 */
const exposeProgress = entry(
  'EXPOSE PROGRESS AS',
  ['expose_progress'],
  { kind: 'progress-subsource' },
  "EXPOSE PROGRESS AS: the name of the source's progress subsource (server default `<source>_progress`, in the source's schema); a name, or {name, schema, database}.",
  { serverChosen: true },
);
const excludeColumns = entry('EXCLUDE COLUMNS', ['exclude_columns'], { kind: 'column-list' }, 'EXCLUDE COLUMNS: leave these columns out.', { change: 'per-table' });

/** `KEY VALUE` is `key-value` in the model and the manifest. */
export const LOAD_GENERATORS = ['counter', 'auction', 'marketing', 'tpch', 'key-value', 'clock', 'datums'] as const;
type LoadGenerator = (typeof LOAD_GENERATORS)[number];
/** The generators with several outputs, one subsource each: they need FOR ALL TABLES (load_generator.rs `views`). */
export const MULTI_OUTPUT_GENERATORS: readonly LoadGenerator[] = ['auction', 'marketing', 'tpch'];
export const ENVELOPES = ['none', 'upsert', 'debezium'] as const;

/** A whole-number option of KEY VALUE, which requires it (ddl.rs:2170-2183). */
const keyValue = (sql: string, key: string, doc: string) =>
  entry(sql, [key] as const, integer(0), `${sql}: ${doc} (key-value only, required by it).`, { generators: ['key-value'], requiredBy: ['key-value'] });
const TICKING: readonly LoadGenerator[] = ['counter', 'auction', 'marketing', 'tpch', 'clock', 'datums'];

export const SOURCE_REGISTRY = {
  kafka: {
    connection: entry('FROM KAFKA CONNECTION', ['connection'], { kind: 'reference', to: 'kafka' }, 'The kafka connection.', { required: true }),
    topic: entry('TOPIC', ['topic'], textCodec(), 'TOPIC: the Kafka topic to read.', { required: true }),
    format: entry('FORMAT / KEY FORMAT ... VALUE FORMAT', ['format', 'key_format', 'value_format'], { kind: 'kafka-format' }, 'FORMAT, or KEY FORMAT and VALUE FORMAT.'),
    envelope: entry(
      'ENVELOPE',
      ['envelope', 'value_decoding_errors'],
      { kind: 'envelope', values: ENVELOPES, inlineErrors: true },
      'ENVELOPE (server default none); with upsert, VALUE DECODING ERRORS = INLINE.',
      { serverDefault: 'none' },
    ),
    include: entry('INCLUDE', ['include'], { kind: 'include-list' }, 'INCLUDE: metadata columns, in this order.'),
    exposeProgress,
    groupIdPrefix: entry('GROUP ID PREFIX', ['group_id_prefix'], textCodec(), 'GROUP ID PREFIX for the consumer group.'),
    startOffset: entry('START OFFSET', ['start_offset'], { kind: 'integer-list' }, 'START OFFSET: the offset to start from per partition, partition 0 first.'),
    startTimestamp: entry(
      'START TIMESTAMP',
      ['start_timestamp'],
      { kind: 'number', integer: true, min: Number.MIN_SAFE_INTEGER },
      'START TIMESTAMP: start at the first message at or after this time, in milliseconds since the epoch, or, negative, before now. Materialize stores the offsets it resolves to (START OFFSET), so a later change of this value is not seen.',
      { purifiedInto: 'startOffset' },
    ),
  },
  postgres: {
    connection: entry('FROM POSTGRES CONNECTION', ['connection'], { kind: 'reference', to: 'postgres' }, 'The postgres connection.', { required: true }),
    publication: entry('PUBLICATION', ['publication'], textCodec(), 'PUBLICATION: the upstream publication.', { required: true }),
    tables: tables('PostgreSQL'),
    textColumns,
    excludeColumns,
    exposeProgress,
  },
  mysql: {
    connection: entry('FROM MYSQL CONNECTION', ['connection'], { kind: 'reference', to: 'mysql' }, 'The mysql connection.', { required: true }),
    tables: tables('MySQL'),
    textColumns,
    excludeColumns,
    exposeProgress,
  },
  'load-generator': {
    generator: entry('FROM LOAD GENERATOR', ['generator'], { kind: 'generator', values: LOAD_GENERATORS }, 'Which generator.', { required: true }),
    tickInterval: entry('TICK INTERVAL', ['tick_interval'], textCodec(), "TICK INTERVAL, e.g. '1s'."),
    asOf: entry('AS OF', ['as_of'], integer(0), 'AS OF: the tick to start at.', { generators: TICKING }),
    upTo: entry('UP TO', ['up_to'], integer(0), 'UP TO: the tick to stop at.', { generators: TICKING }),
    scaleFactor: entry('SCALE FACTOR', ['scale_factor'], { kind: 'number', integer: false, min: 0 }, 'SCALE FACTOR (tpch only).', { generators: ['tpch'] }),
    maxCardinality: entry('MAX CARDINALITY', ['max_cardinality'], integer(1), 'MAX CARDINALITY (counter only).', { generators: ['counter'] }),
    keys: keyValue('KEYS', 'keys', 'the number of keys, a multiple of `partitions`'),
    snapshotRounds: keyValue('SNAPSHOT ROUNDS', 'snapshot_rounds', 'how many times the snapshot updates every key, at least 1'),
    transactionalSnapshot: entry(
      'TRANSACTIONAL SNAPSHOT',
      ['transactional_snapshot'],
      { kind: 'boolean' },
      'TRANSACTIONAL SNAPSHOT: emit the snapshot at one timestamp (key-value only; server default true).',
      { generators: ['key-value'], serverDefault: true },
    ),
    valueSize: keyValue('VALUE SIZE', 'value_size', 'the bytes of each value'),
    seed: keyValue('SEED', 'seed', 'the seed of the random values'),
    partitions: keyValue('PARTITIONS', 'partitions', 'the number of partitions'),
    batchSize: keyValue('BATCH SIZE', 'batch_size', 'keys per batch; `keys` / `partitions` must be a multiple of it'),
    include: entry('INCLUDE', ['include'], { kind: 'include-list' }, 'INCLUDE: `key` and `offset` columns (key-value only).', { generators: ['key-value'] }),
    envelope: entry('ENVELOPE', ['envelope'], { kind: 'envelope', values: ['none', 'upsert'] }, 'ENVELOPE: `upsert` keeps the last value per key (key-value only; server default none).', {
      serverDefault: 'none',
    }),
    tables: entry(
      'FOR ALL TABLES',
      ['tables'],
      { kind: 'table-selection', upstream: 'generated', allOnly: true },
      "'all' (FOR ALL TABLES): required by auction, marketing and tpch, refused by the others.",
      { generators: MULTI_OUTPUT_GENERATORS },
    ),
    exposeProgress,
  },
} as const;

// A source type whose entry is not an option is a compile error here.
SOURCE_REGISTRY satisfies Readonly<Record<string, SourceOptionTable>>;

export type SourceRegistry = typeof SOURCE_REGISTRY;

/** Options every source has besides its type's; changed in place with ALTER SOURCE. */
export const SOURCE_COMMON_OPTIONS = {
  cluster: entry('IN CLUSTER', ['cluster'], textCodec(), 'The cluster the source runs in.'),
  retainHistory: entry('RETAIN HISTORY', ['retain_history'], textCodec(), "RETAIN HISTORY FOR, e.g. '1h'.", { change: 'in-place' }),
  timestampInterval: entry('TIMESTAMP INTERVAL', ['timestamp_interval'], textCodec(), "TIMESTAMP INTERVAL, e.g. '1s'.", { change: 'in-place' }),
} as const satisfies Record<string, SourceOptionEntry>;

/** The model value of each source codec kind whose value does not depend on the entry. */
interface SourceModelValue {
  reference: ObjectName;
  number: number;
  boolean: boolean;
  'integer-list': readonly number[];
  'column-list': readonly (readonly string[])[];
  'kafka-format': KafkaFormat;
  'include-list': readonly IncludeItem[];
  'table-selection': TableSelection;
  'progress-subsource': ObjectName;
}

/** The model value a source codec stands for: a text codec's by its values, the rest by kind. */
export type SourceValueOf<C extends SourceCodec> = C extends SourceTextCodec<'text' | 'generator' | 'envelope', string>
  ? C extends { readonly values: readonly (infer V extends string)[] }
    ? V | (C extends { readonly inlineErrors: true } ? UpsertInlineErrors : never)
    : string
  : C['kind'] extends keyof SourceModelValue
    ? SourceModelValue[C['kind']]
    : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed source spec a table describes: required entries are required fields, the rest optional. */
export type SourceSpecOfTable<T extends string, E> = Simplify<
  { readonly type: T } & {
    readonly [K in keyof E as E[K] extends { required: true } ? K : never]: E[K] extends { codec: infer C extends SourceCodec } ? SourceValueOf<C> : never;
  } & {
    readonly [K in keyof E as E[K] extends { required: true } ? never : K]?: E[K] extends { codec: infer C extends SourceCodec } ? SourceValueOf<C> : never;
  }
>;

type SourceTypeName = keyof SourceRegistry;

export function sourceEntry(type: SourceTypeName, field: string): SourceOptionEntry | undefined {
  return (SOURCE_REGISTRY[type] as SourceOptionTable)[field];
}

type SourceEntryList = readonly (readonly [field: string, entry: SourceOptionEntry])[];

/** Every type's entries as a list, made once: they are read for every source of a manifest and a catalog. */
const SOURCE_ENTRY_LISTS = Object.fromEntries(
  Object.entries(SOURCE_REGISTRY).map(([type, table]) => [type, Object.freeze(Object.entries(table as SourceOptionTable).map((pair) => Object.freeze(pair)))]),
) as Readonly<Record<SourceTypeName, SourceEntryList>>;

/** One type's entries as a list, in registry order (one shared, frozen list). */
export function sourceEntries(type: SourceTypeName): SourceEntryList {
  return SOURCE_ENTRY_LISTS[type];
}
