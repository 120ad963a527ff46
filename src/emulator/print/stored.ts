import { CONNECTION_OPTION_NAMES, type ConnectionOption, type CreateConnectionStatement } from '../../sql/ast.js';
import type { CatalogStore, ConnectionItem, Item, RelationItem } from '../catalog/store.js';
import { ident, itemName, printCreateConnection, printCreateSource, type PrintMode } from './printer.js';

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
      if (item.type === 'subsource') {
        const parent = item.parentId ? store.items.get(item.parentId) : undefined;
        const of = parent ? itemName({ parts: [], id: parent.id, pos: NO_POSITION }, ctx) : '';
        const reference = (item.externalReference ?? []).map((p) => ident(p, mode)).join('.');
        return `CREATE SUBSOURCE ${name} OF SOURCE ${of} WITH (EXTERNAL REFERENCE = ${reference})`;
      }
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
  const name = item.kind === 'index' ? ident(item.name, mode) : store.qualifiedName(item).map((p) => ident(p, mode)).join('.');
  const cluster = item.clusterId === null ? '' : mode === 'simple' ? ` IN CLUSTER ${ident(store.clusters.get(item.clusterId)?.name ?? item.clusterId, mode)}` : ` IN CLUSTER [${item.clusterId}]`;
  const body = item.definition.map((part) => (typeof part === 'string' ? part : itemName({ parts: [], id: part.id, pos: NO_POSITION }, ctx))).join('');
  return `${RELATION_HEADS[item.kind]} ${name}${cluster} ${body}`.trimEnd();
}

