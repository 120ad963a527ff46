import type { CreateConnectionStatement, CreateSourceStatement, CreateTableFromSourceStatement } from '../../sql/ast.js';

/**
 * The emulator's catalog in memory: the truth from which the mz_catalog /
 * mz_internal tables are written. Statements are kept as ASTs whose
 * references carry ids, so a RENAME shows up in every dependent's
 * create_sql, as it does in Materialize.
 */

export interface DatabaseEntry {
  readonly id: string;
  readonly oid: number;
  readonly name: string;
  readonly ownerId: string;
}

export interface SchemaEntry {
  readonly id: string;
  readonly oid: number;
  /** Null for the ambient system schemas (mz_catalog, pg_catalog, ...). */
  readonly databaseId: string | null;
  readonly name: string;
  readonly ownerId: string;
}

export interface ClusterEntry {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly managed: boolean;
  readonly size: string | null;
  readonly replicationFactor: number | null;
}

export interface RoleEntry {
  readonly id: string;
  readonly oid: number;
  readonly name: string;
}

interface ItemBase {
  readonly id: string;
  readonly oid: number;
  readonly schemaId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly comment?: string;
}

export interface SecretItem extends ItemBase {
  readonly kind: 'secret';
  /** Kept in memory only: never in a catalog table, a log, an error or a state file. */
  readonly value: string;
}

/** The SSH key pair of a tunnel; `rotated` once ROTATE KEYS ran (the keys then print last, unsorted). */
export interface SshKeys {
  readonly key1: string;
  readonly key2: string;
  readonly rotated: boolean;
}

export interface ConnectionItem extends ItemBase {
  readonly kind: 'connection';
  /** The CREATE statement with every reference resolved to an id, without IF NOT EXISTS and WITH (VALIDATE). */
  readonly statement: CreateConnectionStatement;
  readonly sshKeys?: SshKeys;
}

export type SourceType = 'kafka' | 'postgres' | 'mysql' | 'load-generator' | 'subsource' | 'progress';

export interface SourceItem extends ItemBase {
  readonly kind: 'source';
  readonly type: SourceType;
  readonly clusterId: string | null;
  /** Primary sources: the CREATE statement, references resolved, FOR ... moved into subsources. */
  readonly statement?: CreateSourceStatement;
  /** Subsources and progress collections: the source they belong to. */
  readonly parentId?: string;
  /** Items the definition names besides its connections: a source's progress subsource. */
  readonly dependsOn?: readonly string[];
  /** Subsources: the upstream reference, outermost first (`["postgres", "public", "orders"]`). */
  readonly externalReference?: readonly string[];
}

/** A piece of a stored definition: text as written, or a reference to an item (printed with its current name). */
export type DefinitionPart = string | { readonly id: string };

/**
 * A user's view, materialized view, table, index or sink: an opaque
 * definition (the statement after its name) with the items it names.
 */
export interface RelationItem extends ItemBase {
  readonly kind: 'view' | 'materialized-view' | 'table' | 'index' | 'sink';
  /** Materialized views, indexes and sinks run on a cluster. */
  readonly clusterId: string | null;
  /** The statement after the name and IN CLUSTER, references by id. */
  readonly definition: readonly DefinitionPart[];
  /** Index: the relation it is on; sink: the relation it reads. */
  readonly onId?: string;
  /** Sink: its Kafka connection. */
  readonly connectionId?: string;
  /** Everything the definition names, in the order written, without repeats. */
  readonly dependsOn: readonly string[];
  /** A table from a source: its statement as purified, references resolved (printed instead of `definition`). */
  readonly fromSource?: CreateTableFromSourceStatement;
  /** A table from a source: `mz_tables.source_id`. */
  readonly sourceId?: string;
}

export type Item = SecretItem | ConnectionItem | SourceItem | RelationItem;
export type ItemKind = Item['kind'];

/**
 * Items by id that also keep an index by (schema, name): every statement
 * resolves names, and a scan of all items per lookup made an apply of
 * thousands of objects quadratic. Items are immutable: a rename `set`s the
 * renamed copy under the same id, and the index follows.
 */
export class ItemMap extends Map<string, Item> {
  readonly #byName = new Map<string, Item>();

  override set(id: string, item: Item): this {
    const previous = this.get(id);
    if (previous) this.#byName.delete(nameIndexKey(previous.schemaId, previous.name));
    this.#byName.set(nameIndexKey(item.schemaId, item.name), item);
    return super.set(id, item);
  }

  override delete(id: string): boolean {
    const previous = this.get(id);
    if (previous) this.#byName.delete(nameIndexKey(previous.schemaId, previous.name));
    return super.delete(id);
  }

