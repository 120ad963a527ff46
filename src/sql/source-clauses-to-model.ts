import { ifDefined } from '../model/if-defined.js';
import type { ObjectName } from '../model/names.js';
import type { Envelope, Format, IncludeItem, KafkaFormat, SchemaStrategy, SourceTable, TableSelection, UpsertInlineErrors } from '../model/sources.js';
import type { CreateSourceFormat, EnvelopeSpec, FormatSpec, IncludeItem as IncludeItemAst, ItemName, ReferencedSubsources, SchemaStrategy as SchemaStrategyAst } from './ast.js';
import { SqlParseError, type SqlPosition } from './errors.js';

/**
 * The structured clauses of CREATE SOURCE (FORMAT, INCLUDE, ENVELOPE,
 * FOR TABLES) to the model, each from its own AST node only, so that
 * CREATE TABLE ... FROM SOURCE reads them the same way.
 */

/** Qualifies a name as the statement's defaults say. */
export interface NameResolver {
  name(n: ItemName): ObjectName;
}

/** What purification adds to a format and the model does not keep. */
export interface FormatOutputs {
  seed?: string;
}

function fail(message: string, at: SqlPosition): never {
  throw new SqlParseError(message, at);
}

/** `FORMAT x` or `KEY FORMAT x VALUE FORMAT y`. */
export function formatClauseToModel(f: CreateSourceFormat, names: NameResolver, outputs: FormatOutputs = {}): KafkaFormat {
  if (f.kind === 'bare') return { kind: 'bare', format: formatToModel(f.format, names, outputs) };
  return { kind: 'key-value', key: formatToModel(f.key, names, outputs), value: formatToModel(f.value, names, outputs) };
}

export function formatToModel(f: FormatSpec, names: NameResolver, outputs: FormatOutputs = {}): Format {
  switch (f.kind) {
    case 'json':
    case 'text':
    case 'bytes':
      return { kind: f.kind };
    case 'csv':
      return {
        kind: 'csv',
        columns: f.columns.kind === 'header' ? { kind: 'header', names: f.columns.names.map((n) => n.value) } : f.columns,
        // `DELIMITED BY ','` is the default, which Materialize drops.
        ...(f.delimiter !== undefined && f.delimiter !== ',' ? { delimiter: f.delimiter } : {}),
      };
    case 'avro':
    case 'protobuf':
      if (f.options.length > 0) fail(`${f.options[0]!.name} is not supported by mzform`, f.options[0]!.pos);
      if (f.seed) outputs.seed = outputs.seed === undefined ? f.seed.text : `${outputs.seed} ${f.seed.text}`;
      if (f.kind === 'protobuf') return { kind: 'protobuf', schemaRegistry: names.name(f.connection) };
      return {
        kind: 'avro',
        schemaRegistry: names.name(f.connection),
        ...ifDefined('keyStrategy', f.keyStrategy && strategyToModel(f.keyStrategy)),
        ...ifDefined('valueStrategy', f.valueStrategy && strategyToModel(f.valueStrategy)),
      };
    case 'avro-inline':
    case 'protobuf-inline':
      return fail('formats with an inline schema (USING SCHEMA) are not supported by mzform; use a schema registry connection', f.pos);
    case 'regex':
      return fail('FORMAT REGEX is not supported by mzform', f.pos);
  }
}

function strategyToModel(s: SchemaStrategyAst): SchemaStrategy {
  return s.kind === 'latest' ? { kind: 'latest' } : s.kind === 'id' ? { kind: 'id', id: s.id } : { kind: 'inline', schema: s.schema };
}

/** The position of a format clause, for messages that refuse it. */
export function formatClausePosition(f: CreateSourceFormat): SqlPosition {
  return f.kind === 'bare' ? f.format.pos : f.key.pos;
}

export function includeToModel(items: readonly IncludeItemAst[]): IncludeItem[] {
  return items.map((i) => {
    if (i.item === 'header') {
      if (i.headerKey === undefined || i.alias === undefined) return fail('INCLUDE HEADER needs a key and AS name', i.pos);
      return { item: 'header', key: i.headerKey, alias: i.alias.value, ...(i.bytes ? { bytes: true as const } : {}) };
    }
    return { item: i.item, ...ifDefined('alias', i.alias?.value) };
  });
}

export function envelopeToModel(e: EnvelopeSpec): Envelope | UpsertInlineErrors {
  if (e.kind !== 'upsert' || e.options.length === 0) return e.kind;
  // The parser knows one option, VALUE DECODING ERRORS, and one value, INLINE [AS c] (src/sql-parser/src/parser.rs:2390).
  return { kind: 'upsert', valueDecodingErrors: 'inline', ...ifDefined('alias', e.inlineAlias?.value) };
}

/** FOR ALL TABLES, FOR TABLES (...), FOR SCHEMAS (...); no clause is an empty list (the tables are separate subsources). */
export function tableSelectionToModel(r: ReferencedSubsources | undefined, names: NameResolver): TableSelection {
  if (!r) return { kind: 'tables', tables: [] };
  switch (r.kind) {
    case 'all':
      return { kind: 'all' };
    case 'schemas':
      return { kind: 'schemas', schemas: r.schemas.map((s) => s.value) };
    case 'tables':
      return {
        kind: 'tables',
        tables: r.tables.map((t): SourceTable => {
          if (t.reference.id !== undefined) fail('an upstream table reference cannot be a catalog reference', t.reference.pos);
          return { reference: t.reference.parts.map((p) => p.value), ...ifDefined('alias', t.alias && names.name(t.alias)) };
        }),
      };
  }
}
