import type { ConnectionItem, RelationItem, SourceItem, CatalogStore } from '../catalog/store.js';
import { pretty, type Doc } from './layout.js';
import { connectionParts, ident, sourceDocs, tableFromSourceDocs, type PrintContext } from './printer.js';
import { storedConnectionStatement, subsourceDocs } from './stored.js';

/**
 * SHOW CREATE as Materialize 26.7 and later prints it: names simplified (no
 * ids, cluster by name), DETAILS hidden, then laid out by its pretty-printer
 * at width 100 (mz_sql_pretty): a connection always breaks after its name and
 * nests the option list under `TO TYPE` when the line would be too long; a
 * source stays on one line when it fits and otherwise puts each clause on its
 * own line. Always ends with `;`.
 */
const WIDTH = 100;
const TAB = '    ';

export function showCreateConnection(store: CatalogStore, item: ConnectionItem): string {
  const ctx: PrintContext = { mode: 'simple', store };
  const name = store.qualifiedName(item).map((p) => ident(p, 'simple')).join('.');
  const p = connectionParts(storedConnectionStatement(item), ctx, name);
  const list = `(${p.options.join(', ')})`;
  const oneLine = `${p.to} ${list};`;
  if (oneLine.length <= WIDTH) return `${p.head}\n${oneLine}`;
  const nested = `${TAB}${list};`;
  if (nested.length <= WIDTH) return `${p.head}\n${p.to}\n${nested}`;
  const inner = `${TAB}${TAB}${p.options.join(', ')}`;
  const body = inner.length <= WIDTH ? inner : p.options.map((o) => `${TAB}${TAB}${o}`).join(',\n');
  return `${p.head}\n${p.to}\n${TAB}(\n${body}\n${TAB});`;
}

export function showCreateSource(store: CatalogStore, item: SourceItem, forTables?: Doc): string {
  if (!item.statement) return '';
  const ctx: PrintContext = { mode: 'simple', store };
  const name = store.qualifiedName(item).map((p) => ident(p, 'simple')).join('.');
  const docs = sourceDocs(item.statement, ctx, name, { hideDetails: true });
  if (forTables) {
    // FOR ... comes before EXPOSE PROGRESS and WITH (doc_create_source).
    const at = docs.findIndex((d) => d.kind === 'title' && d.title === 'EXPOSE PROGRESS AS') >= 0
      ? docs.findIndex((d) => d.kind === 'title' && d.title === 'EXPOSE PROGRESS AS')
      : docs.findIndex((d) => d.kind === 'bracket' && d.open === 'WITH (');
    docs.splice(at < 0 ? docs.length : at, 0, forTables);
  }
  return pretty(docs);
}

/**
 * SHOW CREATE SOURCE of a subsource (doc_create_subsource, doc.rs:395):
 * `CREATE SUBSOURCE name OF SOURCE parent WITH (EXTERNAL REFERENCE = ..., TEXT COLUMNS = (...))`,
 * as pg-cdc-old-syntax/pg-cdc.td:830 shows it. Materialize also lists the
 * columns after the name; the emulator knows no upstream columns and prints none.
 */
export function showCreateSubsource(store: CatalogStore, item: SourceItem): string {
  return pretty(subsourceDocs(store, item, 'simple'));
}

/**
 * SHOW CREATE TABLE of a table from a source: the clauses of its stored
 * statement, names simplified, DETAILS kept (test/testdrive/load-generator.td:97-101
 * shows `WITH (DETAILS = '...')`), laid out like a source.
 */
export function showCreateTableFromSource(store: CatalogStore, item: RelationItem): string {
  if (!item.fromSource) return '';
  const ctx: PrintContext = { mode: 'simple', store };
  const name = store.qualifiedName(item).map((p) => ident(p, 'simple')).join('.');
  return pretty(tableFromSourceDocs(item.fromSource, ctx, name));
}
