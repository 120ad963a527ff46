/**
 * The containers sources need: managed clusters, databases and schemas. A
 * manifest may declare them so that they are created when missing; they are
 * never dropped (they may hold what the manifest does not describe).
 */

/** A managed cluster: `CREATE CLUSTER c (SIZE = '25cc', REPLICATION FACTOR = 1)`. */
export interface ClusterSpec {
  readonly name: string;
  readonly size: string;
  /** Absent means the server's default (1). */
  readonly replicationFactor?: number;
}

/** A cluster as the catalog has it (`mz_catalog.mz_clusters`). */
export interface ActualCluster {
  readonly name: string;
  readonly managed: boolean;
  readonly size?: string;
  readonly replicationFactor?: number;
}

export interface DesiredContainers {
  readonly clusters: readonly ClusterSpec[];
  readonly databases: readonly string[];
  readonly schemas: readonly { readonly database: string; readonly schema: string }[];
}

/** Plan steps about containers say which kind they are; their names use only the parts they have. */
export type ContainerKind = 'cluster' | 'database' | 'schema';

export const CONTAINER_KINDS: readonly ContainerKind[] = ['database', 'schema', 'cluster'];

/**
 * A container's name in the shape of an item's: a cluster or database is
 * `{name}`, a schema `{database, name}`; the parts it lacks are empty and
 * `displayName` leaves them out.
 */
export function containerName(kind: ContainerKind, name: string, database?: string): { database: string; schema: string; name: string } {
  return { database: kind === 'schema' ? (database ?? '') : '', schema: '', name };
}
