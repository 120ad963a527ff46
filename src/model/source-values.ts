import type { ObjectName } from './names.js';

/**
 * The structured values of source clauses (FORMAT, INCLUDE, FOR TABLES), used
 * by sources and by the source registry that derives the source spec types.
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
  | {
      readonly kind: 'avro';
      readonly schemaRegistry: ObjectName;
      /**
       * Which registered schema to read with (KEY / VALUE STRATEGY; server
       * default the latest). Purification turns it into the SEED schema and the
       * stored create_sql keeps no strategy (CsrConnectionAvro's Display,
       * src/sql-parser/src/ast/defs/ddl.rs:320-329): it is sent, never read back.
       */
      readonly keyStrategy?: SchemaStrategy;
      readonly valueStrategy?: SchemaStrategy;
    }
  | { readonly kind: 'protobuf'; readonly schemaRegistry: ObjectName };

export type FormatKind = Format['kind'];

/** `LATEST`, `ID n` (a schema id in the registry), or `INLINE '<schema>'` (a reader schema). */
export type SchemaStrategy = { readonly kind: 'latest' } | { readonly kind: 'id'; readonly id: number } | { readonly kind: 'inline'; readonly schema: string };

/** A format as the server stores it: without the strategies purification consumed. */
export function formatAsStored(f: Format): Format {
  if (f.kind !== 'avro' || (f.keyStrategy === undefined && f.valueStrategy === undefined)) return f;
  return { kind: 'avro', schemaRegistry: f.schemaRegistry };
}

/**
 * `FORMAT x` (applies to key and value) or `KEY FORMAT x VALUE FORMAT y`.
 * Materialize keeps the two spellings apart, and so do we.
 */
export type KafkaFormat =
  | { readonly kind: 'bare'; readonly format: Format }
  | { readonly kind: 'key-value'; readonly key: Format; readonly value: Format };

/** One `INCLUDE` item; `alias` is the `AS name` part when given. */
export type IncludeItem =
  | { readonly item: 'key' | 'partition' | 'offset' | 'timestamp' | 'headers'; readonly alias?: string }
  /** `HEADER 'key' AS alias [BYTES]`: one Kafka header's value as text, or as bytes (src/sql-parser/src/parser.rs:4659-4668). */
  | { readonly item: 'header'; readonly key: string; readonly alias: string; readonly bytes?: true };

/**
 * `ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE [AS alias]))`: a value that
 * fails to decode becomes an error column (`error` unless named) instead of
 * stalling the source (src/sql-parser/src/parser.rs:2390, ddl.rs:1433).
 */
export interface UpsertInlineErrors {
  readonly kind: 'upsert';
  readonly valueDecodingErrors: 'inline';
  readonly alias?: string;
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

