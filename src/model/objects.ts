import type { ConnectionSpec } from './connections.js';
import type { ObjectName } from './names.js';
import type { SecretValue } from './secret-value.js';
import type { SourceSpec } from './sources.js';
import type { TableSpec } from './tables.js';

/** What every managed object carries besides its definition. */
export interface ObjectMeta {
  readonly name: ObjectName;
  /** `COMMENT ON ... IS`; absent means no comment. */
  readonly comment?: string;
  /** Owner role name; absent in a manifest means "whoever runs mzform", i.e. not managed. */
  readonly owner?: string;
}

export interface Secret extends ObjectMeta {
  readonly kind: 'secret';
  /**
   * Present in the desired state (resolved from the manifest); always absent in
   * the actual state, because Materialize never gives a secret's value back.
   */
  readonly value?: SecretValue;
}

export interface Connection extends ObjectMeta {
  readonly kind: 'connection';
  readonly spec: ConnectionSpec;
  /**
   * `WITH (VALIDATE = false)` when false. A property of the statement, not of
   * the stored object: the catalog drops it, so it is never diffed.
   */
  readonly validate?: boolean;
}

export interface Source extends ObjectMeta {
  readonly kind: 'source';
  /** Cluster name; sources always get an explicit IN CLUSTER. */
  readonly cluster: string;
  readonly spec: SourceSpec;
  /** `RETAIN HISTORY = FOR '1h'`: alterable in place. */
  readonly retainHistory?: string;
  /** `TIMESTAMP INTERVAL = '1s'`: alterable in place. */
  readonly timestampInterval?: string;
}

/**
 * A table from a source (`CREATE TABLE t FROM SOURCE s (REFERENCE ...)`):
 * read-only, fed by its source. Nothing about it is alterable in place but its
 * comment and owner; any other change re-creates this one table, never the
 * source.
 */
export interface Table extends ObjectMeta {
  readonly kind: 'table';
  /** The source it reads; its type decides the spec's type. */
  readonly source: ObjectName;
  readonly spec: TableSpec;
}

export type MzObject = Secret | Connection | Source | Table;

export type ObjectKind = MzObject['kind'];

/** In dependency order: a kind only refers to kinds before it. */
export const OBJECT_KINDS: readonly ObjectKind[] = ['secret', 'connection', 'source', 'table'];