  override clear(): void {
    this.#byName.clear();
    super.clear();
  }

  byName(schemaId: string, name: string): Item | undefined {
    return this.#byName.get(nameIndexKey(schemaId, name));
  }
}

function nameIndexKey(schemaId: string, name: string): string {
  return JSON.stringify([schemaId, name]);
}

export interface StoreCounters {
  readonly item: number;
  readonly database: number;
  readonly schema: number;
  readonly cluster: number;
  readonly role: number;
  readonly oid: number;
}

export class CatalogStore {
  readonly databases = new Map<string, DatabaseEntry>();
  readonly schemas = new Map<string, SchemaEntry>();
  readonly clusters = new Map<string, ClusterEntry>();
  readonly roles = new Map<string, RoleEntry>();
  readonly items = new ItemMap();
  nextItemId = 1;
  nextDatabaseId = 2;
  nextSchemaId = 4;
  nextClusterId = 2;
  nextRoleId = 2;
  nextOid = 20_000;

  /** The id and oid counters, to put back when a transaction fails. */
  counters(): StoreCounters {
    return { item: this.nextItemId, database: this.nextDatabaseId, schema: this.nextSchemaId, cluster: this.nextClusterId, role: this.nextRoleId, oid: this.nextOid };
  }

  restoreCounters(c: StoreCounters): void {
    this.nextItemId = c.item;
    this.nextDatabaseId = c.database;
    this.nextSchemaId = c.schema;
    this.nextClusterId = c.cluster;
    this.nextRoleId = c.role;
    this.nextOid = c.oid;
  }

  allocateItemId(): string {
    return `u${this.nextItemId++}`;
  }

  allocateOid(): number {
    return this.nextOid++;
  }

  databaseByName(name: string): DatabaseEntry | undefined {
    for (const d of this.databases.values()) if (d.name === name) return d;
    return undefined;
  }

  schemaByName(databaseId: string | null, name: string): SchemaEntry | undefined {
    for (const s of this.schemas.values()) if (s.databaseId === databaseId && s.name === name) return s;
    return undefined;
  }

  clusterByName(name: string): ClusterEntry | undefined {
    for (const c of this.clusters.values()) if (c.name === name) return c;
    return undefined;
  }

  roleByName(name: string): RoleEntry | undefined {
    for (const r of this.roles.values()) if (r.name === name) return r;
    return undefined;
  }

  itemByName(schemaId: string, name: string): Item | undefined {
    return this.items.byName(schemaId, name);
  }

  /** `[database, schema, name]` of an item, for printing references. */
  qualifiedName(item: Item): [string, string, string] {
    const schema = this.schemas.get(item.schemaId);
    const database = schema?.databaseId ? this.databases.get(schema.databaseId) : undefined;
    return [database?.name ?? '', schema?.name ?? '', item.name];
  }
}

/** The catalog of a fresh Materialize: database `materialize`, schema `public`, cluster `quickstart`, role `materialize`, and the system entries. */
export function defaultCatalog(): CatalogStore {
  const store = new CatalogStore();
  const system = 's1';
  for (const [id, oid, name] of [
    ['s1', 16_661, 'mz_system'],
    ['s2', 16_662, 'mz_support'],
    ['s3', 16_663, 'mz_analytics'],
    ['u1', 20_001, 'materialize'],
  ] as const) {
    store.roles.set(id, { id, oid, name });
  }
  store.databases.set('u1', { id: 'u1', oid: 20_002, name: 'materialize', ownerId: system });
  for (const [id, oid, name] of [
    ['s1', 16_384, 'mz_catalog'],
    ['s2', 16_385, 'pg_catalog'],
    ['s3', 16_386, 'mz_internal'],
    ['s4', 16_387, 'information_schema'],
    ['s5', 16_388, 'mz_unsafe'],
    ['s6', 16_389, 'mz_introspection'],
  ] as const) {
    store.schemas.set(id, { id, oid, databaseId: null, name, ownerId: system });
  }
  store.schemas.set('u3', { id: 'u3', oid: 20_003, databaseId: 'u1', name: 'public', ownerId: system });
  for (const [id, name] of [
    ['s1', 'mz_system'],
    ['s2', 'mz_catalog_server'],
    ['s3', 'mz_probe'],
    ['s4', 'mz_support'],
    ['s5', 'mz_analytics'],
  ] as const) {
    store.clusters.set(id, { id, name, ownerId: system, managed: true, size: '2', replicationFactor: 1 });
  }
  store.clusters.set('u1', { id: 'u1', name: 'quickstart', ownerId: system, managed: true, size: '25cc', replicationFactor: 1 });
  return store;
}
