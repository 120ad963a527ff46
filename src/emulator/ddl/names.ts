import type { Ident, ItemName } from '../../sql/ast.js';
import type { CatalogStore, Item, SchemaEntry } from '../catalog/store.js';
import { MzError, SQLSTATE } from '../errors.js';
import type { SessionVars } from '../outcome.js';

/** Name resolution against the catalog, with Materialize's error messages. */

export const NO_POSITION = { offset: 0, line: 1, column: 1 };

/** The name as the user wrote it, for messages: `x`, `s.x`, `db.s.x`. */
export function writtenName(name: ItemName): string {
  return name.parts.map((p) => p.value).join('.');
}

export function currentDatabase(vars: SessionVars): string {
  return vars.get('database') ?? 'materialize';
}

function searchPath(vars: SessionVars): string[] {
  return (vars.get('search_path') ?? 'public')
    .split(',')
    .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
    .filter((s) => s !== '');
}

/** The schema a new object goes into. */
export function targetSchema(store: CatalogStore, name: ItemName, vars: SessionVars): { schema: SchemaEntry; itemName: string } {
  const parts = name.parts.map((p) => p.value);
  if (parts.length > 3) throw new MzError(`qualified name did not have between 1 and 3 components: ${writtenName(name)}`);
  const itemName = parts[parts.length - 1]!;
  const schemaName = parts.length >= 2 ? parts[parts.length - 2]! : searchPath(vars)[0] ?? 'public';
  const databaseName = parts.length === 3 ? parts[0]! : currentDatabase(vars);
  const database = store.databaseByName(databaseName);
  if (!database) throw new MzError(`unknown database '${databaseName}'`);
  const schema = store.schemaByName(database.id, schemaName);
  if (!schema) throw new MzError(`unknown schema '${schemaName}'`);
  return { schema, itemName };
}

/** Finds an item by the name as written, or undefined. Errors for an unknown database or schema in a qualified name. */
export function findItem(store: CatalogStore, name: ItemName, vars: SessionVars): Item | undefined {
  if (name.id) return store.items.get(name.id);
  const parts = name.parts.map((p) => p.value);
  const itemName = parts[parts.length - 1]!;
  if (parts.length === 1) {
    const database = store.databaseByName(currentDatabase(vars));
    for (const schemaName of searchPath(vars)) {
      const schema = database ? store.schemaByName(database.id, schemaName) : undefined;
      const item = schema ? store.itemByName(schema.id, itemName) : undefined;
      if (item) return item;
    }
    return undefined;
  }
  const { schema } = targetSchema(store, name, vars);
  return store.itemByName(schema.id, itemName);
}

export function requireItem(store: CatalogStore, name: ItemName, vars: SessionVars): Item {
  const item = findItem(store, name, vars);
  if (!item) throw new MzError(`unknown catalog item '${writtenName(name)}'`);
  return item;
}

/** What Materialize calls an item's type in messages: `secret`, `connection`, `source`, `subsource`. */
export function itemTypeName(item: Item): string {
  if (item.kind === 'source' && (item.type === 'subsource' || item.type === 'progress')) return 'subsource';
  if (item.kind === 'materialized-view') return 'materialized view';
  return item.kind;
}

/** `t1 is a table not a secret`. */
export function requireKind<K extends Item['kind']>(item: Item, kind: K, name: ItemName): Extract<Item, { kind: K }> {
  const expected = kind.replace('-', ' ');
  if (item.kind !== kind) throw new MzError(`${writtenName(name)} is ${article(itemTypeName(item))} ${itemTypeName(item)} not ${article(expected)} ${expected}`);
  return item as Extract<Item, { kind: K }>;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** The fully qualified name, quoted only where needed: `materialize.public.x`. */
export function fullName(store: CatalogStore, item: Item): string {
  return store.qualifiedName(item).map(simpleIdent).join('.');
}

/** The shortest name that finds the item from the session, as DROP errors print it. */
export function minimalName(store: CatalogStore, item: Item, vars: SessionVars): string {
  const [database, schema, name] = store.qualifiedName(item);
  if (database === currentDatabase(vars) && searchPath(vars)[0] === schema) return simpleIdent(name);
  if (database === currentDatabase(vars)) return `${simpleIdent(schema)}.${simpleIdent(name)}`;
  return [database, schema, name].map(simpleIdent).join('.');
}

function simpleIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`;
}

/** A reference that names `item` by id, as stored statements keep them. */
export function resolvedName(store: CatalogStore, item: Item): ItemName {
  const parts: Ident[] = store.qualifiedName(item).map((value) => ({ value, quoted: true, pos: NO_POSITION }));
  return { parts, id: item.id, pos: NO_POSITION };
}

export function alreadyExistsNotice(store: CatalogStore, item: Item) {
  return {
    severity: 'NOTICE' as const,
    code: SQLSTATE.duplicateObject,
    message: `${itemTypeName(item)} "${fullName(store, item)}" already exists, skipping`,
  };
}

/** The role new objects belong to: the session's user (Materialize's current role). */
export function sessionRoleId(store: CatalogStore, vars: SessionVars): string {
  const user = vars.get('user') ?? 'materialize';
  return store.roleByName(user)?.id ?? 'u1';
}

/** `IF EXISTS` on a missing object: Materialize's notice; without it, its error. */
export function missingObject(ifExists: boolean, kind: string, name: string): { severity: 'NOTICE'; code: string; message: string } {
  if (!ifExists) throw new MzError(`unknown catalog item '${name}'`);
  return { severity: 'NOTICE', code: SQLSTATE.undefinedObject, message: `${kind} "${name}" does not exist, skipping` };
}

/** Refuses a name already taken in the schema; returns the IF NOT EXISTS notice instead when asked to. */
export function checkNameFree(
  store: CatalogStore,
  schemaId: string,
  name: string,
  ifNotExists: boolean,
  wording: 'typed' | 'catalog-item',
): ReturnType<typeof alreadyExistsNotice> | undefined {
  const existing = store.itemByName(schemaId, name);
  if (!existing) return undefined;
  if (ifNotExists) return alreadyExistsNotice(store, existing);
  if (wording === 'catalog-item') throw new MzError(`catalog item '${name}' already exists`);
  throw new MzError(`${itemTypeName(existing)} "${fullName(store, existing)}" already exists`);
}
