import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * `apply --wait` and `status` over tables from sources, as a user runs them:
 * the built CLI against the emulator over TCP. Materialize lists such tables
 * in mz_source_statuses with type 'table', and shows a stalled source through
 * on them (src/catalog/src/builtin.rs:6181-6182, :6214-6218).
 */
const exec = promisify(execFile);
const MANIFEST = 'examples/load-generator-source-tables.yaml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(url: string, args: string[]): Promise<Run> {
  return exec('node', ['bin/run.js', ...args, '--url', url], { env: { PATH: process.env.PATH ?? '' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe('apply --wait and status with tables from sources', () => {
  it('waits for the source and its tables to run; status lists the tables; a stalled source shows its tables unhealthy (exit 5)', async () => {
    emulator = await startEmulator({ lifecycle: { sourceStartMs: 1500 } });
    const url = emulator.url;
    const applied = await cli(url, ['apply', '-f', MANIFEST, '--auto-approve', '--wait', '--wait-timeout', '30s']);
    expect(applied.code, applied.stderr).toBe(0);
    for (const name of ['auction_house', 'counter']) expect(applied.stdout).toMatch(new RegExp(`ok +source +materialize\\.public\\.${name} +running`));
    for (const name of ['accounts', 'bids']) {
      expect(applied.stdout).toMatch(new RegExp(`ok +table +materialize\\.public\\.${name} +running`));
      expect(applied.stderr).toContain(`materialize.public.${name}: running (ready)`);
    }

    const text = await cli(url, ['status', '-f', MANIFEST, '--debug']);
    expect(text.code, text.stdout).toBe(0);
    // Tables add no query: the health read stays three queries.
    expect(text.stderr).toContain('debug: health: 3 queries');
    expect(text.stdout).toMatch(/ok +table +materialize\.public\.bids +running/);
    expect(text.stdout).toContain('4 objects: 4 healthy, 0 pending, 0 unhealthy.');

    await sql(url, "EMULATOR STALL SOURCE 'auction_house' WITH 'load generator stopped'");
    const stalled = await cli(url, ['status', '-f', MANIFEST]);
    expect(stalled.code).toBe(5);
    expect(stalled.stdout).toMatch(/FAIL +table +materialize\.public\.accounts +stalled/);
    expect(stalled.stdout).toMatch(/FAIL +table +materialize\.public\.bids +stalled/);
    expect(stalled.stdout).toContain('4 objects: 1 healthy, 0 pending, 3 unhealthy.');
    const md = await cli(url, ['status', '-f', MANIFEST, '--format', 'markdown']);
    expect(md.code).toBe(5);
    expect(md.stdout).toContain('| FAIL | `materialize.public.bids` | table | stalled |');
    const json = await cli(url, ['status', '-f', MANIFEST, '--format', 'json']);
    expect(json.code).toBe(5);
    const report = JSON.parse(json.stdout);
    expect(report.objects.find((o: { object: string }) => o.object === 'accounts')).toMatchObject({
      kind: 'table',
      verdict: 'unhealthy',
      status: 'stalled',
      error: expect.stringContaining('load generator stopped'),
    });
  });
});
