/**
 * The catalog relations the emulator keeps, with Materialize's column names
 * (src/catalog/src/builtin.rs). Postgres stands in for Materialize's types:
 * `mz_aclitem[]` is `text[]`, `uint8` is `bigint`, `uint4`/`oid` is `oid`.
 *
 * They are plain tables in the embedded Postgres: the emulator writes them
 * after every DDL statement, and any SELECT (joins included) reads them.
 */
export const CATALOG_SCHEMA_SQL = `
CREATE SCHEMA mz_catalog;
CREATE SCHEMA mz_internal;
CREATE SCHEMA mz_introspection;
CREATE SCHEMA mz_unsafe;

CREATE TABLE mz_catalog.mz_databases (id text NOT NULL, oid oid NOT NULL, name text NOT NULL, owner_id text NOT NULL, privileges text[] NOT NULL);
CREATE TABLE mz_catalog.mz_schemas (id text NOT NULL, oid oid NOT NULL, database_id text, name text NOT NULL, owner_id text NOT NULL, privileges text[] NOT NULL);
CREATE TABLE mz_catalog.mz_clusters (
  id text NOT NULL, name text NOT NULL, owner_id text NOT NULL, privileges text[] NOT NULL, managed boolean NOT NULL,
  size text, replication_factor bigint, disk boolean, availability_zones text[], introspection_debugging boolean,
  introspection_interval interval);
CREATE TABLE mz_catalog.mz_roles (id text NOT NULL, oid oid NOT NULL, name text NOT NULL, inherit boolean NOT NULL, rolcanlogin boolean, rolsuper boolean);
CREATE TABLE mz_catalog.mz_secrets (id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, owner_id text NOT NULL, privileges text[] NOT NULL);
CREATE TABLE mz_catalog.mz_connections (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, type text NOT NULL, owner_id text NOT NULL,
  privileges text[] NOT NULL, create_sql text NOT NULL, redacted_create_sql text NOT NULL);
CREATE TABLE mz_catalog.mz_sources (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, type text NOT NULL, connection_id text,
  size text, envelope_type text, key_format text, value_format text, cluster_id text, owner_id text NOT NULL,
  privileges text[] NOT NULL, create_sql text, redacted_create_sql text);
CREATE TABLE mz_catalog.mz_views (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, definition text NOT NULL, owner_id text NOT NULL,
  privileges text[] NOT NULL, create_sql text NOT NULL, redacted_create_sql text NOT NULL);
CREATE TABLE mz_catalog.mz_materialized_views (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, cluster_id text NOT NULL, definition text NOT NULL,
  owner_id text NOT NULL, privileges text[] NOT NULL, create_sql text NOT NULL, redacted_create_sql text NOT NULL);
CREATE TABLE mz_catalog.mz_tables (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, owner_id text NOT NULL, privileges text[] NOT NULL,
  create_sql text, redacted_create_sql text, source_id text);
CREATE TABLE mz_catalog.mz_sinks (
  id text NOT NULL, oid oid NOT NULL, schema_id text NOT NULL, name text NOT NULL, type text NOT NULL, connection_id text, size text,
  envelope_type text, format text, key_format text, value_format text, cluster_id text NOT NULL, owner_id text NOT NULL,
  create_sql text NOT NULL, redacted_create_sql text NOT NULL);
CREATE TABLE mz_catalog.mz_indexes (
  id text NOT NULL, oid oid NOT NULL, name text NOT NULL, on_id text NOT NULL, cluster_id text NOT NULL, owner_id text NOT NULL,
  create_sql text NOT NULL, redacted_create_sql text NOT NULL);
CREATE TABLE mz_catalog.mz_kafka_connections (id text NOT NULL, brokers text[] NOT NULL, sink_progress_topic text NOT NULL);
CREATE TABLE mz_catalog.mz_ssh_tunnel_connections (id text NOT NULL, public_key_1 text NOT NULL, public_key_2 text NOT NULL);
CREATE TABLE mz_catalog.mz_aws_privatelink_connections (id text NOT NULL, principal text NOT NULL);
CREATE TABLE mz_catalog.mz_kafka_sources (id text NOT NULL, group_id_prefix text NOT NULL, topic text NOT NULL);
-- Egress addresses of the region, for allow lists; the emulator makes no outbound connections, so none (as self-managed).
CREATE TABLE mz_catalog.mz_egress_ips (egress_ip text NOT NULL, prefix_length integer NOT NULL, cidr text NOT NULL);
CREATE TABLE mz_catalog.mz_audit_events (id bigint NOT NULL, event_type text NOT NULL, object_type text NOT NULL, details jsonb NOT NULL, "user" text, occurred_at timestamptz NOT NULL);

CREATE TABLE mz_internal.mz_object_dependencies (object_id text NOT NULL, referenced_object_id text NOT NULL);
CREATE TABLE mz_internal.mz_comments (id text NOT NULL, object_type text NOT NULL, object_sub_id integer, comment text NOT NULL);
CREATE TABLE mz_internal.mz_aws_connections (
  id text NOT NULL, endpoint text, region text, access_key_id text, access_key_id_secret_id text, secret_access_key_secret_id text,
  session_token text, session_token_secret_id text, assume_role_arn text, assume_role_session_name text, principal text,
  external_id text, example_trust_policy jsonb);
CREATE TABLE mz_internal.mz_postgres_sources (id text NOT NULL, replication_slot text NOT NULL, timeline_id bigint);
CREATE TABLE mz_internal.mz_postgres_source_tables (id text NOT NULL, schema_name text NOT NULL, table_name text NOT NULL);
CREATE TABLE mz_internal.mz_mysql_source_tables (id text NOT NULL, schema_name text NOT NULL, table_name text NOT NULL);
CREATE TABLE mz_internal.mz_kafka_source_tables (id text NOT NULL, topic text NOT NULL, envelope_type text, key_format text, value_format text);
CREATE TABLE mz_internal.mz_source_statuses (
  id text NOT NULL, name text NOT NULL, type text NOT NULL, last_status_change_at timestamptz, status text NOT NULL,
  error text, details jsonb);
CREATE TABLE mz_internal.mz_aws_privatelink_connection_statuses (id text NOT NULL, name text NOT NULL, last_status_change_at timestamptz, status text NOT NULL);

-- mz_catalog.mz_objects (builtin.rs, MZ_OBJECTS): every object, one row each.
CREATE VIEW mz_catalog.mz_objects AS
  SELECT id, oid, schema_id, name, 'table' AS type, owner_id, NULL::text AS cluster_id, privileges FROM mz_catalog.mz_tables
  UNION ALL SELECT id, oid, schema_id, name, 'source', owner_id, cluster_id, privileges FROM mz_catalog.mz_sources
  UNION ALL SELECT id, oid, schema_id, name, 'view', owner_id, NULL::text, privileges FROM mz_catalog.mz_views
  UNION ALL SELECT id, oid, schema_id, name, 'materialized-view', owner_id, cluster_id, privileges FROM mz_catalog.mz_materialized_views
  UNION ALL SELECT id, oid, schema_id, name, 'sink', owner_id, cluster_id, NULL::text[] FROM mz_catalog.mz_sinks
  UNION ALL SELECT i.id, i.oid, r.schema_id, i.name, 'index', i.owner_id, i.cluster_id, NULL::text[] FROM mz_catalog.mz_indexes i
    JOIN (SELECT id, schema_id FROM mz_catalog.mz_tables UNION ALL SELECT id, schema_id FROM mz_catalog.mz_sources
          UNION ALL SELECT id, schema_id FROM mz_catalog.mz_views UNION ALL SELECT id, schema_id FROM mz_catalog.mz_materialized_views) r
      ON i.on_id = r.id
  UNION ALL SELECT id, oid, schema_id, name, 'connection', owner_id, NULL::text, privileges FROM mz_catalog.mz_connections
  UNION ALL SELECT id, oid, schema_id, name, 'secret', owner_id, NULL::text, privileges FROM mz_catalog.mz_secrets;

CREATE VIEW mz_internal.mz_object_transitive_dependencies AS
  WITH RECURSIVE t(object_id, referenced_object_id) AS (
    SELECT object_id, referenced_object_id FROM mz_internal.mz_object_dependencies
    UNION
    SELECT t.object_id, d.referenced_object_id FROM t JOIN mz_internal.mz_object_dependencies d ON d.object_id = t.referenced_object_id)
  SELECT object_id, referenced_object_id FROM t;

-- Every DDL statement rewrites one object's rows by id: without these indexes
-- each rewrite scans whole tables and an apply from empty grows quadratically.
CREATE INDEX ON mz_catalog.mz_secrets (id);
CREATE INDEX ON mz_catalog.mz_connections (id);
CREATE INDEX ON mz_catalog.mz_sources (id);
CREATE INDEX ON mz_catalog.mz_kafka_connections (id);
CREATE INDEX ON mz_catalog.mz_ssh_tunnel_connections (id);
CREATE INDEX ON mz_catalog.mz_aws_privatelink_connections (id);
CREATE INDEX ON mz_catalog.mz_kafka_sources (id);
CREATE INDEX ON mz_internal.mz_object_dependencies (object_id);
CREATE INDEX ON mz_internal.mz_object_dependencies (referenced_object_id);
CREATE INDEX ON mz_internal.mz_comments (id);
CREATE INDEX ON mz_internal.mz_aws_connections (id);
CREATE INDEX ON mz_internal.mz_postgres_sources (id);
CREATE INDEX ON mz_internal.mz_postgres_source_tables (id);
CREATE INDEX ON mz_internal.mz_mysql_source_tables (id);
CREATE INDEX ON mz_internal.mz_kafka_source_tables (id);
CREATE INDEX ON mz_internal.mz_source_statuses (id);
CREATE INDEX ON mz_internal.mz_aws_privatelink_connection_statuses (id);

CREATE TABLE mz_internal.mz_emulator_settings (name text PRIMARY KEY, value text NOT NULL);
CREATE FUNCTION mz_catalog.mz_version() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT value FROM mz_internal.mz_emulator_settings WHERE name = 'mz_version' $$;
CREATE FUNCTION mz_catalog.mz_version_num() RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT value::integer FROM mz_internal.mz_emulator_settings WHERE name = 'mz_version_num' $$;
CREATE FUNCTION mz_catalog.mz_environment_id() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT value FROM mz_internal.mz_emulator_settings WHERE name = 'environment_id' $$;
`;

