import type { ClusterEntry, DatabaseEntry, Item, RoleEntry, SchemaEntry } from './store.js';

/**
 * The catalog operations a plan consists of (Materialize's `catalog::Op`):
 * whole new values, never mutations in place, so that a transaction can
 * apply them, write the rows, and put the old values back if the write fails.
 *
 * - `create-item` / `update-item` put an item under its id (update: one that
 *   exists; a rename is an update with a new name);
 * - `drop-item` removes one;
 * - `put-*` add or replace a database, schema, cluster or role.
 */
export type Operation =
  | { readonly kind: 'create-item'; readonly item: Item }
  | { readonly kind: 'update-item'; readonly item: Item }
  | { readonly kind: 'drop-item'; readonly id: string }
  | { readonly kind: 'put-database'; readonly database: DatabaseEntry }
  | { readonly kind: 'put-schema'; readonly schema: SchemaEntry }
  | { readonly kind: 'put-cluster'; readonly cluster: ClusterEntry }
  | { readonly kind: 'put-role'; readonly role: RoleEntry };

export type OperationKind = Operation['kind'];
