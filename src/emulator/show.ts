import type { ShowStatement, StatementAst } from '../sql/ast.js';
import type { CatalogStore, Item, SourceItem } from './catalog/store.js';
import { requireItem, writtenName } from './ddl/names.js';
import { MzError } from './errors.js';
import type { Outcome, SessionVars } from './outcome.js';
import { ident, itemName } from './print/printer.js';
import { bracket, type Doc } from './print/layout.js';
import { showCreateConnection, showCreateSource, showCreateSubsource, showCreateTableFromSource } from './print/show-create.js';

function asShow(ast: StatementAst): ShowStatement {
  if (ast.kind !== 'show') throw new MzError(`Expected SHOW, found ${ast.kind}`, { sqlstate: '42601' });
  return ast;
}

/** Columns of each SHOW form, as Materialize returns them. */
export function describeShow(statement: StatementAst): readonly string[] {
  const ast = asShow(statement);
  switch (ast.what) {
    case 'create':
      return ['name', 'create_sql'];
    case 'objects':
      return OBJECT_COLUMNS[ast.objectKind];
    case 'variable':
      return [ast.variable];
  }
}

const OBJECT_COLUMNS = {
  secret: ['name', 'comment'],
  connection: ['name', 'type', 'comment'],
  source: ['name', 'type', 'cluster', 'comment'],
  // SHOW TABLES (test/testdrive/load-generator.td:107-112: name and comment).
  table: ['name', 'comment'],
} as const;

/** Answers a SHOW from the catalog as it is between transactions. */
export function runShow(store: CatalogStore, statement: StatementAst, vars: SessionVars): Outcome {
  const ast = asShow(statement);
  switch (ast.what) {
    case 'variable': {
      const value = vars.get(ast.variable.toLowerCase());
      if (value === undefined) throw new MzError(`unrecognized configuration parameter "${ast.variable}"`, { sqlstate: '42704' });
      return { tag: 'SHOW', columns: [ast.variable], rows: [[value]] };
    }
    case 'create': {
      const item = requireItem(store, ast.name, vars);
      if (item.kind !== ast.objectKind) throw new MzError(`${writtenName(ast.name)} is not a ${ast.objectKind}`);
      if (item.kind === 'secret') throw new MzError('SHOW CREATE SECRET is not supported', { sqlstate: '0A000' });
      const name = store.qualifiedName(item).map((p) => ident(p, 'simple')).join('.');
      if (item.kind === 'table' && !item.fromSource) throw new MzError('SHOW CREATE TABLE of a table not from a source is not emulated', { sqlstate: '0A000' });
      const sql =
        item.kind === 'connection'
          ? showCreateConnection(store, item)
          : item.kind === 'table'
            ? showCreateTableFromSource(store, item)
            : item.kind !== 'source'
              ? ''
              : item.type === 'subsource'
                ? showCreateSubsource(store, item)
                : showCreateSource(store, item, forTablesOf(store, item));
      return { tag: 'SELECT 1', columns: ['name', 'create_sql'], rows: [[name, sql]] };
    }
    case 'objects': {
      const schemaId = schemaOf(store, ast.from ? writtenName(ast.from) : undefined, vars);
      const items = [...store.items.values()]
        .filter((i) => i.kind === ast.objectKind && i.schemaId === schemaId)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const rows = items.map((i) => objectRow(store, i));
      return { tag: `SELECT ${rows.length}`, columns: OBJECT_COLUMNS[ast.objectKind], rows };
    }
  }
}

function objectRow(store: CatalogStore, item: Item): (string | null)[] {
  switch (item.kind) {
    case 'secret':
      return [item.name, item.comment ?? ''];
    case 'connection':
      return [item.name, item.statement.connectionType, item.comment ?? ''];
    case 'source': {
      const cluster = item.clusterId ? store.clusters.get(item.clusterId)?.name ?? null : null;
      return [item.name, item.type, cluster, item.comment ?? ''];
    }
    default:
      // SHOW VIEWS and the like are not emulated: nothing asks for them.
      return [item.name, item.comment ?? ''];
  }
}

function schemaOf(store: CatalogStore, from: string | undefined, vars: SessionVars): string {
  const databaseName = vars.get('database') ?? 'materialize';
  const parts = from ? from.split('.') : [(vars.get('search_path') ?? 'public').split(',')[0]!.trim()];
  const schemaName = parts[parts.length - 1]!;
  const database = store.databaseByName(parts.length === 2 ? parts[0]! : databaseName);
  if (!database) throw new MzError(`unknown database '${parts.length === 2 ? parts[0] : databaseName}'`);
  const schema = store.schemaByName(database.id, schemaName);
  if (!schema) throw new MzError(`unknown schema '${schemaName}'`);
  return schema.id;
}

/** SHOW CREATE rebuilds `FOR TABLES (...)` from the subsources that exist now (humanize_sql_for_show_create). */
function forTablesOf(store: CatalogStore, source: SourceItem): Doc | undefined {
  const subsources = [...store.items.values()].filter(
    (i): i is SourceItem => i.kind === 'source' && i.type === 'subsource' && i.parentId === source.id,
  );
  if (subsources.length === 0) return undefined;
  const ctx = { mode: 'simple' as const, store };
  const entries = subsources.map((s) => {
    const reference = (s.externalReference ?? []).map((p) => ident(p, 'simple')).join('.');
    const name = itemName({ parts: [], id: s.id, pos: { offset: 0, line: 1, column: 1 } }, ctx);
    return `${reference} AS ${name}`;
  });
  return bracket('FOR TABLES (', entries, ')');
}
