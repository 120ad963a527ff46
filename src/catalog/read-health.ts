import { type Database, redact } from '../db/index.js';
import type { HealthSnapshot, ObjectName, PrivateLinkStatus, SourceStatistics, SourceStatus } from '../model/index.js';
import {
  PRIVATELINK_STATUS_QUERY,
  type PrivateLinkStatusRow,
  SOURCE_STATISTICS_QUERY,
  SOURCE_STATUS_QUERY,
  type SourceStatisticsRow,
  type SourceStatusRow,
} from './health-queries.js';

/** The queries one health read runs, whatever the number of objects. */
export const HEALTH_QUERY_COUNT = 3;

/**
 * Reads the health of every user source, table from a source and PrivateLink
 * connection in three
 * queries. `secrets` are removed from Materialize's error texts: an upstream
 * error can quote a value the manifest set (a password in a connection string).
 */
export async function readHealth(db: Database, secrets: readonly string[] = []): Promise<HealthSnapshot> {
  const sources = await db.query<SourceStatusRow>(SOURCE_STATUS_QUERY);
  const statistics = await db.query<SourceStatisticsRow>(SOURCE_STATISTICS_QUERY);
  const privateLinks = await db.query<PrivateLinkStatusRow>(PRIVATELINK_STATUS_QUERY);
  return toHealthSnapshot({ sources, statistics, privateLinks }, secrets);
}

export function toHealthSnapshot(
  rows: { sources: readonly SourceStatusRow[]; statistics: readonly SourceStatisticsRow[]; privateLinks: readonly PrivateLinkStatusRow[] },
  secrets: readonly string[],
): HealthSnapshot {
  const sources = new Map<string, SourceStatus>();
  for (const r of rows.sources) {
    // A subsource can have dependency rows besides its source's: keep the row that names the parent.
    if (sources.get(r.id)?.parentId) continue;
    sources.set(r.id, {
      id: r.id,
      name: nameOf(r),
      type: r.type,
      ...(r.parent_id ? { parentId: r.parent_id } : {}),
      status: r.status,
      ...(r.error ? { error: redact(r.error, secrets) } : {}),
      ...timeOf(r.last_status_change_at),
    });
  }
  return {
    sources: [...sources.values()],
    statistics: sumStatistics(rows.statistics),
    privateLinks: rows.privateLinks.map(
      (r): PrivateLinkStatus => ({ id: r.id, name: nameOf(r), status: r.status, ...timeOf(r.last_status_change_at), ...(r.principal ? { principal: r.principal } : {}) }),
    ),
  };
}

function nameOf(r: { database_name: string | null; schema_name: string; name: string }): ObjectName {
  return { database: r.database_name ?? '', schema: r.schema_name, name: r.name };
}

function timeOf(v: Date | string | null): { lastChangeAt?: string } {
  if (v === null) return {};
  const date = v instanceof Date ? v : new Date(v);
  return Number.isNaN(date.getTime()) ? { lastChangeAt: String(v) } : { lastChangeAt: date.toISOString() };
}

/** One row per replica in Materialize: the snapshot of a source is the sum, committed when every replica committed. */
function sumStatistics(rows: readonly SourceStatisticsRow[]): SourceStatistics[] {
  const byId = new Map<string, SourceStatisticsRow[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  return [...byId].map(([id, list]) => {
    const sum = (key: 'snapshot_records_known' | 'snapshot_records_staged' | 'messages_received' | 'bytes_received') => {
      const values = list.map((r) => r[key]).filter((v): v is string => v !== null);
      return values.length === 0 ? undefined : values.reduce((a, v) => a + Number(v), 0);
    };
    const known = sum('snapshot_records_known');
    const staged = sum('snapshot_records_staged');
    const messages = sum('messages_received');
    const bytes = sum('bytes_received');
    return {
      id,
      ...(known !== undefined ? { snapshotRecordsKnown: known } : {}),
      ...(staged !== undefined ? { snapshotRecordsStaged: staged } : {}),
      snapshotCommitted: list.every((r) => r.snapshot_committed === true),
      ...(messages !== undefined ? { messagesReceived: messages } : {}),
      ...(bytes !== undefined ? { bytesReceived: bytes } : {}),
    };
  });
}
