import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Engine } from '../engine.js';
import { ITEM_TABLES } from './schema.js';
import type { CatalogStore } from './store.js';
import type { RowChanges, RowWriter } from './row-changes.js';

type Executor = Pick<PGlite | Transaction, 'query'>;

async function insert(db: Executor, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const placeholders = columns.map((_, i) => `$${i + 1}`);
    const quoted = columns.map((c) => `"${c}"`);
    await db.query(`INSERT INTO ${table} (${quoted.join(', ')}) VALUES (${placeholders.join(', ')})`, columns.map((c) => row[c]));
  }
}

/** Writes a transaction's rows into the embedded Postgres, in one Postgres transaction. */
export class EngineRowWriter implements RowWriter {
  constructor(private readonly engine: Engine) {}

  async write(store: CatalogStore, changes: RowChanges): Promise<void> {
    if (changes.itemIds.length === 0 && !changes.containers) return;
    await this.engine.exclusive((db) =>
      db.transaction(async (tx) => {
        const ids = [...changes.itemIds];
        if (ids.length > 0) for (const { table, idColumn } of ITEM_TABLES) await tx.query(`DELETE FROM ${table} WHERE ${idColumn} = ANY($1)`, [ids]);
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
