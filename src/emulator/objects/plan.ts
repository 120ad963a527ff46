import type { DefinitionPart, Item, RelationItem } from '../catalog/store.js';
import { MzError } from '../errors.js';
import { checkNameFree, findItem, missingObject, requireItem, requireKind, sessionRoleId, targetSchema, writtenName } from '../ddl/names.js';
import { dropPlan, planAlterOwner } from '../ddl/objects.js';
import { noChange, type Plan, type PlanContext } from '../ddl/plan.js';
import { Resolver } from '../ddl/references.js';
import type { AlterRelationOwnerStatement, CreateRelationStatement, DropRelationStatement, NameReference, RelationKind } from './statements.js';
import { RELATION_WORDS } from './statements.js';

const ON_CLUSTER: ReadonlySet<RelationKind> = new Set(['materialized-view', 'index', 'sink']);
const READABLE: ReadonlySet<Item['kind']> = new Set(['source', 'view', 'materialized-view', 'table']);

/** `<relation>_primary_idx`, or `<relation>_<key>_..._idx` with `expr` for anything but a column (ddl.rs:4080-4110). */
function indexName(on: Item, keys: readonly string[]): string {
  if (keys.length === 0) return `${on.name}_primary_idx`;
  const parts = keys.map((k) => (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(k) ? k.toLowerCase() : /^"([^"]|"")+"$/.test(k) ? k.slice(1, -1).replaceAll('""', '"') : 'expr'));
  return `${on.name}_${parts.join('_')}_idx`;
}

export function planCreateRelation(ctx: PlanContext, ast: CreateRelationStatement): Plan {
  const { store, vars } = ctx;
  const tag = `CREATE ${RELATION_WORDS[ast.objectKind]}`;
  const resolve = (ref: NameReference): Item => requireItem(store, ref.name, vars);
  const on = ast.on ? resolve(ast.on) : undefined;
  if (on && !READABLE.has(on.kind)) throw new MzError(`${writtenName(ast.on!.name)} is a ${on.kind} and cannot be read`);
  const connection = ast.connection ? store.items.get(new Resolver(store, vars).connection(ast.connection.name, 'kafka').id!) : undefined;

  let schemaId: string;
  let name: string;
  if (ast.objectKind === 'index') {
    schemaId = on!.schemaId;
    name = ast.name ? ast.name.parts[ast.name.parts.length - 1]!.value : indexName(on!, ast.keys ?? []);
  } else {
    const target = targetSchema(store, ast.name!, vars);
    schemaId = target.schema.id;
    name = target.itemName;
  }
  const taken = checkNameFree(store, schemaId, name, ast.ifNotExists, 'typed');
  if (taken) return noChange(tag, [taken]);

  let clusterId: string | null = null;
  if (ON_CLUSTER.has(ast.objectKind)) {
    const clusterName = ast.inCluster?.value ?? vars.get('cluster') ?? 'quickstart';
    const cluster = store.clusterByName(clusterName);
    if (!cluster) throw new MzError(`unknown cluster '${clusterName}'`);
    clusterId = cluster.id;
  }

  // Every name the definition reads becomes a reference by id, so renames show in create_sql.
  const resolved: { ref: NameReference; item: Item }[] = [];
  if (ast.on && on) resolved.push({ ref: ast.on, item: on });
  if (ast.connection && connection) resolved.push({ ref: ast.connection, item: connection });
  for (const ref of ast.references) resolved.push({ ref, item: resolve(ref) });
  resolved.sort((a, b) => a.ref.start - b.ref.start);
  const text = ast.text.replace(/[\s;]+$/, '');
  const definition: DefinitionPart[] = [];
  let at = ast.bodyStart;
  for (const { ref, item } of resolved) {
    if (ref.start > at) definition.push(text.slice(at, ref.start));
    definition.push({ id: item.id });
    at = ref.end;
  }
  if (at < text.length) definition.push(text.slice(at));
  const dependsOn = [...new Set(resolved.map((r) => r.item.id))];

  const item: RelationItem = {
    kind: ast.objectKind,
    id: store.allocateItemId(),
    oid: store.allocateOid(),
    schemaId,
    name,
    ownerId: on && ast.objectKind === 'index' ? on.ownerId : sessionRoleId(store, vars),
    clusterId,
    definition,
    ...(on ? { onId: on.id } : {}),
    ...(connection ? { connectionId: connection.id } : {}),
    dependsOn,
  };
  return { tag, ops: [{ kind: 'create-item', item }] };
}

export function planDropRelation(ctx: PlanContext, ast: DropRelationStatement): Plan {
  const { store, vars } = ctx;
  const words = RELATION_WORDS[ast.objectKind];
  const notices = [];
  const targets: Item[] = [];
  for (const name of ast.names) {
    const found = findItem(store, name, vars);
    if (!found) {
      notices.push(missingObject(ast.ifExists, words.toLowerCase(), writtenName(name)));
      continue;
    }
    // PlanError::DropViewOnMaterializedView (src/sql/src/plan/error.rs:690, hint :426).
    if (ast.objectKind === 'view' && found.kind === 'materialized-view') {
      throw new MzError(`${writtenName(name)} is not a view`, { hint: 'Use DROP MATERIALIZED VIEW to remove a materialized view.' });
    }
    targets.push(requireKind(found, ast.objectKind, name));
  }
  return dropPlan(ctx, `DROP ${words}`, targets, ast.cascade, notices);
}

export function planAlterRelationOwner(ctx: PlanContext, ast: AlterRelationOwnerStatement): Plan {
  return planAlterOwner(ctx, { objectKind: ast.objectKind, ifExists: ast.ifExists, name: ast.name, role: ast.role });
}
