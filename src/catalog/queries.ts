import { staticSql } from '../sql/quote.js';

/**
 * The catalog queries introspection runs: a fixed set, whatever the number of
 * objects. They read every user object (ids `u…`); scoping happens in memory,
 * because an object outside the managed schemas can still depend on a managed one.
 * Only columns that exist in Materialize's mz_catalog / mz_internal are used.
 */

/**
 * Secrets, connections, sources and tables from sources with their names,
 * owner, type, create_sql and cluster. A table's type is its source's
 * (`mz_tables.source_id`, src/catalog/src/builtin.rs:3177, set for
 * ingestion exports only: src/adapter/src/catalog/builtin_table_updates.rs:795-803);
 * tables without a source (the user's own) are not read here.
 */
export const OBJECTS_QUERY = staticSql`
SELECT o.id, o.kind, d.name AS database_name, s.name AS schema_name, o.name, o.type, o.create_sql,
       r.name AS owner_name, c.name AS cluster_name
FROM (
  SELECT id, 'secret' AS kind, schema_id, name, NULL::text AS type, owner_id, NULL::text AS create_sql, NULL::text AS cluster_id
    FROM mz_catalog.mz_secrets
  UNION ALL
  SELECT id, 'connection' AS kind, schema_id, name, type, owner_id, create_sql, NULL::text AS cluster_id
    FROM mz_catalog.mz_connections
  UNION ALL
  SELECT id, 'source' AS kind, schema_id, name, type, owner_id, create_sql, cluster_id
    FROM mz_catalog.mz_sources
  UNION ALL
  SELECT t.id, 'table' AS kind, t.schema_id, t.name, src.type, t.owner_id, t.create_sql, NULL::text AS cluster_id
    FROM mz_catalog.mz_tables AS t JOIN mz_catalog.mz_sources AS src ON src.id = t.source_id
) AS o
JOIN mz_catalog.mz_schemas AS s ON s.id = o.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = s.database_id
LEFT JOIN mz_catalog.mz_roles AS r ON r.id = o.owner_id
LEFT JOIN mz_catalog.mz_clusters AS c ON c.id = o.cluster_id
WHERE o.id LIKE 'u%'
ORDER BY o.id`;

/** Comments on objects themselves (not on columns). */
export const COMMENTS_QUERY = staticSql`
SELECT id, comment FROM mz_internal.mz_comments
WHERE object_sub_id IS NULL AND id LIKE 'u%'
ORDER BY id`;

/**
 * Every dependency edge between user objects, with the dependent's type and
 * name from mz_objects: dependents of other kinds (views, materialized views,
 * indexes, sinks, tables) are not read otherwise, and a plan that would take
 * one with it is refused naming it.
 */
export const DEPENDENCIES_QUERY = staticSql`
SELECT dep.object_id, dep.referenced_object_id, o.type AS object_type, d.name AS database_name, s.name AS schema_name, o.name AS object_name
FROM mz_internal.mz_object_dependencies AS dep
LEFT JOIN mz_catalog.mz_objects AS o ON o.id = dep.object_id
LEFT JOIN mz_catalog.mz_schemas AS s ON s.id = o.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = s.database_id
WHERE dep.object_id LIKE 'u%' AND dep.referenced_object_id LIKE 'u%'
ORDER BY dep.object_id, dep.referenced_object_id`;

/** The generated public keys of SSH tunnels. */
export const SSH_KEYS_QUERY = staticSql`
SELECT id, public_key_1, public_key_2 FROM mz_catalog.mz_ssh_tunnel_connections
WHERE id LIKE 'u%'
ORDER BY id`;

/** The principal of each PrivateLink connection. */
export const PRIVATELINK_QUERY = staticSql`
SELECT id, principal FROM mz_catalog.mz_aws_privatelink_connections
WHERE id LIKE 'u%'
ORDER BY id`;

/**
 * The role this connection runs as: what mzform creates is owned by it, so
 * `import` leaves out owners equal to it. Materialize's `current_user`
 * (src/sql/src/func.rs) names the session's role.
 */
export const CONNECTED_ROLE_QUERY = staticSql`SELECT current_user`;

export interface ConnectedRoleRow {
  readonly current_user: string;
}

/** The external id of each AWS (assume role) connection. */
export const AWS_QUERY = staticSql`
SELECT id, external_id FROM mz_internal.mz_aws_connections
WHERE id LIKE 'u%'
ORDER BY id`;

/**
 * Every cluster, role, database and schema by name, system ones included:
 * mzform creates none of them, yet sources name a cluster, objects an owner
 * and every object a database and schema, so a plan checks them before
 * anything runs. One query for the four; `readCatalogRows` splits the rows.
 * Ambient schemas (no database) cannot hold user objects and are left out.
 */
