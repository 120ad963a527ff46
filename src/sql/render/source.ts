import type { Source } from '../../model/objects.js';
import { assertNever } from '../../model/references.js';
import type { Format, IncludeItem, KafkaFormat, SourceSpec, SourceTable, TableSelection } from '../../model/sources.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../quote.js';
import { renderInteger } from './connection-options.js';

/** Numbers such as SCALE FACTOR may be fractional; they must still be plain finite numbers. */
function renderNumber(n: number, what: string): string {
  if (!Number.isFinite(n) || n < 0) throw new Error(`${what} must be a non-negative number, got ${n}`);
  return String(n);
}

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
      return `AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION ${qualifiedName(f.schemaRegistry)}`;
    case 'protobuf':
      return `PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION ${qualifiedName(f.schemaRegistry)}`;
    default:
      return assertNever(f);
  }
}

/** `FORMAT x` or `KEY FORMAT x VALUE FORMAT y`: a legacy Kafka source's, or a Kafka table's. */
export function renderKafkaFormat(f: KafkaFormat): string {
  return f.kind === 'bare' ? `FORMAT ${renderFormat(f.format)}` : `KEY FORMAT ${renderFormat(f.key)} VALUE FORMAT ${renderFormat(f.value)}`;
}

export function renderInclude(items: readonly IncludeItem[]): string {
  return `INCLUDE ${items.map((i) => `${i.item.toUpperCase()}${i.alias === undefined ? '' : ` AS ${quoteIdent(i.alias)}`}`).join(', ')}`;
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
function renderTableSelection(t: TableSelection): string[] {
  if (t.kind === 'tables' && t.tables.length === 0) return [];
  return [renderTableSelectionClause(t)];
}

function renderTableSelectionClause(t: TableSelection): string {
  switch (t.kind) {
    case 'all':
      return 'FOR ALL TABLES';
    case 'tables':
      return `FOR TABLES (${t.tables.map(renderSourceTable).join(', ')})`;
    case 'schemas':
      return `FOR SCHEMAS (${t.schemas.map(quoteIdent).join(', ')})`;
    default:
      return assertNever(t);
  }
}

export function columnList(name: string, columns: readonly (readonly string[])[] | undefined): string[] {
  return columns && columns.length > 0 ? [`${name} = (${columns.map(renderReference).join(', ')})`] : [];
}

function optionList(options: readonly string[]): string {
  return options.length > 0 ? ` (${options.join(', ')})` : '';
}

/** `FROM ...` and the clauses after it, in the order Materialize prints them. */
function renderSourceBody(spec: SourceSpec): string[] {
  switch (spec.type) {
    case 'kafka': {
      const options = [`TOPIC = ${quoteLiteral(spec.topic)}`];
      if (spec.groupIdPrefix !== undefined) options.push(`GROUP ID PREFIX = ${quoteLiteral(spec.groupIdPrefix)}`);
      if (spec.startOffset !== undefined) options.push(`START OFFSET = (${spec.startOffset.map((o) => renderInteger(o, 'START OFFSET')).join(', ')})`);
      const parts = [`FROM KAFKA CONNECTION ${qualifiedName(spec.connection)}${optionList(options)}`];
      if (spec.format) parts.push(renderKafkaFormat(spec.format));
      if (spec.include && spec.include.length > 0) parts.push(renderInclude(spec.include));
      if (spec.envelope !== undefined) parts.push(`ENVELOPE ${spec.envelope.toUpperCase()}`);
      return parts;
    }
    case 'postgres': {
      const options = [`PUBLICATION = ${quoteLiteral(spec.publication)}`, ...columnList('TEXT COLUMNS', spec.textColumns), ...columnList('EXCLUDE COLUMNS', spec.excludeColumns)];
      return [`FROM POSTGRES CONNECTION ${qualifiedName(spec.connection)}${optionList(options)}`, ...renderTableSelection(spec.tables)];
    }
    case 'mysql': {
      const options = [...columnList('TEXT COLUMNS', spec.textColumns), ...columnList('EXCLUDE COLUMNS', spec.excludeColumns)];
      return [`FROM MYSQL CONNECTION ${qualifiedName(spec.connection)}${optionList(options)}`, ...renderTableSelection(spec.tables)];
    }
    case 'load-generator': {
      const options: string[] = [];
      if (spec.tickInterval !== undefined) options.push(`TICK INTERVAL = ${quoteLiteral(spec.tickInterval)}`);
      if (spec.asOf !== undefined) options.push(`AS OF = ${renderInteger(spec.asOf, 'AS OF')}`);
      if (spec.upTo !== undefined) options.push(`UP TO = ${renderInteger(spec.upTo, 'UP TO')}`);
      if (spec.scaleFactor !== undefined) options.push(`SCALE FACTOR = ${renderNumber(spec.scaleFactor, 'SCALE FACTOR')}`);
      if (spec.maxCardinality !== undefined) options.push(`MAX CARDINALITY = ${renderInteger(spec.maxCardinality, 'MAX CARDINALITY')}`);
      const parts = [`FROM LOAD GENERATOR ${LOAD_GENERATOR_SQL[spec.generator]}${optionList(options)}`];
      if (spec.tables) parts.push(...renderTableSelection(spec.tables));
      return parts;
    }
    default:
      return assertNever(spec);
  }
}

const LOAD_GENERATOR_SQL = { counter: 'COUNTER', auction: 'AUCTION', marketing: 'MARKETING', tpch: 'TPCH' } as const;

/**
 * `CREATE SOURCE "db"."s"."n" IN CLUSTER "c" FROM ...`, always with an explicit
 * cluster: the session default would otherwise decide where it runs.
 */
export function renderCreateSourceSql(source: Source): string {
  const withOptions: string[] = [];
  if (source.retainHistory !== undefined) withOptions.push(`RETAIN HISTORY = FOR ${quoteLiteral(source.retainHistory)}`);
  if (source.timestampInterval !== undefined) withOptions.push(`TIMESTAMP INTERVAL = ${quoteLiteral(source.timestampInterval)}`);
  return [
    `CREATE SOURCE ${qualifiedName(source.name)}`,
    `IN CLUSTER ${quoteIdent(source.cluster)}`,
    ...renderSourceBody(source.spec),
    ...(withOptions.length > 0 ? [`WITH (${withOptions.join(', ')})`] : []),
  ].join(' ');
}
