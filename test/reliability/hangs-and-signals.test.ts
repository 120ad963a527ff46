import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_LOCATION, acquireLock, releaseLock } from '../../src/apply/index.js';
import { connect } from '../../src/db/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { holder, prepareContainers, reset } from '../integration/apply/common.js';
import { clearLock, lockHeld } from './apply/lock-held.js';
import { mzform } from './mzform-cli.js';

/**
 * Nothing hangs, and every way a run ends releases the lock. Through the
 * CLI against the emulator: a server that stops answering a statement (the
 * statement timeout), a run slower than its overall limit (--timeout), a
 * catalog read that never comes back (plan), and SIGTERM, SIGHUP and SIGINT
 * in the middle of an apply and while it waits for the lock. Each run ends
 * with a report of what was done and not run, the lock released, and the
 * next apply converges.
 */
const FILE = 'test/fixtures/reliability/saved-plan/base.yaml';
const ENV = { KAFKA_PASSWORD: 'hang-test-value', MZFORM_FINGERPRINT_KEY: 'hang-test-key-0123456789abcdef' };
const counts = { hangs: 0, signals: 0 };

describe('no run hangs, every run releases the lock', () => {
  let emulator: RunningEmulator;
  let url: string[];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    url = ['--url', emulator.url];
    await prepareContainers(emulator.url, [FILE]);
  });
  afterAll(async () => {
    await emulator?.stop();
    console.log(`hangs and signals: ${counts.hangs} runs against a server that stopped answering or was too slow ended on their limit; ${counts.signals} signalled runs stopped after the statement under way; every one released the lock`);
  });
  beforeEach(async () => {
    emulator.control.clearFaults();
    await reset(emulator.url, FILE);
    await clearLock(emulator.url);
  });


  async function converges(): Promise<void> {
    emulator.control.clearFaults();
    const again = await mzform(['apply', '-f', FILE, ...url, '--auto-approve'], ENV);
    expect(again.status, again.out).toBe(0);
    const plan = await mzform(['plan', '-f', FILE, ...url, '--detailed-exitcode'], ENV);
    expect(plan.status, plan.out).toBe(0);
  }

  it('a statement the server never answers fails its step at --statement-timeout; the rest is not run', async () => {
    emulator.control.injectFault({ kind: 'stall-matching', pattern: '^CREATE CONNECTION' });
    const started = Date.now();
    const r = await mzform(['apply', '-f', FILE, ...url, '--auto-approve', '--statement-timeout', '2s'], ENV, undefined, 45_000);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('did not answer within 2s');
    expect(r.out).toMatch(/not run/i);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(await lockHeld(emulator.url)).toBe(false);
    counts.hangs++;
    await converges();
  }, 120_000);

  it('an apply slower than --timeout stops with its step failed and the lock released', async () => {
    emulator.control.injectFault({ kind: 'latency', ms: 600 });
    const r = await mzform(['apply', '-f', FILE, ...url, '--auto-approve', '--timeout', '4s'], ENV, undefined, 60_000);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('overall time limit (4s, --timeout) ran out');
    expect(await lockHeld(emulator.url)).toBe(false);
    counts.hangs++;
    await converges();
  }, 120_000);

  it('a plan whose catalog read is never answered ends at --statement-timeout', async () => {
    emulator.control.injectFault({ kind: 'stall-matching', pattern: 'mz_object_dependencies' });
    const r = await mzform(['plan', '-f', FILE, ...url, '--statement-timeout', '2s'], ENV, undefined, 45_000);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('did not answer within 2s');
    counts.hangs++;
  }, 60_000);

  it('an apply whose catalog read is never answered releases the lock (default limits apply without flags too)', async () => {
    emulator.control.injectFault({ kind: 'stall-matching', pattern: 'mz_object_dependencies' });
    const r = await mzform(['apply', '-f', FILE, ...url, '--auto-approve', '--statement-timeout', '2s'], ENV, undefined, 45_000);
    expect(r.status, r.out).toBe(1);
    expect(await lockHeld(emulator.url)).toBe(false);
    counts.hangs++;
  }, 60_000);

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s stops after the statement under way, reports, releases the lock', async (name) => {
    emulator.control.injectFault({ kind: 'latency', ms: 300 });
    let sent = false;
    const r = await mzform(['apply', '-f', FILE, ...url, '--auto-approve'], ENV, (child) => {
      child.stderr?.on('data', (d: Buffer) => {
        if (!sent && /step 1: .*done/.test(d.toString())) {
          sent = true;
          child.kill(name);
        }
      });
    });
    expect(sent, r.out).toBe(true);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain(`interrupted by ${name === 'SIGINT' ? 'Ctrl-C' : name}`);
    expect(r.out).toMatch(/not run/i);
    expect(await lockHeld(emulator.url)).toBe(false);
    counts.signals++;
    await converges();
  }, 120_000);

  it('SIGTERM while waiting for the lock ends the wait, and the message gives the time actually waited', async () => {
    const db = await connect({ url: emulator.url, env: {} });
    const other = await acquireLock(db, { location: DEFAULT_LOCK_LOCATION, holder: holder('other@ci'), timeoutMs: 0 });
    try {
      let sent = false;
      emulator.control.resetCounters();
      const r = await mzform(['apply', '-f', FILE, ...url, '--auto-approve', '--lock-timeout', '5m'], ENV, (child) => {
        // Once it has tried the lock (its handlers are set by then), let it wait a little, then stop it.
        const poll = setInterval(() => {
          if (!emulator.control.queryLog().some((e) => e.statement.startsWith('CREATE SECRET') && e.statement.includes('__mzform_lock'))) return;
          clearInterval(poll);
          setTimeout(() => {
            sent = true;
            child.kill('SIGTERM');
          }, 1500);
        }, 100);
      });
      expect(sent).toBe(true);
      expect(r.status, r.out).toBe(4);
      expect(r.out).toMatch(/waited \d+(ms|s)\)/);
      expect(r.out).not.toContain('waited 5m');
      counts.signals++;
    } finally {
      await releaseLock(db, other);
      await db.close();
    }
  }, 60_000);
});