export const CONTAINERS_QUERY = staticSql`
SELECT 'cluster' AS kind, NULL::text AS database_name, name,
       managed::text AS managed, size, replication_factor::text AS replication_factor FROM mz_catalog.mz_clusters
UNION ALL
SELECT 'role' AS kind, NULL::text AS database_name, name, NULL::text, NULL::text, NULL::text FROM mz_catalog.mz_roles
UNION ALL
SELECT 'database' AS kind, NULL::text AS database_name, name, NULL::text, NULL::text, NULL::text FROM mz_catalog.mz_databases
UNION ALL
SELECT 'schema' AS kind, d.name AS database_name, s.name, NULL::text, NULL::text, NULL::text FROM mz_catalog.mz_schemas AS s
  JOIN mz_catalog.mz_databases AS d ON d.id = s.database_id
ORDER BY kind, database_name, name`;

/**
 * The upstream table behind each Postgres and MySQL subsource, keyed by the
 * subsource's id. Newer servers keep a source's tables only as subsources (its
 * create_sql has no FOR TABLES): the subsource's name comes from the objects
 * query and its source from the dependencies query.
 */
export const SOURCE_TABLES_QUERY = staticSql`
SELECT id, schema_name, table_name FROM mz_internal.mz_postgres_source_tables
WHERE id LIKE 'u%'
UNION ALL
SELECT id, schema_name, table_name FROM mz_internal.mz_mysql_source_tables
WHERE id LIKE 'u%'
ORDER BY id`;

export const INTROSPECTION_QUERIES = [
  OBJECTS_QUERY,
  COMMENTS_QUERY,
  DEPENDENCIES_QUERY,
  SSH_KEYS_QUERY,
  PRIVATELINK_QUERY,
  AWS_QUERY,
  CONTAINERS_QUERY,
  SOURCE_TABLES_QUERY,
] as const;

export interface ObjectRow {
  id: string;
  kind: 'secret' | 'connection' | 'source' | 'table';
  database_name: string | null;
  schema_name: string;
  name: string;
  type: string | null;
  create_sql: string | null;
  owner_name: string | null;
  cluster_name: string | null;
}
export interface CommentRow {
  id: string;
  comment: string;
}
export interface DependencyRow {
  object_id: string;
  referenced_object_id: string;
  /** The dependent's `mz_objects.type` and name; absent in catalog dumps written before mzform read them. */
  object_type?: string | null;
  database_name?: string | null;
  schema_name?: string | null;
  object_name?: string | null;
}
export interface SshKeyRow {
  id: string;
  public_key_1: string;
  public_key_2: string;
}
export interface PrivatelinkRow {
  id: string;
  principal: string;
}
export interface AwsRow {
  id: string;
  external_id: string | null;
}

export interface ContainerRow {
  kind: 'cluster' | 'role';
  name: string;
}
/** A row of `CONTAINERS_QUERY`: clusters and roles by name, schemas with their database; clusters with their configuration. */
export interface ContainerQueryRow {
  kind: 'cluster' | 'role' | 'database' | 'schema';
  database_name: string | null;
  name: string;
  managed?: string | null;
  size?: string | null;
  replication_factor?: string | null;
}
/** `mz_clusters`' configuration, as text (`managed` is `true` / `false`); size and replication factor are null for unmanaged clusters. */
export interface ClusterRow {
  name: string;
  managed: string;
  size: string | null;
  replication_factor: string | null;
}
export interface DatabaseRow {
  name: string;
}
export interface SchemaRow {
  database_name: string;
  name: string;
}
/** `mz_postgres_source_tables` / `mz_mysql_source_tables`: the subsource `id` ingests upstream `schema_name.table_name`. */
export interface SourceTableRow {
  id: string;
  schema_name: string;
  table_name: string;
}

/** Everything the queries returned: the input of the pure `toActualState`. */
export interface CatalogRows {
  readonly objects: readonly ObjectRow[];
  readonly comments: readonly CommentRow[];
  readonly dependencies: readonly DependencyRow[];
  readonly sshKeys: readonly SshKeyRow[];
  readonly privatelinks: readonly PrivatelinkRow[];
  readonly aws: readonly AwsRow[];
  readonly containers: readonly ContainerRow[];
  /**
   * The three below are absent in catalog dumps written before mzform read
   * them: then databases and schemas are not checked, and the table list of a
   * source whose create_sql names none is unknown (not compared).
   */
  readonly databases?: readonly DatabaseRow[];
  readonly schemas?: readonly SchemaRow[];
  readonly sourceTables?: readonly SourceTableRow[];
  /** Absent in dumps written before clusters' size and replication factor were read: then declared clusters are not compared. */
  readonly clusters?: readonly ClusterRow[];
  /**
   * Catalog dumps only (no query reads it): the secrets whose comment carried
   * mzform's fingerprint line, which the dump leaves out. Their fingerprint is
   * unknown, not absent (see `StoredFingerprint`).
   */
  readonly fingerprintsWithheld?: readonly FingerprintWithheldRow[];
}

export interface FingerprintWithheldRow {
  id: string;
}
