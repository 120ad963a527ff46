import { describe, expect, it } from 'vitest';
import { type ObjectHealth, renderStatusJson, renderStatusMarkdown, renderStatusText } from '../../../src/health/index.js';

const name = (n: string) => ({ database: 'materialize', schema: 'public', name: n });
const HEALTH: ObjectHealth[] = [
  { name: name('orders'), kind: 'source', verdict: 'unhealthy', status: 'stalled', lastChangeAt: '2026-01-02T03:04:05.000Z', error: 'kafka: source must be dropped and recreated due to failure: topic was deleted' },
  { name: name('pl'), kind: 'aws-privatelink', verdict: 'pending', status: 'pending-acceptance', principal: 'arn:aws:iam::1:role/mz_u1', note: 'on the endpoint service svc: allow the principal arn:aws:iam::1:role/mz_u1, then accept the pending connection request' },
  { name: name('pg'), kind: 'source', verdict: 'healthy', status: 'running', snapshot: { committed: false, recordsKnown: 1000, recordsStaged: 250 } },
];

describe('status renderers', () => {
  it('text: one line per object, details below, a summary', () => {
    expect(renderStatusText(HEALTH)).toBe(
      [
        'FAIL  source       materialize.public.orders  stalled             since 2026-01-02T03:04:05.000Z',
        '      error: kafka: source must be dropped and recreated due to failure: topic was deleted',
        'wait  privatelink  materialize.public.pl      pending-acceptance',
        '      on the endpoint service svc: allow the principal arn:aws:iam::1:role/mz_u1, then accept the pending connection request',
        'ok    source       materialize.public.pg      running',
        '      snapshot 25% (250 of 1,000 records)',
        '',
        '3 objects: 1 healthy, 1 pending, 1 unhealthy.',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a table with the details, pipes escaped', () => {
    const md = renderStatusMarkdown([...HEALTH, { name: name('a|b'), kind: 'source', verdict: 'missing', status: null, note: 'not in the catalog: run mzform apply' }]);
    expect(md).toContain('### mzform status: unhealthy objects');
    expect(md).toContain('| FAIL | `materialize.public.orders` | source | stalled | 2026-01-02T03:04:05.000Z | error: kafka: source must be dropped and recreated due to failure: topic was deleted |');
    expect(md).toContain('| missing | `materialize.public."a\\|b"` | source | - |  | not in the catalog: run mzform apply |');
    expect(renderStatusMarkdown([HEALTH[2] as ObjectHealth])).toContain('### mzform status: all healthy');
  });

  it('json: versioned, every field present, deterministic', () => {
    const json = JSON.parse(renderStatusJson(HEALTH));
    expect(json).toMatchObject({ format_version: 1, verdict: 'unhealthy', counts: { healthy: 1, pending: 1, unhealthy: 1, missing: 0 } });
    expect(json.objects[0]).toEqual({
      name: 'materialize.public.orders',
      database: 'materialize',
      schema: 'public',
      object: 'orders',
      kind: 'source',
      verdict: 'unhealthy',
      status: 'stalled',
      last_status_change_at: '2026-01-02T03:04:05.000Z',
      error: 'kafka: source must be dropped and recreated due to failure: topic was deleted',
      note: null,
      snapshot: null,
      principal: null,
      subsources: [],
    });
    expect(renderStatusJson(HEALTH)).toBe(renderStatusJson(HEALTH));
  });
});
