import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleOptions } from '../../../src/emulator/index.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * `apply --wait` and `status` as a user runs them: the built CLI against the
 * emulator over TCP, the emulator playing the lifecycle (PrivateLink
 * acceptance, source start and snapshot, a deleted topic, tables from sources).
 */
const exec = promisify(execFile);
const MANIFEST = 'examples/msk-privatelink.yaml';
const PASSWORD = 'msk-Pa55-wait-test';
const ENV = { PATH: process.env.PATH ?? '', MSK_PASSWORD: PASSWORD, KAFKA_PASSWORD: PASSWORD };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(url: string, args: string[]): Promise<Run> {
  return exec('node', ['bin/run.js', ...args, '--url', url], { env: ENV }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** `mzform status` in its three formats: text, markdown, json. */
async function statusFormats(url: string, manifest: string): Promise<[Run, Run, Run]> {
  const [text, md, json] = await Promise.all(['text', 'markdown', 'json'].map((format) => cli(url, ['status', '-f', manifest, '--format', format])));
  return [text as Run, md as Run, json as Run];
}

/** Starts the CLI and hands back its output so far, to act while it waits. */
function spawnCli(url: string, args: string[]) {
  const child = spawn('node', ['bin/run.js', ...args, '--url', url], { env: ENV });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { done, stderr: () => stderr };
}

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function start(lifecycle: LifecycleOptions, unreachableHosts: string[] = []): Promise<string> {
  emulator = await startEmulator({ lifecycle, unreachableHosts });
  return emulator.url;
}

const APPLY_WAIT = ['apply', '-f', MANIFEST, '--auto-approve', '--wait'];

describe('apply --wait on MSK over PrivateLink', () => {
  it('waits through pending-acceptance (accepted mid-wait), creates the rest, waits for the snapshot; status agrees in three formats', async () => {
    const url = await start({ privateLinkAcceptance: 'manual', sourceStartMs: 300, snapshotMs: 6500, snapshotRecords: 40_000 });
    const run = spawnCli(url, [...APPLY_WAIT, '--wait-timeout', '60s']);
    await until('the PrivateLink wait to report pending-acceptance', () => run.stderr().includes('materialize.public.privatelink_svc: pending-acceptance'));
    // Nothing goes through the endpoint before it is accepted.
    expect(await sql(url, "SELECT name FROM mz_connections WHERE name = 'kafka_connection'")).toEqual([]);
    expect(run.stderr()).toContain('allow the principal arn:aws:iam::664411391173:role/mz_');
    await sql(url, "EMULATOR ACCEPT PRIVATELINK 'privatelink_svc'");
    const result = await run.done;

    expect(result.stderr).toBe(result.stderr.replace(/\x1b/g, ''));
    expect(result.code, result.stderr).toBe(0);
    const order = ['create connection materialize.public.privatelink_svc: done', 'materialize.public.privatelink_svc: available (ready)', 'create connection materialize.public.kafka_connection: done', 'materialize.public.json_source: running (ready)'];
    const positions = order.map((line) => result.stderr.indexOf(line));
    expect(positions.every((p) => p >= 0), result.stderr).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A plain progress line with snapshot progress, as a CI log gets it.
    expect(result.stderr).toMatch(/\[wait \d+s\] \d of 2 ready; materialize\.public\.json_source running, snapshot \d+% \([\d,]+ of 40,000 records/);
    expect(result.stdout).toContain('Phase 1 of 2: SSH tunnels and PrivateLink connections');
    expect(result.stdout).toContain('Phase 2 of 2: everything that goes through them');
    expect(result.stdout).toMatch(/ok {2}source {7}materialize\.public\.json_source {6}running/);

    const [text, md, json] = await statusFormats(url, MANIFEST);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2 objects: 2 healthy, 0 pending, 0 unhealthy.');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### mzform status: all healthy');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'healthy', counts: { healthy: 2 } });
  });

  it('a source whose topic is gone fails the wait with its error (exit 5); status reports it stalled in three formats', async () => {
    const url = await start({ deletedTopics: ['test_topic'] });
    const result = await cli(url, [...APPLY_WAIT, '--wait-timeout', '30s']);
    expect(result.code, result.stderr).toBe(5);
    const error = 'kafka: source must be dropped and recreated due to failure: topic was deleted';
    expect(result.stderr).toContain(`Error: applied, but not healthy: materialize.public.json_source stalled: ${error}`);
    expect(result.stdout).toContain(`FAIL  source       materialize.public.json_source      stalled`);

    const text = await cli(url, ['status', '-f', MANIFEST]);
    expect(text.code).toBe(5);
    expect(text.stdout).toContain(`      error: ${error}`);
    expect(text.stdout).toContain('2 objects: 1 healthy, 0 pending, 1 unhealthy.');
    const md = await cli(url, ['status', '-f', MANIFEST, '--format', 'markdown']);
    expect(md.code).toBe(5);
    expect(md.stdout).toContain(`| FAIL | \`materialize.public.json_source\` | source | stalled |`);
    const json = await cli(url, ['status', '-f', MANIFEST, '--format', 'json']);
    expect(json.code).toBe(5);
    const report = JSON.parse(json.stdout);
    expect(report.verdict).toBe('unhealthy');
    expect(report.objects.find((o: { object: string }) => o.object === 'json_source')).toMatchObject({ verdict: 'unhealthy', status: 'stalled', error });
  });

  it('a timeout while pending-acceptance exits 5 with nothing created behind the endpoint; the same command resumes', async () => {
    const url = await start({ privateLinkAcceptance: 'manual' });
    const first = await cli(url, [...APPLY_WAIT, '--wait-timeout', '2s']);
    expect(first.code, first.stderr).toBe(5);
    expect(first.stderr).toContain('applied, but not healthy within the wait timeout: materialize.public.privatelink_svc pending-acceptance');
    expect(first.stderr).toContain('The objects that go through them were not created yet.');
    expect(first.stderr).toContain('Run the same command again to resume');
    expect(await sql(url, "SELECT name FROM mz_connections WHERE name = 'kafka_connection'")).toEqual([]);

    const text = await cli(url, ['status', '-f', MANIFEST]);
    expect(text.code).toBe(5);
    expect(text.stdout).toMatch(/wait +privatelink +materialize\.public\.privatelink_svc +pending-acceptance/);
    expect(text.stdout).toMatch(/missing +source +materialize\.public\.json_source/);

    await sql(url, "EMULATOR ACCEPT PRIVATELINK 'privatelink_svc'");
    const second = await cli(url, [...APPLY_WAIT, '--wait-timeout', '30s']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('create connection materialize.public.privatelink_svc');
    expect(second.stderr).toContain('create source materialize.public.json_source: done');
  });

  it("an error that quotes a secret's value is redacted in apply --wait and status", async () => {
    const url = await start({});
    expect((await cli(url, [...APPLY_WAIT])).code).toBe(0);
    await sql(url, `EMULATOR STALL SOURCE 'json_source' WITH 'kafka: SASL authentication failed: user foo, password ${PASSWORD}'`);
    for (const format of ['text', 'markdown', 'json']) {
      const out = await cli(url, ['status', '-f', MANIFEST, '--format', format]);
      expect(out.code).toBe(5);
      expect(out.stdout + out.stderr).not.toContain(PASSWORD);
      expect(out.stdout).toContain('kafka: SASL authentication failed: user foo, password ********');
    }
    const again = await cli(url, [...APPLY_WAIT]);
    expect(again.code).toBe(5);
    expect(again.stdout + again.stderr).not.toContain(PASSWORD);
    expect(again.stderr).toContain('password ********');
  });
});

describe('apply --wait through an SSH tunnel', () => {
  it('waits until VALIDATE CONNECTION passes on the tunnel; a bastion that never lets Materialize in times out with what to do', async () => {
    const url = await start({}, ['bastion.example.com']);
    const blocked = await cli(url, ['apply', '-f', 'examples/kafka-ssh-tunnel.yaml', '--auto-approve', '--wait', '--wait-timeout', '2s']);
    expect(blocked.code, blocked.stderr).toBe(5);
    expect(blocked.stdout).toContain('SSH tunnel materialize.public.ssh_connection');
    expect(blocked.stderr).toContain("materialize.public.ssh_connection not validated: failed to connect to the remote host");
    expect(blocked.stderr).toContain('The objects that go through them were not created yet.');
    expect(await sql(url, "SELECT name FROM mz_connections WHERE type = 'kafka'")).toEqual([]);
  });
});

/** Materialize lists tables from sources in mz_source_statuses with type 'table', and shows a stalled source through on them (src/catalog/src/builtin.rs:6181-6182, :6214-6218). */
const TABLES_MANIFEST = 'examples/load-generator-source-tables.yaml';

describe('apply --wait and status with tables from sources', () => {
  it('waits for the source and its tables to run; status lists the tables; a stalled source shows its tables unhealthy (exit 5)', async () => {
    const url = await start({ sourceStartMs: 1500 });
    const applied = await cli(url, ['apply', '-f', TABLES_MANIFEST, '--auto-approve', '--wait', '--wait-timeout', '30s']);
    expect(applied.code, applied.stderr).toBe(0);
    for (const name of ['auction_house', 'counter']) expect(applied.stdout).toMatch(new RegExp(`ok +source +materialize\\.public\\.${name} +running`));
    for (const name of ['accounts', 'bids']) {
      expect(applied.stdout).toMatch(new RegExp(`ok +table +materialize\\.public\\.${name} +running`));
      expect(applied.stderr).toContain(`materialize.public.${name}: running (ready)`);
    }

    const text = await cli(url, ['status', '-f', TABLES_MANIFEST, '--debug']);
    expect(text.code, text.stdout).toBe(0);
    // Tables add no query: the health read stays three queries.
    expect(text.stderr).toContain('debug: health: 3 queries');
    expect(text.stdout).toMatch(/ok +table +materialize\.public\.bids +running/);
    expect(text.stdout).toContain('4 objects: 4 healthy, 0 pending, 0 unhealthy.');

    await sql(url, "EMULATOR STALL SOURCE 'auction_house' WITH 'load generator stopped'");
    const [stalled, md, json] = await statusFormats(url, TABLES_MANIFEST);
    expect([stalled.code, md.code, json.code]).toEqual([5, 5, 5]);
    expect(stalled.stdout).toMatch(/FAIL +table +materialize\.public\.accounts +stalled/);
    expect(stalled.stdout).toMatch(/FAIL +table +materialize\.public\.bids +stalled/);
    expect(stalled.stdout).toContain('4 objects: 1 healthy, 0 pending, 3 unhealthy.');
    expect(md.stdout).toContain('| FAIL | `materialize.public.bids` | table | stalled |');
    const report = JSON.parse(json.stdout);
    expect(report.objects.find((o: { object: string }) => o.object === 'accounts')).toMatchObject({
      kind: 'table',
      verdict: 'unhealthy',
      status: 'stalled',
      error: expect.stringContaining('load generator stopped'),
    });
  });
});
