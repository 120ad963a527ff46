import { describe, expect, it } from 'vitest';
import { type WatchTarget, evaluateHealth, overallVerdict, describeSnapshot, groupDigits, tunnelHealth } from '../../../src/health/index.js';
import type { HealthSnapshot } from '../../../src/model/index.js';

const name = (n: string) => ({ database: 'materialize', schema: 'public', name: n });
const source: WatchTarget = { name: name('orders'), kind: 'source' };
const link: WatchTarget = { name: name('pl'), kind: 'aws-privatelink', serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-1' };
const PRINCIPAL = 'arn:aws:iam::664411391173:role/mz_env_u1';

function snapshot(parts: Partial<HealthSnapshot>): HealthSnapshot {
  return { sources: [], statistics: [], privateLinks: [], ...parts };
}

describe('source verdicts (statuses of mz_source_statuses, src/catalog/src/builtin.rs:6066)', () => {
  const cases: [string, string | null, { committed: boolean; known?: number; staged?: number } | undefined, string, string | undefined][] = [
    ['running, no statistics', 'running', undefined, 'healthy', undefined],
    ['running, snapshot committed', 'running', { committed: true, known: 10, staged: 10 }, 'healthy', undefined],
    ['running, snapshotting', 'running', { committed: false, known: 10, staged: 4 }, 'pending', 'snapshotting'],
    ['created', 'created', undefined, 'pending', 'created, not started yet'],
    ['no status row', null, undefined, 'pending', 'created, not started yet'],
    ['starting', 'starting', undefined, 'pending', undefined],
    ['paused', 'paused', undefined, 'pending', 'paused: no replica of its cluster is running'],
    ['stalled', 'stalled', undefined, 'unhealthy', undefined],
    ['failed', 'failed', undefined, 'unhealthy', undefined],
    ['ceased', 'ceased', undefined, 'unhealthy', undefined],
  ];
  for (const [label, status, stats, verdict, note] of cases) {
    it(label, () => {
      const [h] = evaluateHealth(
        [source],
        snapshot({
          sources: [{ id: 'u1', name: name('orders'), type: 'kafka', status }],
          statistics: stats ? [{ id: 'u1', snapshotCommitted: stats.committed, snapshotRecordsKnown: stats.known, snapshotRecordsStaged: stats.staged }] : [],
        }),
      );
      expect(h?.verdict).toBe(verdict);
      expect(h?.note).toBe(note);
    });
  }

  it('a stalled subsource makes its source unhealthy, with the subsource error', () => {
    const [h] = evaluateHealth(
      [source],
      snapshot({
        sources: [
          { id: 'u1', name: name('orders'), type: 'postgres', status: 'running' },
          { id: 'u2', name: name('orders_items'), type: 'subsource', parentId: 'u1', status: 'stalled', error: 'postgres: table was dropped' },
        ],
      }),
    );
    expect(h).toMatchObject({ verdict: 'unhealthy', subsources: [{ name: name('orders_items'), status: 'stalled', error: 'postgres: table was dropped' }] });
  });

  it('a table from a source is a target of its own: its status decides its verdict, not its source\'s', () => {
    const table: WatchTarget = { name: name('bids'), kind: 'table' };
    const [t, h] = evaluateHealth(
      [source, table],
      snapshot({
        sources: [
          { id: 'u1', name: name('orders'), type: 'load-generator', status: 'running' },
          { id: 'u2', name: name('bids'), type: 'table', parentId: 'u1', status: 'ceased', error: 'load-generator: reference gone' },
        ],
      }),
    );
    expect(t).toMatchObject({ kind: 'table', verdict: 'unhealthy', status: 'ceased', error: 'load-generator: reference gone' });
    expect(h).toMatchObject({ name: name('orders'), verdict: 'healthy' });
    expect(h?.subsources).toBeUndefined();
  });

  it('a source not in the catalog is missing', () => {
    expect(evaluateHealth([source], snapshot({}))[0]).toMatchObject({ verdict: 'missing', status: null });
  });
});

describe('PrivateLink verdicts (statuses of mz_aws_privatelink_connection_statuses, doc/user/content/reference/system-catalog/mz_internal.md:144)', () => {
  const cases: [string, string, RegExp | undefined][] = [
    ['available', 'healthy', undefined],
    ['pending-service-discovery', 'pending', /waiting for AWS \(pending-service-discovery\)/],
    ['creating-endpoint', 'pending', /waiting for AWS/],
    ['pending-acceptance', 'pending', /allow the principal arn:aws:iam::664411391173:role\/mz_env_u1, then accept the pending connection request/],
    ['rejected', 'unhealthy', /the endpoint is rejected/],
    ['failed', 'unhealthy', /the endpoint is failed/],
    ['expired', 'unhealthy', /expired/],
  ];
  for (const [status, verdict, note] of cases) {
    it(status, () => {
      const [h] = evaluateHealth([link], snapshot({ privateLinks: [{ id: 'u1', name: name('pl'), status, principal: PRINCIPAL }] }));
      expect(h?.verdict).toBe(verdict);
      if (note) expect(h?.note).toMatch(note);
      else expect(h?.note).toBeUndefined();
    });
  }
});

describe('overall verdicts and numbers', () => {
  it('unhealthy beats pending beats healthy; missing counts as pending', () => {
    const ok = tunnelHealth(name('t'), { ok: true });
    const waiting = tunnelHealth(name('t'), { ok: false, message: 'failed to connect' });
    expect(overallVerdict([ok])).toBe('healthy');
    expect(overallVerdict([ok, waiting])).toBe('pending');
    expect(overallVerdict([ok, { ...ok, verdict: 'missing' }])).toBe('pending');
    expect(overallVerdict([waiting, { ...ok, verdict: 'unhealthy' }])).toBe('unhealthy');
    expect(overallVerdict([])).toBe('healthy');
  });

  it('snapshot descriptions and digit grouping do not depend on the locale', () => {
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(groupDigits(999)).toBe('999');
    expect(describeSnapshot({ committed: false, recordsKnown: 10_000, recordsStaged: 4_500 })).toBe('snapshot 45% (4,500 of 10,000 records)');
    expect(describeSnapshot({ committed: false })).toBe('snapshot size not known yet');
    expect(describeSnapshot({ committed: true, recordsKnown: 10 })).toBe('snapshot done (10 records)');
  });
});
