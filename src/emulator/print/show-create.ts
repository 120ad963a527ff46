import type { ConnectionItem, SourceItem, CatalogStore } from '../catalog/store.js';
import { connectionParts, ident, sourceClauses, type PrintContext } from './printer.js';
import { storedConnectionStatement } from './stored.js';

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

export function showCreateSource(store: CatalogStore, item: SourceItem, forTables?: string): string {
  if (!item.statement) return '';
  const ctx: PrintContext = { mode: 'simple', store };
  const name = store.qualifiedName(item).map((p) => ident(p, 'simple')).join('.');
  const clauses = sourceClauses(item.statement, ctx, name, { hideDetails: true, hideProgress: true });
  if (forTables) {
    const withAt = clauses.findIndex((c) => c.startsWith('WITH ('));
    clauses.splice(withAt < 0 ? clauses.length : withAt, 0, forTables);
  }
  const oneLine = `${clauses.join(' ')};`;
  if (oneLine.length <= WIDTH) return oneLine;
  return `${clauses.join('\n')};`;
}
