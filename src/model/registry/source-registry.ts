import type { SourceSpec, SourceType } from '../sources.js';

/**
 * Every option of every source type mzform manages, one entry per model
 * field, in the order the manifest schema and `import` write them. Sources
 * are clauses more than option lists (FORMAT, ENVELOPE, FOR TABLES), so an
 * entry names its clause and the manifest keys that spell it; how a clause is
 * parsed and printed stays in src/sql/. Read by the differ (which fields force
 * a replace, and the names plans give them) and docs/manifest.md.
 * Facts from Materialize's planner (src/sql/src/plan/statement/ddl.rs,
 * `plan_alter_source`): ALTER SOURCE changes only RETAIN HISTORY and TIMESTAMP
 * INTERVAL (see SOURCE_COMMON_OPTIONS) and adds subsources.
 */

/** How a source option's value is written. */
export type SourceCodec =
  | { readonly kind: 'text'; readonly values?: readonly string[] }
  | { readonly kind: 'number'; readonly integer: boolean; readonly min: number }
  | { readonly kind: 'reference'; readonly to: 'kafka' | 'postgres' | 'mysql' }
  | { readonly kind: 'integer-list' }
  /** FORMAT x, or KEY FORMAT x VALUE FORMAT y. */
  | { readonly kind: 'kafka-format' }
  | { readonly kind: 'include-list' }
  /** FOR ALL TABLES, FOR TABLES (...), FOR SCHEMAS (...). */
  | { readonly kind: 'table-selection' }
  /** Upstream `schema.table.column` names. */
  | { readonly kind: 'column-list' };

export type SourceCodecKind = SourceCodec['kind'];

export interface SourceOptionEntry {
  /** The clause or option, as Materialize spells it. */
  readonly sql: string;
  /** The manifest keys, the first the usual one (`format`; `key_format`, `value_format`). */
  readonly keys: readonly string[];
  readonly codec: SourceCodec;
  /** Required in the manifest. */
  readonly required: boolean;
  /**
   * How a change is made: `replace` (drop and create: the source re-ingests),
   * `per-table` (a FOR TABLES list and its columns change subsource by
   * subsource: ALTER SOURCE ... ADD SUBSOURCE, DROP SOURCE <subsource>; a
   * switch between all tables, schemas and a list is a replace; see
   * src/diff/kinds/subsources.ts), `in-place` (ALTER SOURCE SET / RESET).
   */
  readonly change: 'replace' | 'per-table' | 'in-place';
  readonly doc: string;
}

type Table<S> = { readonly [K in Exclude<keyof S, 'type'>]-?: SourceOptionEntry };
type SourceRegistry = { readonly [T in SourceType]: Table<Extract<SourceSpec, { type: T }>> };

const entry = (
  sql: string,
  keys: readonly string[],
  codec: SourceCodec,
  doc: string,
  flags: { required?: boolean; change?: SourceOptionEntry['change'] } = {},
): SourceOptionEntry => ({ sql, keys, codec, doc, required: flags.required ?? false, change: flags.change ?? 'replace' });

const tables = (upstream: string) =>
  entry('FOR ALL TABLES / FOR TABLES / FOR SCHEMAS', ['tables', 'schemas'], { kind: 'table-selection' }, `The ${upstream} tables to ingest, each into a subsource.`, {
    change: 'per-table',
  });
const textColumns = entry('TEXT COLUMNS', ['text_columns'], { kind: 'column-list' }, 'TEXT COLUMNS: decode these columns as text.', { change: 'per-table' });
const excludeColumns = entry('EXCLUDE COLUMNS', ['exclude_columns'], { kind: 'column-list' }, 'EXCLUDE COLUMNS: leave these columns out.', { change: 'per-table' });