/** Every table the emulator writes user rows into, with the column that holds the object id. */
export const ITEM_TABLES: readonly { readonly table: string; readonly idColumn: string }[] = [
  { table: 'mz_catalog.mz_secrets', idColumn: 'id' },
  { table: 'mz_catalog.mz_connections', idColumn: 'id' },
  { table: 'mz_catalog.mz_sources', idColumn: 'id' },
  { table: 'mz_catalog.mz_views', idColumn: 'id' },
  { table: 'mz_catalog.mz_materialized_views', idColumn: 'id' },
  { table: 'mz_catalog.mz_tables', idColumn: 'id' },
  { table: 'mz_catalog.mz_sinks', idColumn: 'id' },
  { table: 'mz_catalog.mz_indexes', idColumn: 'id' },
  { table: 'mz_catalog.mz_kafka_connections', idColumn: 'id' },
  { table: 'mz_catalog.mz_ssh_tunnel_connections', idColumn: 'id' },
  { table: 'mz_catalog.mz_aws_privatelink_connections', idColumn: 'id' },
  { table: 'mz_catalog.mz_kafka_sources', idColumn: 'id' },
  { table: 'mz_internal.mz_object_dependencies', idColumn: 'object_id' },
  { table: 'mz_internal.mz_comments', idColumn: 'id' },
  { table: 'mz_internal.mz_aws_connections', idColumn: 'id' },
  { table: 'mz_internal.mz_postgres_sources', idColumn: 'id' },
  { table: 'mz_internal.mz_postgres_source_tables', idColumn: 'id' },
  { table: 'mz_internal.mz_mysql_source_tables', idColumn: 'id' },
  { table: 'mz_internal.mz_kafka_source_tables', idColumn: 'id' },
  { table: 'mz_internal.mz_source_statuses', idColumn: 'id' },
  { table: 'mz_internal.mz_aws_privatelink_connection_statuses', idColumn: 'id' },
];
