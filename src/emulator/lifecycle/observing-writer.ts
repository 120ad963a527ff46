import type { CatalogStore } from '../catalog/store.js';
import type { RowChanges, RowWriter } from '../catalog/row-changes.js';
import type { Lifecycle } from './lifecycle.js';

/** A row writer that, once a catalog transaction's rows are written, lets the lifecycle schedule what the new objects go through. */
export function observedBy(inner: RowWriter, lifecycle: Lifecycle): RowWriter {
  return {
    async write(store: CatalogStore, changes: RowChanges): Promise<void> {
      await inner.write(store, changes);
      await lifecycle.observe(changes.itemIds);
    },
  };
}