export const SOURCE_REGISTRY: SourceRegistry = {
  kafka: {
    connection: entry('FROM KAFKA CONNECTION', ['connection'], { kind: 'reference', to: 'kafka' }, 'The kafka connection.', { required: true }),
    topic: entry('TOPIC', ['topic'], { kind: 'text' }, 'TOPIC: the Kafka topic to read.', { required: true }),
    format: entry('FORMAT / KEY FORMAT ... VALUE FORMAT', ['format', 'key_format', 'value_format'], { kind: 'kafka-format' }, 'FORMAT, or KEY FORMAT and VALUE FORMAT.'),
    envelope: entry('ENVELOPE', ['envelope'], { kind: 'text', values: ['none', 'upsert', 'debezium'] }, 'ENVELOPE (server default none).'),
    include: entry('INCLUDE', ['include'], { kind: 'include-list' }, 'INCLUDE: metadata columns, in this order.'),
    startOffset: entry('START OFFSET', ['start_offset'], { kind: 'integer-list' }, 'START OFFSET: the offset to start from per partition.'),
    groupIdPrefix: entry('GROUP ID PREFIX', ['group_id_prefix'], { kind: 'text' }, 'GROUP ID PREFIX for the consumer group.'),
  },
  postgres: {
    connection: entry('FROM POSTGRES CONNECTION', ['connection'], { kind: 'reference', to: 'postgres' }, 'The postgres connection.', { required: true }),
    publication: entry('PUBLICATION', ['publication'], { kind: 'text' }, 'PUBLICATION: the upstream publication.', { required: true }),
    tables: tables('PostgreSQL'),
    textColumns,
    excludeColumns,
  },
  mysql: {
    connection: entry('FROM MYSQL CONNECTION', ['connection'], { kind: 'reference', to: 'mysql' }, 'The mysql connection.', { required: true }),
    tables: tables('MySQL'),
    textColumns,
    excludeColumns,
  },
  'load-generator': {
    generator: entry('FROM LOAD GENERATOR', ['generator'], { kind: 'text', values: ['counter', 'auction', 'marketing', 'tpch'] }, 'Which generator.', {
      required: true,
    }),
    tickInterval: entry('TICK INTERVAL', ['tick_interval'], { kind: 'text' }, "TICK INTERVAL, e.g. '1s'."),
    asOf: entry('AS OF', ['as_of'], { kind: 'number', integer: true, min: 0 }, 'AS OF: the tick to start at.'),
    upTo: entry('UP TO', ['up_to'], { kind: 'number', integer: true, min: 0 }, 'UP TO: the tick to stop at.'),
    scaleFactor: entry('SCALE FACTOR', ['scale_factor'], { kind: 'number', integer: false, min: 0 }, 'SCALE FACTOR (tpch only).'),
    maxCardinality: entry('MAX CARDINALITY', ['max_cardinality'], { kind: 'number', integer: true, min: 1 }, 'MAX CARDINALITY (counter only).'),
    tables: entry('FOR ALL TABLES', ['tables'], { kind: 'text', values: ['all'] }, "'all': required by auction, marketing and tpch, refused by counter."),
  },
};

/** Options every source has besides its type's; changed in place with ALTER SOURCE. */
export const SOURCE_COMMON_OPTIONS = {
  cluster: entry('IN CLUSTER', ['cluster'], { kind: 'text' }, 'The cluster the source runs in.'),
  retainHistory: entry('RETAIN HISTORY', ['retain_history'], { kind: 'text' }, "RETAIN HISTORY FOR, e.g. '1h'.", { change: 'in-place' }),
  timestampInterval: entry('TIMESTAMP INTERVAL', ['timestamp_interval'], { kind: 'text' }, "TIMESTAMP INTERVAL, e.g. '1s'.", { change: 'in-place' }),
} as const satisfies Record<string, SourceOptionEntry>;

export function sourceEntry(type: SourceType, field: string): SourceOptionEntry | undefined {
  return (SOURCE_REGISTRY[type] as Readonly<Record<string, SourceOptionEntry>>)[field];
}

export function sourceEntries(type: SourceType): readonly (readonly [field: string, entry: SourceOptionEntry])[] {
  return Object.entries(SOURCE_REGISTRY[type]);
}
