import { staticSql } from '../sql/quote.js';

/**
 * The three queries `status` and `apply --wait` run, whatever the number of
 * objects. Columns as Materialize has them (src/catalog/src/builtin.rs:
 * mz_source_statuses :6066, mz_source_statistics :16140,
 * mz_aws_privatelink_connection_statuses :5331). uint8 counters are read as
 * text: Materialize has no bigint for them.
 */

/**
 * Every user source and subsource (not progress collections) with its status
 * and, for subsources, the source it belongs to; then every table from a
 * source (type 'table', its source as parent: mz_source_statuses lists them,
 * builtin.rs:6214-6218), so that tables add no query.
 */
export const SOURCE_STATUS_QUERY = staticSql`
SELECT s.id, d.name AS database_name, sc.name AS schema_name, s.name, s.type, p.id AS parent_id,
       st.status, st.error, st.last_status_change_at
FROM mz_catalog.mz_sources AS s
JOIN mz_catalog.mz_schemas AS sc ON sc.id = s.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = sc.database_id
LEFT JOIN mz_internal.mz_source_statuses AS st ON st.id = s.id
LEFT JOIN mz_internal.mz_object_dependencies AS dep ON dep.object_id = s.id AND s.type = 'subsource'
LEFT JOIN mz_catalog.mz_sources AS p ON p.id = dep.referenced_object_id
WHERE s.id LIKE 'u%' AND s.type <> 'progress'
UNION ALL
SELECT t.id, d.name AS database_name, sc.name AS schema_name, t.name, 'table' AS type, t.source_id AS parent_id,
       st.status, st.error, st.last_status_change_at
FROM mz_catalog.mz_tables AS t
JOIN mz_catalog.mz_schemas AS sc ON sc.id = t.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = sc.database_id
LEFT JOIN mz_internal.mz_source_statuses AS st ON st.id = t.id
WHERE t.id LIKE 'u%' AND t.source_id IS NOT NULL
ORDER BY id, parent_id`;

/** Snapshot progress per source and replica. */
export const SOURCE_STATISTICS_QUERY = staticSql`
SELECT id, snapshot_records_known::text AS snapshot_records_known, snapshot_records_staged::text AS snapshot_records_staged,
       snapshot_committed, messages_received::text AS messages_received, bytes_received::text AS bytes_received
FROM mz_internal.mz_source_statistics
WHERE id LIKE 'u%'
ORDER BY id`;

/** Every PrivateLink connection with its principal and status. */
export const PRIVATELINK_STATUS_QUERY = staticSql`
SELECT c.id, d.name AS database_name, sc.name AS schema_name, c.name, pl.principal, st.status, st.last_status_change_at
FROM mz_catalog.mz_connections AS c
JOIN mz_catalog.mz_aws_privatelink_connections AS pl ON pl.id = c.id
JOIN mz_catalog.mz_schemas AS sc ON sc.id = c.schema_id
LEFT JOIN mz_catalog.mz_databases AS d ON d.id = sc.database_id
LEFT JOIN mz_internal.mz_aws_privatelink_connection_statuses AS st ON st.id = c.id
WHERE c.id LIKE 'u%'
ORDER BY c.id`;

export interface SourceStatusRow {
  id: string;
  database_name: string | null;
  schema_name: string;
  name: string;
  type: string;
  parent_id: string | null;
  status: string | null;
  error: string | null;
  last_status_change_at: Date | string | null;
}

export interface SourceStatisticsRow {
  id: string;
  snapshot_records_known: string | null;
  snapshot_records_staged: string | null;
  snapshot_committed: boolean | null;
  messages_received: string | null;
  bytes_received: string | null;
}

export interface PrivateLinkStatusRow {
  id: string;
  database_name: string | null;
  schema_name: string;
  name: string;
  principal: string | null;
  status: string | null;
  last_status_change_at: Date | string | null;
}
