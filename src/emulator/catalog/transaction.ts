import type { Operation, OperationKind } from './operations.js';
import { directDependents } from './dependencies.js';
import type { CatalogStore, StoreCounters } from './store.js';
import type { RowWriter, TableRows } from './row-changes.js';

/** What a plan hands the transaction: its operations. */
export interface Planned {
  readonly ops: readonly Operation[];
}

type Undo = () => void;

/** How each operation changes the store, and how to take it back. */
const APPLY: { [K in OperationKind]: (store: CatalogStore, op: Extract<Operation, { kind: K }>) => Undo } = {
  'create-item': (store, op) => {
    store.items.set(op.item.id, op.item);
    return () => store.items.delete(op.item.id);
  },
  'update-item': (store, op) => restoreItem(store, op.item.id, () => store.items.set(op.item.id, op.item)),
  'drop-item': (store, op) => restoreItem(store, op.id, () => store.items.delete(op.id)),
  'put-database': (store, op) => restoreEntry(store.databases, op.database.id, op.database),
  'put-schema': (store, op) => restoreEntry(store.schemas, op.schema.id, op.schema),
  'put-cluster': (store, op) => restoreEntry(store.clusters, op.cluster.id, op.cluster),
  'put-role': (store, op) => restoreEntry(store.roles, op.role.id, op.role),
};

function restoreItem(store: CatalogStore, id: string, change: () => void): Undo {
  const previous = store.items.get(id);
  change();
  return () => {
    if (previous) store.items.set(id, previous);
    else store.items.delete(id);
  };
}

function restoreEntry<T>(map: Map<string, T>, id: string, value: T): Undo {
  const previous = map.get(id);
  map.set(id, value);
  return () => {
    if (previous !== undefined) map.set(id, previous);
    else map.delete(id);
  };
}

function applyOne(store: CatalogStore, op: Operation): Undo {
  return (APPLY[op.kind] as (store: CatalogStore, op: Operation) => Undo)(store, op);
}

/**
 * The catalog and its one way to change: `transact` plans against the
 * current catalog and applies the plan's operations to the store and to the
 * catalog rows together (Materialize's `catalog_transact`). If writing the
 * rows fails, the store is put back as it was, counters included, so the
 * two never disagree. Transactions (and reads through `read`) run one at a
 * time, so no statement plans against a store another is half-way through.
 */
export class Catalog {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    public store: CatalogStore,
    private readonly writer: RowWriter,
    private readonly rowsOf: (store: CatalogStore, id: string) => TableRows,
  ) {}

  /** Runs `work` alone against the catalog. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads the catalog between transactions (SHOW). */
  read<T>(work: (store: CatalogStore) => T | Promise<T>): Promise<T> {
    return this.serial(async () => work(this.store));
  }

  /** Plans (a throw changes nothing but the id counters, as in Materialize) and applies the plan's operations. */
  transact<P extends Planned>(plan: (store: CatalogStore) => P): Promise<P> {
    return this.serial(async () => {
      const counters = this.store.counters();
      const planned = plan(this.store);
      await this.apply(planned.ops, counters);
      return planned;
    });
  }

  private async apply(ops: readonly Operation[], counters: StoreCounters): Promise<void> {
    if (ops.length === 0) return;
    const store = this.store;
    const undo: Undo[] = [];
    const renamed: string[] = [];
    let containers = false;
    const touched = new Set<string>();
    try {
      for (const op of ops) {
        if (op.kind === 'update-item') {
          const before = store.items.get(op.item.id);
          if (before && (before.name !== op.item.name || before.schemaId !== op.item.schemaId)) renamed.push(op.item.id);
        }
        undo.push(applyOne(store, op));
        if (op.kind === 'create-item' || op.kind === 'update-item') touched.add(op.item.id);
        else if (op.kind === 'drop-item') touched.add(op.id);
        else containers = true;
      }
      // Every dependent's create_sql names a renamed item: its rows change too.
      for (const id of renamed) for (const dependent of directDependents(store, id)) touched.add(dependent);
      const itemIds = [...touched];
      const itemRows = itemIds.map((id) => (store.items.has(id) ? this.rowsOf(store, id) : {}));
      await this.writer.write(store, { itemIds, itemRows, containers });
    } catch (err) {
      for (const u of undo.reverse()) u();
      store.restoreCounters(counters);
      throw err;
    }
  }

  /** Writes every row from the store into the fresh engine (start, or a loaded state file). */
  async writeAll(): Promise<void> {
    await this.serial(async () => {
      const itemIds = [...this.store.items.keys()];
      await this.writer.write(this.store, { itemIds, itemRows: itemIds.map((id) => this.rowsOf(this.store, id)), containers: true });
    });
  }
}

