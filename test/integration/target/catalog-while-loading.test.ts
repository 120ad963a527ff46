import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { prepareContainers } from '../apply/common.js';
import { mzform, mzformInProcess } from '../../reliability/mzform-cli.js';

/**
 * `plan` connects and reads the catalog while it loads the manifest. What a
 * user sees must not change: a broken manifest is the error reported (exit 3),
 * whatever the server does, and the run ends without waiting for it; a failed
 * catalog query is redacted of the manifest's secret values, which were not
 * known when the query was sent.
 */
const FILE = 'test/fixtures/reliability/saved-plan/base.yaml';
const SECRET = 'value-known-only-after-loading-7f3a';
const ENV = { KAFKA_PASSWORD: SECRET };

describe('plan reads the catalog while it loads the manifest', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let broken: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, [FILE]);
    dir = mkdtempSync(join(tmpdir(), 'mzform-prefetch-'));
    broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'version: 1\nsecrets:\n  s:\n    value: ${env:KAFKA_PASSWORD}\n    colour: blue\n');
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.control.clearFaults());

  it('plans as before: 8 catalog queries, the same steps', async () => {
    const r = await mzformInProcess(['plan', '-f', FILE, '--url', emulator.url, '--debug'], ENV);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('introspection: 8 queries');
    expect(r.out).toContain('+ secret materialize.public.kafka_password will be created');
    expect(r.out).not.toContain(SECRET);
  });

  it('a failed catalog query quoting a declared secret value is reported redacted', async () => {
    emulator.control.injectFault({ kind: 'fail-matching', pattern: 'mz_comments', message: `catalog unavailable near '${SECRET}'` });
    const r = await mzformInProcess(['plan', '-f', FILE, '--url', emulator.url], ENV);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('catalog unavailable near');
    expect(r.out).not.toContain(SECRET);
  });

  it('a broken manifest is the error reported while a catalog query is never answered, and the run ends', async () => {
    emulator.control.injectFault({ kind: 'stall-matching', pattern: 'mz_secrets' });
    // No --statement-timeout: a run that waited for the stalled query would wait 5 minutes.
    const r = await mzform(['plan', '-f', broken, '--url', emulator.url], ENV, undefined, 30_000);
    expect(r.status, r.out).toBe(3);
    expect(r.out).toContain('unknown field "colour"');
  }, 60_000);

  describe('a server that accepts connections and never answers', () => {
    let server: Server;
    let port = 0;
    const sockets: Socket[] = [];
    const closed: boolean[] = [];
    beforeAll(async () => {
      server = createServer((socket) => {
        const i = sockets.push(socket) - 1;
        closed[i] = false;
        socket.on('close', () => (closed[i] = true));
        socket.on('error', () => undefined);
        // Read (and drop) what the client sends, or its end is never seen.
        socket.resume();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('a broken manifest ends the run with exit 3 and closes the connection it opened', async () => {
      // In this process, so that only mzform can close the connection (a process that exits closes it anyway);
      // left to itself it would stay open for the 10 s connect timeout.
      const r = await mzformInProcess(['plan', '-f', broken, '--url', `postgres://materialize@127.0.0.1:${port}/materialize?sslmode=disable`], ENV);
      expect(r.status, r.out).toBe(3);
      expect(r.out).toContain('unknown field "colour"');
      expect(sockets.length).toBeGreaterThan(0);
      await expect.poll(() => closed.every(Boolean), { timeout: 5_000 }).toBe(true);
    }, 60_000);
  });
});
