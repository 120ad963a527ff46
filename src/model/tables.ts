import type { Envelope, IncludeItem, KafkaFormat, SourceType, UpsertInlineErrors } from './sources.js';

/**
 * Tables from sources, Materialize v26's way of ingesting:
 * `CREATE TABLE t FROM SOURCE s (REFERENCE ...)`. The source carries only its
 * connection (a Kafka topic, a Postgres publication, a MySQL server, a load
 * generator); each table picks one upstream output and, for Kafka, how to
 * decode it. Dropping or re-creating one table leaves its source and the
 * other tables alone (src/sql/src/plan/statement/ddl.rs:1745
 * `plan_create_table_from_source`).
 *
 * The table's type is its source's type. References are kept as the user
 * means them; the server's fully qualified form (`"db"."schema"."table"` for
 * Postgres, `mz_load_generators.auction.bids`) is reduced to this on read.
 */

/** A Kafka table: the topic, and how to decode it (FORMAT / INCLUDE / ENVELOPE as on a legacy source). */
export interface KafkaTableSpec {
  readonly type: 'kafka';
  /** The topic; Materialize stores it as `REFERENCE = "topic"`. */
  readonly reference: string;
  readonly format?: KafkaFormat;
  /** Absent means `ENVELOPE NONE`; UPSERT may carry VALUE DECODING ERRORS = INLINE, as on a source. */
  readonly envelope?: Envelope | UpsertInlineErrors;
  /** In the order written: it decides column order. */
  readonly include?: readonly IncludeItem[];
}

/** A Postgres or MySQL table: `[schema, table]` upstream, and its own TEXT / EXCLUDE COLUMNS (column names). */
export interface DatabaseTableSpec {
  readonly type: 'postgres' | 'mysql';
  readonly reference: readonly [string, string];
  readonly textColumns?: readonly string[];
  readonly excludeColumns?: readonly string[];
}

/** One output of a load generator: `bids` of AUCTION, `counter` of COUNTER. */
export interface LoadGeneratorTableSpec {
  readonly type: 'load-generator';
  readonly reference: string;
}

export type TableSpec = KafkaTableSpec | DatabaseTableSpec | LoadGeneratorTableSpec;

export type TableType = TableSpec['type'];

export const TABLE_TYPES: readonly SourceType[] = ['kafka', 'postgres', 'mysql', 'load-generator'];

/** The outputs of each load generator (src/storage-types/src/sources/load_generator.rs `views`; a single-output generator's one output is named after it). */
export const LOAD_GENERATOR_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  counter: ['counter'],
  clock: ['clock'],
  datums: ['datums'],
  'key-value': ['key_value'],
  auction: ['accounts', 'auctions', 'bids', 'organizations', 'users'],
  marketing: ['conversion_predictions', 'coupons', 'customers', 'impressions', 'leads'],
  tpch: ['customer', 'lineitem', 'nation', 'orders', 'part', 'partsupp', 'region', 'supplier'],
};
