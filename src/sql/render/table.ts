import type { Table } from '../../model/objects.js';
import { assertNever } from '../../model/references.js';
import type { TableSpec } from '../../model/tables.js';
import { qualifiedName, quoteIdent } from '../quote.js';
import { renderEnvelopeClause, renderFormatClause, renderIncludeClause, renderReference } from './source-clauses.js';

/**
 * `CREATE TABLE "db"."s"."t" FROM SOURCE "db"."s"."src" (REFERENCE = ...)`
 * then, for Kafka, FORMAT / INCLUDE / ENVELOPE, and for Postgres / MySQL
 * `WITH (TEXT COLUMNS = (...), EXCLUDE COLUMNS = (...))`: the clause order of
 * Materialize's printer (src/sql-parser/src/ast/defs/statement.rs:1737-1790).
 * The reference is always written: Materialize stores it fully qualified
 * after purification whatever was typed (src/sql/src/pure.rs:2014).
 */
export function renderCreateTableSql(table: Table): string {
  return [`CREATE TABLE ${qualifiedName(table.name)} FROM SOURCE ${qualifiedName(table.source)} (REFERENCE = ${renderTableReference(table.spec)})`, ...renderTableClauses(table.spec)].join(' ');
}

/**
 * What REFERENCE names: Kafka, the topic; Postgres and MySQL, `schema.table`
 * (the server adds the upstream database for Postgres); a load generator, its
 * output (the server qualifies it as `mz_load_generators.<generator>.<output>`).
 */
function renderTableReference(spec: TableSpec): string {
  switch (spec.type) {
    case 'kafka':
      return quoteIdent(spec.reference);
    case 'postgres':
    case 'mysql':
      return renderReference(spec.reference);
    case 'load-generator':
      return quoteIdent(spec.reference);
    default:
      return assertNever(spec);
  }
}

function renderTableClauses(spec: TableSpec): string[] {
  switch (spec.type) {
    case 'kafka': {
      const parts: string[] = [];
      // The clauses of a legacy Kafka source, printed by the same functions.
      if (spec.format) parts.push(renderFormatClause(spec.format));
      const include = spec.include && renderIncludeClause(spec.include);
      if (include) parts.push(include);
      if (spec.envelope !== undefined) parts.push(renderEnvelopeClause(spec.envelope));
      return parts;
    }
    case 'postgres':
    case 'mysql': {
      const options: string[] = [];
      if (spec.textColumns && spec.textColumns.length > 0) options.push(`TEXT COLUMNS = (${spec.textColumns.map(quoteIdent).join(', ')})`);
      if (spec.excludeColumns && spec.excludeColumns.length > 0) options.push(`EXCLUDE COLUMNS = (${spec.excludeColumns.map(quoteIdent).join(', ')})`);
      return options.length > 0 ? [`WITH (${options.join(', ')})`] : [];
    }
    case 'load-generator':
      return [];
    default:
      return assertNever(spec);
  }
}
