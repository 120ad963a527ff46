import { CONNECTION_OPTION_NAMES, type ConnectionOption, type CreateConnectionStatement } from '../../sql/ast.js';
import type { CatalogStore, ConnectionItem, Item, RelationItem, SourceItem } from '../catalog/store.js';
import { bracket, flat, title, type Doc } from './layout.js';
import { ident, itemName, printCreateConnection, printCreateSource, tableFromSourceDocs, type PrintMode } from './printer.js';

const NO_POSITION = { offset: 0, line: 1, column: 1 };

function keyOption(name: 'PUBLIC KEY 1' | 'PUBLIC KEY 2', key: string): ConnectionOption {
  return { name, hasEquals: true, value: { kind: 'value', value: { kind: 'string', value: key, pos: NO_POSITION } }, pos: NO_POSITION };
}

export function optionRank(name: string): number {
  return (CONNECTION_OPTION_NAMES as readonly string[]).indexOf(name);
}

/**
 * A connection's statement as Materialize stores it: options sorted in the
 * `ConnectionOptionName` enum order, the generated SSH keys between PORT and
 * USER, or appended last and unsorted once ROTATE KEYS rewrote them.
 */
export function storedConnectionStatement(item: ConnectionItem): CreateConnectionStatement {
  const options = [...item.statement.options].sort((a, b) => optionRank(a.name) - optionRank(b.name));
  if (item.sshKeys) {
    const keys = [keyOption('PUBLIC KEY 1', item.sshKeys.key1), keyOption('PUBLIC KEY 2', item.sshKeys.key2)];
    if (item.sshKeys.rotated) options.push(...keys);
    else {
      options.push(...keys);
      options.sort((a, b) => optionRank(a.name) - optionRank(b.name));
    }
  }
  return { ...item.statement, ifNotExists: false, withOptions: [], options };
}

/** `create_sql` (stable) or `redacted_create_sql` of an item; null where Materialize has none (progress collections). */
export function storedCreateSql(store: CatalogStore, item: Item, mode: Exclude<PrintMode, 'simple'>): string | null {
  const ctx = { mode, store };
  const name = store.qualifiedName(item).map((p) => ident(p, mode)).join('.');
  switch (item.kind) {
    case 'secret':
      return `CREATE SECRET ${name} AS ${mode === 'stable' ? "'********'" : "'<REDACTED>'"}`;
    case 'connection':
      return printCreateConnection(storedConnectionStatement(item), ctx, name);
    case 'source': {
      if (item.type === 'progress') return null;
      if (item.type === 'subsource') return subsourceDocs(store, item, mode).map(flat).join(' ');
      return item.statement ? printCreateSource(item.statement, ctx, name) : null;
    }
    case 'view':
    case 'materialized-view':
    case 'table':
    case 'index':
    case 'sink':
      return relationCreateSql(store, item, mode);
  }
}

/** The column names of a source's TEXT COLUMNS / EXCLUDE COLUMNS option that belong to one upstream table. */
function columnsOf(parent: SourceItem | undefined, option: 'TEXT COLUMNS' | 'EXCLUDE COLUMNS', reference: readonly string[]): string[] {
  const value = parent?.statement?.connection.options.find((o) => o.name === option)?.value;
  const names = value?.kind === 'list' ? value.items : value ? [value] : [];
  const out: string[] = [];
  for (const v of names) {
    const parts = v.kind === 'name' ? v.name.parts.map((p) => p.value) : v.kind === 'string' ? v.value.split('.') : [];
    const table = parts.slice(0, -1);
    // `t.c`, `schema.t.c` or `db.schema.t.c`: the table part names the subsource's upstream table.
    if (table.length > 0 && table.every((p, i) => reference[reference.length - table.length + i] === p)) out.push(parts[parts.length - 1]!);
  }
  return out.sort();
}

/**
 * A subsource's statement (generate_subsource_statements): `CREATE SUBSOURCE
 * name OF SOURCE parent WITH (EXTERNAL REFERENCE = db.schema.table, TEXT
 * COLUMNS = (c), EXCLUDE COLUMNS = (c))`, the columns being those of the
 * source's options that belong to its table. Without the column list
 * Materialize writes after the name: the emulator has no upstream schema.
 */
export function subsourceDocs(store: CatalogStore, item: SourceItem, mode: PrintMode): Doc[] {
  const ctx = { mode, store };
  const name = store.qualifiedName(item).map((p) => ident(p, mode)).join('.');
  const parent = item.parentId ? store.items.get(item.parentId) : undefined;
  const source = parent?.kind === 'source' ? parent : undefined;
  const reference = item.externalReference ?? [];
  const options = [`EXTERNAL REFERENCE = ${reference.map((p) => ident(p, mode)).join('.')}`];
  for (const option of ['TEXT COLUMNS', 'EXCLUDE COLUMNS'] as const) {
    const columns = columnsOf(source, option, reference);
    if (columns.length > 0) options.push(`${option} = (${columns.map((c) => ident(c, mode)).join(', ')})`);
  }
  const docs: Doc[] = [title('CREATE SUBSOURCE', name)];
  if (parent) docs.push(title('OF SOURCE', itemName({ parts: [], id: parent.id, pos: NO_POSITION }, ctx)));
  docs.push(bracket('WITH (', options, ')'));
  return docs;
}

const RELATION_HEADS: Record<RelationItem['kind'], string> = {
  view: 'CREATE VIEW',
  'materialized-view': 'CREATE MATERIALIZED VIEW',
  table: 'CREATE TABLE',
  index: 'CREATE INDEX',
  sink: 'CREATE SINK',
};

/**
 * A user's object as Materialize stores it where the emulator can tell: the
 * name fully qualified (an index: its name alone), `IN CLUSTER [id]` for what
 * runs on a cluster, every name it read resolved to `[id AS "db"."schema"."name"]`;
 * the rest of the definition as written.
 */
export function relationCreateSql(store: CatalogStore, item: RelationItem, mode: PrintMode): string {
  const ctx = { mode, store };
  if (item.fromSource) return tableFromSourceDocs(item.fromSource, ctx, store.qualifiedName(item).map((p) => ident(p, mode)).join('.')).map(flat).join(' ');
  const name = item.kind === 'index' ? ident(item.name, mode) : store.qualifiedName(item).map((p) => ident(p, mode)).join('.');
  const cluster = item.clusterId === null ? '' : mode === 'simple' ? ` IN CLUSTER ${ident(store.clusters.get(item.clusterId)?.name ?? item.clusterId, mode)}` : ` IN CLUSTER [${item.clusterId}]`;
  const body = item.definition.map((part) => (typeof part === 'string' ? part : itemName({ parts: [], id: part.id, pos: NO_POSITION }, ctx))).join('');
  return `${RELATION_HEADS[item.kind]} ${name}${cluster} ${body}`.trimEnd();
}

