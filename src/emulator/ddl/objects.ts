import type { AlterOwnerStatement, CommentStatement, DropStatement, RenameStatement, ValidateConnectionStatement } from '../../sql/ast.js';
import type { Operation } from '../catalog/operations.js';
import { ownedParts, transitiveDependents } from '../catalog/dependencies.js';
import type { Item } from '../catalog/store.js';
import { MzError } from '../errors.js';
import type { ServerNotice } from '../outcome.js';
import { findItem, fullName, itemTypeName, minimalName, missingObject, requireItem, requireKind, writtenName } from './names.js';
import { noChange, type Plan, type PlanContext } from './plan.js';
import { validateConnection } from './validation.js';

/** Statements that work on any catalog item by name: RENAME, OWNER TO, DROP, COMMENT, VALIDATE. */

const MAX_COMMENT_BYTES = 1024;

export function planRename(ctx: PlanContext, ast: RenameStatement): Plan {
  const { store } = ctx;
  const tag = `ALTER ${ast.objectKind.toUpperCase()}`;
  const found = findItem(store, ast.name, ctx.vars);
  if (!found) return noChange(tag, [missingObject(ast.ifExists, ast.objectKind, writtenName(ast.name))]);
  const item = requireKind(found, ast.objectKind, ast.name);
  const newName = ast.newName.value;
  if (store.itemByName(item.schemaId, newName)) throw new MzError(`catalog item '${newName}' already exists`);
  // The transaction rewrites the rows of every dependent too: their create_sql names this item.
  return { tag, ops: [{ kind: 'update-item', item: { ...item, name: newName } }] };
}

/** What ALTER ... OWNER TO names: any item kind. */
export interface OwnerChange extends Omit<AlterOwnerStatement, 'kind' | 'objectKind' | 'pos'> {
  readonly objectKind: Item['kind'];
}

/**
 * ALTER ... OWNER TO: the role must exist (`unknown role 'x'`, role.slt:103);
 * the item's parts (progress collection, indexes) follow it. An index's own
 * owner never changes: Materialize accepts the statement and does nothing
 * (object_ownership.slt:267-275).
 */
export function planAlterOwner(ctx: PlanContext, ast: OwnerChange): Plan {
  const { store } = ctx;
  const tag = `ALTER ${ast.objectKind.replace('-', ' ').toUpperCase()}`;
  const found = findItem(store, ast.name, ctx.vars);
  if (!found) return noChange(tag, [missingObject(ast.ifExists, ast.objectKind.replace('-', ' '), writtenName(ast.name))]);
  const item = requireKind(found, ast.objectKind, ast.name);
  const role = store.roleByName(ast.role.value);
  if (!role) throw new MzError(`unknown role '${ast.role.value}'`);
  if (item.kind === 'index') return noChange(tag);
  const changed: Item[] = [item, ...ownedParts(store, item.id)];
  return { tag, ops: changed.map((i) => ({ kind: 'update-item' as const, item: { ...i, ownerId: role.id } })) };
}

export function planDrop(ctx: PlanContext, ast: DropStatement): Plan {
  const { store, vars } = ctx;
  const tag = `DROP ${ast.objectKind.toUpperCase()}`;
  const notices: ServerNotice[] = [];
  const targets: Item[] = [];
  for (const name of ast.names) {
    const found = findItem(store, name, vars);
    if (!found) {
      notices.push(missingObject(ast.ifExists, ast.objectKind, writtenName(name)));
      continue;
    }
    const item = requireKind(found, ast.objectKind, name);
    if (item.kind === 'source' && item.type === 'progress') throw new MzError(`cannot drop progress collection ${fullName(store, item)}`);
    targets.push(item);
  }
  return dropPlan(ctx, tag, targets, ast.behavior === 'CASCADE', notices);
}

/** Drops `targets`; their dependents block the drop, or go too with CASCADE (Materialize's message and notice). */
export function dropPlan(ctx: PlanContext, tag: string, targets: readonly Item[], cascade: boolean, notices: ServerNotice[] = []): Plan {
  const { store, vars } = ctx;
  const dropped = new Set<string>();
  for (const item of targets) {
    const dependents = transitiveDependents(store, item.id).filter((id) => !targets.some((t) => t.id === id));
    if (dependents.length > 0 && !cascade) {
      const first = store.items.get(dependents[0]!)!;
      throw new MzError(
        `cannot drop ${itemTypeName(item)} "${minimalName(store, item, vars)}": still depended upon by ${itemTypeName(first)} "${minimalName(store, first, vars)}"`,
        { hint: 'Use DROP ... CASCADE to drop the dependent objects too.' },
      );
    }
    for (const id of dependents) dropped.add(id);
  }
  const cascaded = dropped.size;
  for (const item of targets) dropped.add(item.id);
  for (const id of [...dropped]) for (const part of ownedParts(store, id)) dropped.add(part.id);
  if (cascade && cascaded > 0) notices.push({ severity: 'NOTICE', code: '00000', message: `drop cascades to ${cascaded} other object${cascaded === 1 ? '' : 's'}` });
  const ops: Operation[] = [...dropped].map((id) => ({ kind: 'drop-item', id }));
  return { tag, ops, ...(notices.length > 0 ? { notices } : {}) };
}

export function planComment(ctx: PlanContext, ast: CommentStatement): Plan {
  const item = requireKind(requireItem(ctx.store, ast.name, ctx.vars), ast.objectKind, ast.name);
  if (ast.comment === null) {
    const { comment: _removed, ...rest } = item;
    return { tag: 'COMMENT', ops: [{ kind: 'update-item', item: rest as Item }] };
  }
  const bytes = Buffer.byteLength(ast.comment);
  if (bytes > MAX_COMMENT_BYTES) throw new MzError(`provided comment was ${bytes} bytes long, max size is ${MAX_COMMENT_BYTES} bytes`);
  return { tag: 'COMMENT', ops: [{ kind: 'update-item', item: { ...item, comment: ast.comment } }] };
}

export function planValidate(ctx: PlanContext, ast: ValidateConnectionStatement): Plan {
  const item = requireItem(ctx.store, ast.name, ctx.vars);
  if (item.kind !== 'connection') throw new MzError(`cannot validate ${itemTypeName(item)} '${fullName(ctx.store, item)}'`);
  validateConnection(ctx, item);
  return noChange('VALIDATE CONNECTION');
}
