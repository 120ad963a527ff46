import type { ObjectName } from './names.js';

/**
 * Source definitions in the legacy ("CREATE SOURCE ... FORMAT ... ENVELOPE")
 * model, the default on Materialize servers. Clauses that the server adds during
 * purification (START OFFSET from START TIMESTAMP, SEED schemas, DETAILS,
 * EXPOSE PROGRESS) are not part of the model: they are never declared, so they
 * never diff.
 */

export type Format =
  | { readonly kind: 'json' }
  | { readonly kind: 'text' }
  | { readonly kind: 'bytes' }
  | {
      readonly kind: 'csv';
      /** `WITH HEADER (a, b)` or `WITH n COLUMNS`. */
      readonly columns: { readonly kind: 'header'; readonly names: readonly string[] } | { readonly kind: 'count'; readonly count: number };
      /** One character; absent means `,`. */
      readonly delimiter?: string;
    }
  | { readonly kind: 'avro'; readonly schemaRegistry: ObjectName }
  | { readonly kind: 'protobuf'; readonly schemaRegistry: ObjectName };

export type FormatKind = Format['kind'];

/**
 * `FORMAT x` (applies to key and value) or `KEY FORMAT x VALUE FORMAT y`.
 * Materialize keeps the two spellings apart, and so do we.
 */
export type KafkaFormat =
  | { readonly kind: 'bare'; readonly format: Format }
  | { readonly kind: 'key-value'; readonly key: Format; readonly value: Format };

export type Envelope = 'none' | 'upsert' | 'debezium';

/** One `INCLUDE` item; `alias` is the `AS name` part when given. */
export interface IncludeItem {
  readonly item: 'key' | 'partition' | 'offset' | 'timestamp' | 'headers';
  readonly alias?: string;
}

export interface KafkaSource {
  readonly type: 'kafka';
  readonly connection: ObjectName;
  readonly topic: string;
  readonly format?: KafkaFormat;
  /** Absent means `ENVELOPE NONE`. */
  readonly envelope?: Envelope;
  /** In the order written: it decides column order, so order matters. */
  readonly include?: readonly IncludeItem[];
  /** `START OFFSET (0, 10, ...)` per partition, as declared by the user. */
  readonly startOffset?: readonly number[];
  readonly groupIdPrefix?: string;
}

/** One upstream table: `FOR TABLES ("schema"."table" AS "db"."sch"."name")`. */
export interface SourceTable {
  /** Upstream reference, outermost first: `["public", "orders"]`. */
  readonly reference: readonly string[];
  /** The subsource created for it; absent means the server names it after the table. */
  readonly alias?: ObjectName;
}

export type TableSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'tables'; readonly tables: readonly SourceTable[] }
  | { readonly kind: 'schemas'; readonly schemas: readonly string[] };

export interface PostgresSource {
  readonly type: 'postgres';
  readonly connection: ObjectName;
  readonly publication: string;
  readonly tables: TableSelection;
  /** Qualified upstream columns decoded as text: `["public.orders.status"]` written as reference parts. */
  readonly textColumns?: readonly (readonly string[])[];
  readonly excludeColumns?: readonly (readonly string[])[];
}

export interface MysqlSource {
  readonly type: 'mysql';
  readonly connection: ObjectName;
  readonly tables: TableSelection;
  readonly textColumns?: readonly (readonly string[])[];
  readonly excludeColumns?: readonly (readonly string[])[];
}

export type LoadGenerator = 'counter' | 'auction' | 'marketing' | 'tpch';

export interface LoadGeneratorSource {
  readonly type: 'load-generator';
  readonly generator: LoadGenerator;
  /** e.g. `'1s'`. */
  readonly tickInterval?: string;
  readonly asOf?: number;
  readonly upTo?: number;
  /** TPCH only. */
  readonly scaleFactor?: number;
  /** COUNTER only (older servers). */
  readonly maxCardinality?: number;
  /** AUCTION, MARKETING and TPCH need `FOR ALL TABLES` (or a list); COUNTER takes none. */
  readonly tables?: TableSelection;
}

export type SourceSpec = KafkaSource | PostgresSource | MysqlSource | LoadGeneratorSource;

export type SourceType = SourceSpec['type'];

export const SOURCE_TYPES: readonly SourceType[] = ['kafka', 'postgres', 'mysql', 'load-generator'];
