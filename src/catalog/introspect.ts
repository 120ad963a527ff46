import type { Database } from '../db/index.js';
import type { ActualState } from '../model/index.js';
import {
  AWS_QUERY,
  COMMENTS_QUERY,
  CONNECTED_ROLE_QUERY,
  CONTAINERS_QUERY,
  DEPENDENCIES_QUERY,
  OBJECTS_QUERY,
  PRIVATELINK_QUERY,
  SOURCE_TABLES_QUERY,
  SSH_KEYS_QUERY,
  type AwsRow,
  type CatalogRows,
  type CommentRow,
  type ConnectedRoleRow,
  type ContainerQueryRow,
  type DependencyRow,
  type ObjectRow,
  type PrivatelinkRow,
  type SourceTableRow,
  type SshKeyRow,
} from './queries.js';
import { type ToActualStateOptions, toActualState } from './to-actual-state.js';

/**
 * Reads the catalog in a fixed number of queries (eight), whatever the number
 * of objects, one after the other on one connection.
 */
export async function introspect(db: Database, options: ToActualStateOptions = {}): Promise<ActualState> {
  return toActualState(await readCatalogRows(db), options);
}

/** The raw rows of the eight queries: what `toActualState` reads, and what `mzform catalog dump` saves. */
export async function readCatalogRows(db: Database): Promise<CatalogRows> {
  const objects = await db.query<ObjectRow>(OBJECTS_QUERY);
  const comments = await db.query<CommentRow>(COMMENTS_QUERY);
  const dependencies = await db.query<DependencyRow>(DEPENDENCIES_QUERY);
  const sshKeys = await db.query<SshKeyRow>(SSH_KEYS_QUERY);
  const privatelinks = await db.query<PrivatelinkRow>(PRIVATELINK_QUERY);
  const aws = await db.query<AwsRow>(AWS_QUERY);
  const named = await db.query<ContainerQueryRow>(CONTAINERS_QUERY);
  const sourceTables = await db.query<SourceTableRow>(SOURCE_TABLES_QUERY);
  return { objects, comments, dependencies, sshKeys, privatelinks, aws, ...splitContainers(named), sourceTables };
}

/** One query reads clusters, roles, databases and schemas; the rows (and a dump) keep them apart. */
export function splitContainers(rows: readonly ContainerQueryRow[]): Pick<CatalogRows, 'containers' | 'databases' | 'schemas' | 'clusters'> {
  return {
    clusters: rows.flatMap((r) =>
      r.kind === 'cluster' ? [{ name: r.name, managed: r.managed ?? 'false', size: r.size ?? null, replication_factor: r.replication_factor ?? null }] : [],
    ),
    containers: rows.flatMap((r) => (r.kind === 'cluster' || r.kind === 'role' ? [{ kind: r.kind, name: r.name }] : [])),
    databases: rows.flatMap((r) => (r.kind === 'database' ? [{ name: r.name }] : [])),
    schemas: rows.flatMap((r) => (r.kind === 'schema' && r.database_name !== null ? [{ database_name: r.database_name, name: r.name }] : [])),
  };
}

/** The name of the role the connection runs as (one query). */
export async function readConnectedRole(db: Database): Promise<string> {
  const [row] = await db.query<ConnectedRoleRow>(CONNECTED_ROLE_QUERY);
  if (row === undefined) throw new Error('SELECT current_user returned no row');
  return row.current_user;
}
