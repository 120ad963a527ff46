import type { CatalogStore } from './store.js';

/** Catalog rows of one object, by table (`mz_catalog.mz_connections`, ...). */
export type TableRows = Record<string, Record<string, unknown>[]>;

/** The rows one transaction changes: item rows by id (deleted, then inserted where the item remains) and, when a container changed, all container rows. */
export interface RowChanges {
  readonly itemIds: readonly string[];
  readonly itemRows: readonly TableRows[];
  readonly containers: boolean;
}

/** Writes a transaction's rows, all or nothing (one Postgres transaction). */
export interface RowWriter {
  write(store: CatalogStore, changes: RowChanges): Promise<void>;
}
