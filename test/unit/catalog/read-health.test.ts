import { describe, expect, it } from 'vitest';
import { HEALTH_QUERY_COUNT, PRIVATELINK_STATUS_QUERY, SOURCE_STATISTICS_QUERY, SOURCE_STATUS_QUERY, readHealth, toHealthSnapshot } from '../../../src/catalog/index.js';
import type { Database } from '../../../src/db/index.js';

const source = (over: Record<string, unknown>) => ({
  id: 'u1', database_name: 'materialize', schema_name: 'public', name: 'orders', type: 'kafka', parent_id: null, status: 'running', error: null, last_status_change_at: null, ...over,
});
const stat = (over: Record<string, unknown>) => ({
  id: 'u1', snapshot_records_known: '10', snapshot_records_staged: '4', snapshot_committed: false, messages_received: '4', bytes_received: '100', ...over,
});

describe('health read', () => {
  it('is three queries whatever the number of objects', async () => {
    const sent: string[] = [];
    const db = { query: async (sql: string) => (sent.push(sql), []) } as unknown as Database;
    await readHealth(db, []);
    expect(sent).toEqual([SOURCE_STATUS_QUERY, SOURCE_STATISTICS_QUERY, PRIVATELINK_STATUS_QUERY]);
    expect(HEALTH_QUERY_COUNT).toBe(3);
  });

  it('redacts secret values in errors, sums replicas, keeps the parent row of a subsource, and dates in ISO', () => {
    const snapshot = toHealthSnapshot(
      {
        sources: [
          source({ status: 'stalled', error: "postgres: password authentication failed: it''s p4ss 'p4ss'", last_status_change_at: new Date('2026-01-02T03:04:05Z') }),
          source({ id: 'u2', name: 'items', type: 'subsource', parent_id: null }),
          source({ id: 'u2', name: 'items', type: 'subsource', parent_id: 'u1' }),
          source({ id: 'u3', name: 'other', type: 'subsource', parent_id: 'u1' }),
          source({ id: 'u3', name: 'other', type: 'subsource', parent_id: null }),
        ],
        statistics: [stat({}), stat({ snapshot_records_known: '5', snapshot_records_staged: '5', snapshot_committed: true }), stat({ id: 'u9', snapshot_records_known: null, snapshot_records_staged: null })],
        privateLinks: [{ id: 'u5', database_name: 'materialize', schema_name: 'public', name: 'pl', principal: 'arn:p', status: null, last_status_change_at: '2026-01-02 03:04:05+00' }],
      },
      ['p4ss'],
    );
    expect(snapshot.sources[0]).toEqual({
      id: 'u1',
      name: { database: 'materialize', schema: 'public', name: 'orders' },
      type: 'kafka',
      status: 'stalled',
      error: "postgres: password authentication failed: it''s ******** '********'",
      lastChangeAt: '2026-01-02T03:04:05.000Z',
    });
    expect(snapshot.sources.map((s) => [s.id, s.parentId])).toEqual([['u1', undefined], ['u2', 'u1'], ['u3', 'u1']]);
    expect(snapshot.statistics).toEqual([
      { id: 'u1', snapshotRecordsKnown: 15, snapshotRecordsStaged: 9, snapshotCommitted: false, messagesReceived: 8, bytesReceived: 200 },
      { id: 'u9', snapshotCommitted: false, messagesReceived: 4, bytesReceived: 100 },
    ]);
    expect(snapshot.privateLinks).toEqual([{ id: 'u5', name: { database: 'materialize', schema: 'public', name: 'pl' }, status: null, lastChangeAt: '2026-01-02T03:04:05.000Z', principal: 'arn:p' }]);
  });
});
