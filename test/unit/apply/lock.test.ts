import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCK_LOCATION,
  type LockHolder,
  acquireLock,
  composeLockComment,
  forceUnlock,
  parseDuration,
  parseLockComment,
  parseLockSchema,
  readLock,
  releaseLock,
} from '../../../src/apply/index.js';
import { RefusedError } from '../../../src/errors.js';
import { FakeServer } from './fake-server.js';

const holder = (run: string): LockHolder => ({ holder: 'alice@ci-7', pid: 4242, runId: run, acquiredAt: '2025-01-01T00:00:00.000Z' });
const location = DEFAULT_LOCK_LOCATION;

describe('lock comment', () => {
  it.each([
    ['plain', holder('run-1')],
    ['quotes and unicode in the holder', { ...holder('run-2'), holder: `o'brien@hôst "x"` }],
  ])('round-trips: %s', (_name, h) => {
    expect(parseLockComment(composeLockComment(h))).toEqual(h);
  });

  it.each([[null], [''], ['a comment by hand'], ['mzform apply lock: {not json'], ['mzform apply lock: {"holder":1}']])('is not a holder: %j', (comment) => {
    expect(parseLockComment(comment)).toBeUndefined();
  });
});

describe('acquire and release', () => {
  it('creates the lock secret with the holder in its comment, and drops it on release', async () => {
    const server = new FakeServer();
    const db = server.connect();
    const lock = await acquireLock(db, { location, holder: holder('run-1'), timeoutMs: 0 });
    expect(server.executed[0]).toMatch(/^CREATE SECRET "materialize"\."public"\."__mzform_lock" AS '/);
    expect(await readLock(db, location)).toEqual({ held: true, holder: holder('run-1') });
    expect(await releaseLock(db, lock)).toBe('released');
    expect(await readLock(db, location)).toEqual({ held: false });
  });

  it('refuses a second apply at once, naming the holder and how to clear a stale lock', async () => {
    const server = new FakeServer();
    await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    const err = await acquireLock(server.connect(), { location, holder: holder('run-2'), timeoutMs: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect((err as RefusedError).exitCode).toBe(4);
    expect((err as RefusedError).message).toContain('alice@ci-7 (pid 4242, run run-1) since 2025-01-01T00:00:00.000Z');
    expect((err as RefusedError).hint).toContain('mzform force-unlock run-1');
  });

  it('waits up to the timeout and takes the lock once the holder releases it', async () => {
    const server = new FakeServer();
    const first = await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    let clock = 0;
    let polls = 0;
    const lock = await acquireLock(server.connect(), {
      location,
      holder: holder('run-2'),
      timeoutMs: 10_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
        if (++polls === 3) await releaseLock(server.connect(), first);
      },
    });
    expect(polls).toBe(3);
    expect(lock.holder.runId).toBe('run-2');
  });

  it('gives up after the timeout, saying how long it waited', async () => {
    const server = new FakeServer();
    await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    let clock = 0;
    const err = await acquireLock(server.connect(), { location, holder: holder('run-2'), timeoutMs: 5000, now: () => clock, sleep: async (ms) => void (clock += ms) }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('(waited 5s)');
    expect(clock).toBe(5000);
  });

  it('leaves alone a lock that another run took after a force-unlock', async () => {
    const server = new FakeServer();
    const mine = await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    await forceUnlock(server.connect(), location, 'run-1');
    await acquireLock(server.connect(), { location, holder: holder('run-2'), timeoutMs: 0 });
    expect(await releaseLock(server.connect(), mine)).toBe('held-by-another');
    expect((await readLock(server.connect(), location)).held).toBe(true);
  });

  it('takes back a lock whose holder could not be recorded, so it never blocks anyone', async () => {
    const server = new FakeServer();
    server.failAt = 1;
    await expect(acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 })).rejects.toThrow(/cannot take the apply lock/);
    expect(server.locks.size).toBe(0);
  });

  it('uses the schema given, so runs against other schemas do not collide', async () => {
    const server = new FakeServer();
    await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    await expect(acquireLock(server.connect(), { location: { database: 'analytics', schema: 'ops' }, holder: holder('run-2'), timeoutMs: 0 })).resolves.toBeDefined();
  });
});

describe('force-unlock', () => {
  it.each([
    ['with the right run id', 'run-1', { cleared: true, holder: holder('run-1') }],
    ['without a run id', undefined, { cleared: true, holder: holder('run-1') }],
  ])('clears the lock %s', async (_name, runId, expected) => {
    const server = new FakeServer();
    await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    expect(await forceUnlock(server.connect(), location, runId)).toEqual(expected);
    expect(server.locks.size).toBe(0);
  });

  it('refuses to clear the lock of another run', async () => {
    const server = new FakeServer();
    await acquireLock(server.connect(), { location, holder: holder('run-1'), timeoutMs: 0 });
    await expect(forceUnlock(server.connect(), location, 'run-9')).rejects.toThrow(/held by alice@ci-7 .* not by run run-9/);
    expect(server.locks.size).toBe(1);
  });

  it('reports that there was no lock', async () => {
    expect(await forceUnlock(new FakeServer().connect(), location, undefined)).toEqual({ cleared: false });
  });
});

describe('flag values', () => {
  it.each([
    ['0', 0],
    ['30s', 30_000],
    ['30', 30_000],
    ['5m', 300_000],
    ['1500ms', 1500],
    ['soon', undefined],
    ['-1s', undefined],
  ])('--lock-timeout %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['materialize.public', { database: 'materialize', schema: 'public' }],
    ['analytics.ops', { database: 'analytics', schema: 'ops' }],
  ])('--lock-schema %s', (text, loc) => {
    expect(parseLockSchema(text)).toEqual(loc);
  });

  it.each([['public'], ['a.b.c'], ['.x']])('--lock-schema %s is refused', (text) => {
    expect(() => parseLockSchema(text)).toThrow(/expected database\.schema/);
  });
});
