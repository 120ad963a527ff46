import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Engine } from '../engine.js';
import { ITEM_TABLES } from './schema.js';
import type { CatalogStore } from './store.js';
import type { RowChanges, RowWriter } from './row-changes.js';

type Executor = Pick<PGlite | Transaction, 'query'>;

/** Rows per INSERT: far below Postgres's limit of 65,535 parameters for the widest table. */
const ROWS_PER_INSERT = 500;

/**
 * One INSERT per table and set of columns, not one per row: each statement
 * costs a round through the embedded Postgres, and a DDL statement writes a
 * dozen rows.
 */
async function insert(db: Executor, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const byColumns = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = Object.keys(row).join('\0');
    const list = byColumns.get(key);
    if (list) list.push(row);
    else byColumns.set(key, [row]);
  }
  for (const list of byColumns.values()) {
    const columns = Object.keys(list[0]!);
    const quoted = columns.map((c) => `"${c}"`).join(', ');
    for (let start = 0; start < list.length; start += ROWS_PER_INSERT) {
      const chunk = list.slice(start, start + ROWS_PER_INSERT);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => `(${columns.map((c) => (params.push(row[c]), `$${params.length}`)).join(', ')})`);
      await db.query(`INSERT INTO ${table} (${quoted}) VALUES ${tuples.join(', ')}`, params);
    }
  }
}

/** Every item table's rows of these ids, in one statement (a data-modifying WITH per table). */
const DELETE_ITEMS = `WITH ${ITEM_TABLES.map(({ table, idColumn }, i) => `d${i} AS (DELETE FROM ${table} WHERE ${idColumn} = ANY($1::text[]))`).join(', ')} SELECT 1`;

/** Writes a transaction's rows into the embedded Postgres, in one Postgres transaction. */
export class EngineRowWriter implements RowWriter {
  constructor(private readonly engine: Engine) {}

  async write(store: CatalogStore, changes: RowChanges): Promise<void> {
    if (changes.itemIds.length === 0 && !changes.containers) return;
    await this.engine.exclusive((db) =>
      db.transaction(async (tx) => {
        const ids = [...changes.itemIds];
        if (ids.length > 0) await tx.query(DELETE_ITEMS, [ids]);
        for (const rows of changes.itemRows) for (const [table, list] of Object.entries(rows)) await insert(tx, table, list);
        if (changes.containers) await writeContainers(tx, store);
      }),
    );
  }
}

/** Rewrites databases, schemas, clusters and roles whole: there are few. */
async function writeContainers(tx: Executor, store: CatalogStore): Promise<void> {
  const noPrivileges: string[] = [];
  for (const table of ['mz_catalog.mz_databases', 'mz_catalog.mz_schemas', 'mz_catalog.mz_clusters', 'mz_catalog.mz_roles']) {
    await tx.query(`DELETE FROM ${table}`);
  }
  await insert(
    tx,
    'mz_catalog.mz_databases',
    [...store.databases.values()].map((d) => ({ id: d.id, oid: d.oid, name: d.name, owner_id: d.ownerId, privileges: noPrivileges })),
  );
  await insert(
    tx,
    'mz_catalog.mz_schemas',
    [...store.schemas.values()].map((s) => ({
      id: s.id,
      oid: s.oid,
      database_id: s.databaseId,
      name: s.name,
      owner_id: s.ownerId,
      privileges: noPrivileges,
    })),
  );
  await insert(
    tx,
    'mz_catalog.mz_clusters',
    [...store.clusters.values()].map((c) => ({
      id: c.id,
      name: c.name,
      owner_id: c.ownerId,
      privileges: noPrivileges,
      managed: c.managed,
      size: c.size,
      replication_factor: c.replicationFactor,
      disk: c.managed ? false : null,
    })),
  );
  await insert(
    tx,
    'mz_catalog.mz_roles',
    [...store.roles.values()].map((r) => ({
      id: r.id,
      oid: r.oid,
      name: r.name,
      inherit: true,
      rolcanlogin: r.id.startsWith('u'),
      rolsuper: r.id.startsWith('u') ? false : null,
    })),
  );
}

export async function writeSettings(engine: Engine, settings: Record<string, string>): Promise<void> {
  await engine.exclusive(async (db) => {
    for (const [name, value] of Object.entries(settings)) {
      await db.query(
        'INSERT INTO mz_internal.mz_emulator_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value',
        [name, value],
      );
    }
  });
}
