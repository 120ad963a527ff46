import { describe, expect, it } from 'vitest';
import { progressWriter } from '../../../../src/apply/index.js';
import { formatElapsed, progressBar, plainLine, SnapshotRates, terminalLines } from '../../../../src/apply/wait/progress-format.js';
import type { ObjectHealth } from '../../../../src/health/index.js';

const name = (n: string) => ({ database: 'materialize', schema: 'public', name: n });
const snapshotting = (staged: number): ObjectHealth => ({
  name: name('orders'),
  kind: 'source',
  verdict: 'pending',
  status: 'running',
  note: 'snapshotting',
  snapshot: { committed: false, recordsKnown: 10_000, recordsStaged: staged },
});
const link = (status: string, verdict: ObjectHealth['verdict']): ObjectHealth => ({ name: name('pl'), kind: 'aws-privatelink', verdict, status, ...(verdict === 'pending' ? { note: 'allow the principal P' } : {}) });

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { write: (t: string) => void chunks.push(t), isTTY, columns: 160 }, text: () => chunks.join(''), chunks };
}

describe('progress formatting', () => {
  it('bar, elapsed time', () => {
    expect(progressBar(0.5, 10)).toBe('[█████░░░░░]');
    expect(progressBar(2, 4)).toBe('[████]');
    expect(formatElapsed(65_000)).toBe('1m05s');
    expect(formatElapsed(9_999)).toBe('9s');
  });

  it('rates come from successive reads', () => {
    const rates = new SnapshotRates();
    rates.update([snapshotting(1000)], 1000);
    rates.update([snapshotting(3000)], 2000);
    expect(rates.rateOf(snapshotting(0))).toBe(2000);
    expect(plainLine([snapshotting(3000), link('available', 'healthy')], 2000, rates)).toBe(
      '[wait 2s] 1 of 2 ready; materialize.public.orders running, snapshot 30% (3,000 of 10,000 records, 2,000 records/s)',
    );
  });

  it('terminal block: a bar per snapshotting source, what to do under a pending object', () => {
    const lines = terminalLines([snapshotting(2500), link('pending-acceptance', 'pending')], 3000, 600_000, new SnapshotRates(), 8);
    expect(lines).toEqual([
      'Waiting: 0 of 2 ready (3s of 10m00s)',
      '  wait    source      materialize.public.orders  running             [██░░░░░░]   25%  2,500 of 10,000 records',
      '  wait    privatelink materialize.public.pl      pending-acceptance',
      '          allow the principal P',
    ]);
  });
});

describe('progress writers', () => {
  it('not a terminal: status changes as they happen, a progress line every interval, no escape codes', () => {
    const out = sink(false);
    const w = progressWriter(out.stream, { timeoutMs: 60_000, intervalMs: 5000 });
    w.update([snapshotting(1000)], 0);
    w.update([snapshotting(2000)], 1000);
    w.update([snapshotting(3000)], 2000);
    w.update([snapshotting(8000)], 6000);
    w.update([{ ...snapshotting(10_000), verdict: 'healthy', snapshot: { committed: true, recordsKnown: 10_000, recordsStaged: 10_000 } }], 7000);
    w.finish();
    expect(out.text()).not.toContain('\x1b');
    expect(out.text().split('\n')).toEqual([
      'materialize.public.orders: running',
      '[wait 0s] 0 of 1 ready; materialize.public.orders running, snapshot 10% (1,000 of 10,000 records)',
      '[wait 6s] 0 of 1 ready; materialize.public.orders running, snapshot 80% (8,000 of 10,000 records, 1,250 records/s)',
      'materialize.public.orders: running (ready)',
      '',
    ]);
  });

  it('a terminal: the block is redrawn in place', () => {
    const out = sink(true);
    const w = progressWriter(out.stream, { timeoutMs: 60_000 });
    w.update([snapshotting(1000), link('pending-acceptance', 'pending')], 0);
    w.update([snapshotting(5000), link('available', 'healthy')], 1000);
    expect(out.chunks[0]).not.toMatch(/\x1b\[\d+F/);
    // Second draw: back up over the 4 lines of the first, clear each line, clear below.
    expect(out.chunks[1]?.startsWith('\x1b[4F\x1b[2KWaiting: 1 of 2 ready (1s of 1m00s)\n')).toBe(true);
    expect(out.chunks[1]).toContain('[████████████░░░░░░░░░░░░]   50%  5,000 of 10,000 records  4,000 records/s');
    expect(out.chunks[1]?.endsWith('\x1b[J')).toBe(true);
  });
});

describe('a narrow terminal', () => {
  it('wraps long lines (a principal stays whole) and climbs back over every piece', () => {
    const chunks: string[] = [];
    const w = progressWriter({ write: (t) => void chunks.push(t), isTTY: true, columns: 40 }, { timeoutMs: 60_000 });
    const pending: ObjectHealth = { name: name('pl'), kind: 'aws-privatelink', verdict: 'pending', status: 'pending-acceptance', note: 'allow the principal arn:aws:iam::664411391173:role/mz_env_u1' };
    w.update([pending], 0);
    w.update([pending], 1000);
    const first = (chunks[0] ?? '').split('\n').filter((l) => l !== '' && l !== '\x1b[J');
    expect(first.map((l) => l.replace('\x1b[2K', '')).join('')).toContain('arn:aws:iam::664411391173:role/mz_env_u1'.slice(0, 20));
    expect(chunks[1]?.startsWith(`\x1b[${first.length}F`)).toBe(true);
  });
});
