import { assertNever } from '../../model/references.js';
import type { Envelope, Format, IncludeItem, KafkaFormat, SchemaStrategy, SourceTable, TableSelection, UpsertInlineErrors } from '../../model/sources.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../quote.js';
import { renderInteger } from './connection-options.js';

/**
 * The clauses of CREATE SOURCE that are structures, not `NAME = value`
 * options: FORMAT, INCLUDE, ENVELOPE, FOR TABLES. Each takes only its own
 * value, so that CREATE TABLE ... FROM SOURCE prints them the same way.
 */

export function renderFormat(f: Format): string {
  switch (f.kind) {
    case 'json':
      return 'JSON';
    case 'text':
      return 'TEXT';
    case 'bytes':
      return 'BYTES';
    case 'csv': {
      const columns =
        f.columns.kind === 'header' ? `WITH HEADER (${f.columns.names.map(quoteIdent).join(', ')})` : `WITH ${renderInteger(f.columns.count, 'CSV column count')} COLUMNS`;
      return `CSV ${columns}${f.delimiter === undefined ? '' : ` DELIMITED BY ${quoteLiteral(f.delimiter)}`}`;
    }
    case 'avro':
      return `AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION ${qualifiedName(f.schemaRegistry)}${renderStrategy('KEY', f.keyStrategy)}${renderStrategy('VALUE', f.valueStrategy)}`;
    case 'protobuf':
      return `PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION ${qualifiedName(f.schemaRegistry)}`;
    default:
      return assertNever(f);
  }
}

function renderStrategy(side: 'KEY' | 'VALUE', s: SchemaStrategy | undefined): string {
  if (s === undefined) return '';
  const how = s.kind === 'latest' ? 'LATEST' : s.kind === 'id' ? `ID ${renderInteger(s.id, `${side} STRATEGY ID`)}` : `INLINE ${quoteLiteral(s.schema)}`;
  return ` ${side} STRATEGY ${how}`;
}

/** `FORMAT x` or `KEY FORMAT x VALUE FORMAT y`. */
export function renderFormatClause(f: KafkaFormat): string {
  return f.kind === 'bare' ? `FORMAT ${renderFormat(f.format)}` : `KEY FORMAT ${renderFormat(f.key)} VALUE FORMAT ${renderFormat(f.value)}`;
}

/** `INCLUDE KEY, PARTITION AS "p"`; nothing for an empty list. */
export function renderIncludeClause(items: readonly IncludeItem[]): string | undefined {
  if (items.length === 0) return undefined;
  return `INCLUDE ${items.map(renderIncludeItem).join(', ')}`;
}

function renderIncludeItem(i: IncludeItem): string {
  if (i.item === 'header') return `HEADER ${quoteLiteral(i.key)} AS ${quoteIdent(i.alias)}${i.bytes ? ' BYTES' : ''}`;
  return `${i.item.toUpperCase()}${i.alias === undefined ? '' : ` AS ${quoteIdent(i.alias)}`}`;
}

export function renderEnvelopeClause(e: Envelope | UpsertInlineErrors): string {
  if (typeof e === 'string') return `ENVELOPE ${e.toUpperCase()}`;
  return `ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE${e.alias === undefined ? '' : ` AS ${quoteIdent(e.alias)}`}))`;
}

/** `"public"."orders"`: an upstream reference, outermost part first. */
export function renderReference(parts: readonly string[]): string {
  if (parts.length === 0) throw new Error('an upstream reference needs at least one part');
  return parts.map(quoteIdent).join('.');
}

export function renderSourceTable(t: SourceTable): string {
  return `${renderReference(t.reference)}${t.alias ? ` AS ${qualifiedName(t.alias)}` : ''}`;
}

/** No clause for an empty table list: that is how newer servers store a source whose tables became subsources. */
export function renderTableSelectionClause(t: TableSelection): string | undefined {
  switch (t.kind) {
    case 'all':
      return 'FOR ALL TABLES';
    case 'tables':
      return t.tables.length === 0 ? undefined : `FOR TABLES (${t.tables.map(renderSourceTable).join(', ')})`;
    case 'schemas':
      return `FOR SCHEMAS (${t.schemas.map(quoteIdent).join(', ')})`;
    default:
      return assertNever(t);
  }
}

/** `(schema.table.column, ...)`: the value of TEXT COLUMNS and EXCLUDE COLUMNS. */
export function renderColumnList(columns: readonly (readonly string[])[]): string {
  return `(${columns.map(renderReference).join(', ')})`;
}

/** `NAME = (columns)`, or nothing for no columns. */
export function columnList(name: string, columns: readonly (readonly string[])[] | undefined): string[] {
  return columns && columns.length > 0 ? [`${name} = ${renderColumnList(columns)}`] : [];
}
