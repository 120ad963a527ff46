/**
 * The health relations of Materialize, played by the emulator.
 *
 * In Materialize the statuses are views over append-only history sources
 * (src/catalog/src/builtin.rs: `mz_source_status_history` :5234,
 * `mz_aws_privatelink_connection_status_history` :5305,
 * `mz_aws_privatelink_connection_statuses` :5331, `mz_source_statuses` :6066,
 * which lists tables from sources too, type 'table', :6214-6218;
 * history columns in src/storage-client/src/healthcheck.rs:108 and :136).
 * The emulator keeps one event table, in which the lifecycle writes each
 * object's events ahead of time (a source that becomes `running` in 3 s gets
 * an event dated 3 s ahead), and the history views show only events already
 * due (`occurred_at <= now()`). So time moves the statuses forward with no
 * timer, and a status read is as fresh as the clock.
 *
 * `mz_source_statistics` (builtin.rs:16140) is computed the same way from
 * each source's snapshot plan: records known, records staged growing
 * linearly over the snapshot's duration, `updates_committed` zero until the
 * whole snapshot is staged (doc/user/content/ingest-data/monitoring-data-ingestion.md:110).
 */
export const LIFECYCLE_SCHEMA_SQL = `
CREATE TABLE mz_internal.mz_emulator_status_events (
  occurred_at timestamptz NOT NULL, object_id text NOT NULL, relation text NOT NULL, status text NOT NULL, error text, details jsonb);
CREATE INDEX ON mz_internal.mz_emulator_status_events (object_id);
CREATE TABLE mz_internal.mz_emulator_snapshots (
  id text PRIMARY KEY, started_at timestamptz NOT NULL, duration_ms bigint NOT NULL, records bigint NOT NULL, stalled_at timestamptz);

CREATE VIEW mz_internal.mz_source_status_history AS
  SELECT occurred_at, object_id AS source_id, status, error, details, NULL::text AS replica_id
  FROM mz_internal.mz_emulator_status_events
  WHERE relation = 'source' AND occurred_at <= now();

CREATE VIEW mz_internal.mz_source_statuses AS
  WITH latest AS (
    SELECT DISTINCT ON (source_id) source_id, occurred_at, status, error, details
    FROM mz_internal.mz_source_status_history
    ORDER BY source_id, occurred_at DESC),
  parents AS (
    SELECT sub.id AS self, parent.id AS parent
    FROM mz_catalog.mz_sources AS sub
    JOIN mz_internal.mz_object_dependencies AS dep ON dep.object_id = sub.id
    JOIN mz_catalog.mz_sources AS parent ON parent.id = dep.referenced_object_id
    UNION ALL
    -- Tables from sources (builtin.rs:6167-6171): their source is mz_tables.source_id.
    SELECT id, source_id FROM mz_catalog.mz_tables WHERE source_id IS NOT NULL),
  members AS (
    SELECT id, name, type FROM mz_catalog.mz_sources
    UNION ALL
    SELECT id, name, 'table' FROM mz_catalog.mz_tables WHERE source_id IS NOT NULL),
  chosen AS (
    -- A subsource or table with a status of its own other than ceased shows its parent's while the parent is stalled (builtin.rs:6181-6182).
    SELECT s.id, s.name, s.type,
           CASE WHEN par.status = 'stalled' AND own.status <> 'ceased' THEN par.occurred_at ELSE own.occurred_at END AS occurred_at,
           CASE WHEN par.status = 'stalled' AND own.status <> 'ceased' THEN par.status ELSE own.status END AS status,
           CASE WHEN par.status = 'stalled' AND own.status <> 'ceased' THEN par.error ELSE own.error END AS error,
           CASE WHEN par.status = 'stalled' AND own.status <> 'ceased' THEN par.details ELSE own.details END AS details
    FROM members AS s
    LEFT JOIN parents AS p ON p.self = s.id
    LEFT JOIN latest AS own ON own.source_id = s.id
    LEFT JOIN latest AS par ON par.source_id = p.parent)
  SELECT id, name, type, occurred_at AS last_status_change_at,
         CASE WHEN type IN ('webhook', 'progress') THEN 'running' ELSE COALESCE(status, 'created') END AS status,
         error, details
  FROM chosen
  WHERE id NOT LIKE 's%';

CREATE VIEW mz_internal.mz_aws_privatelink_connection_status_history AS
  SELECT occurred_at, object_id AS connection_id, status
  FROM mz_internal.mz_emulator_status_events
  WHERE relation = 'privatelink' AND occurred_at <= now();

CREATE VIEW mz_internal.mz_aws_privatelink_connection_statuses AS
  WITH latest AS (
    SELECT DISTINCT ON (connection_id) connection_id, occurred_at, status
    FROM mz_internal.mz_aws_privatelink_connection_status_history
    ORDER BY connection_id, occurred_at DESC)
  SELECT conns.id, conns.name, latest.occurred_at AS last_status_change_at, latest.status
  FROM latest JOIN mz_catalog.mz_connections AS conns ON conns.id = latest.connection_id;

CREATE VIEW mz_internal.mz_source_statistics AS
  WITH progress AS (
    SELECT id, records, started_at,
           LEAST(now(), COALESCE(stalled_at, now())) AS until,
           started_at + duration_ms * interval '1 millisecond' AS done_at
    FROM mz_internal.mz_emulator_snapshots),
  staged AS (
    SELECT id, records, started_at <= until AS started, until >= done_at AS committed,
           CASE WHEN until >= done_at THEN records
                WHEN until <= started_at THEN 0
                ELSE floor(records * extract(epoch FROM until - started_at) / extract(epoch FROM done_at - started_at))::bigint END AS n
    FROM progress)
  SELECT s.id, NULL::text AS replica_id,
         st.n AS messages_received, st.n * 64 AS bytes_received,
         CASE WHEN st.committed THEN 0 ELSE st.n END AS updates_staged,
         CASE WHEN st.committed THEN st.n ELSE 0 END AS updates_committed,
         0::bigint AS records_indexed, 0::bigint AS bytes_indexed, NULL::interval AS rehydration_latency,
         CASE WHEN st.started THEN st.records END AS snapshot_records_known,
         CASE WHEN st.started THEN st.n END AS snapshot_records_staged,
         st.committed AS snapshot_committed,
         CASE WHEN st.started THEN st.records END AS offset_known,
         CASE WHEN st.committed THEN st.records ELSE 0 END AS offset_committed
  FROM mz_catalog.mz_sources AS s JOIN staged AS st ON st.id = s.id
  WHERE length(s.id) > 0;
`;
