import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEmulatorConfig } from '../../../src/emulator/config-file.js';
import { type Harness, openHarness, rowsOf } from './helpers.js';

/**
 * The emulator's lifecycle against Materialize's relations:
 * - columns of mz_source_statuses (src/catalog/src/builtin.rs:6066), mz_source_status_history
 *   (src/storage-client/src/healthcheck.rs:108), mz_aws_privatelink_connection_statuses (builtin.rs:5331),
 *   mz_aws_privatelink_connection_status_history (healthcheck.rs:136), mz_source_statistics (builtin.rs:16140);
 * - a deleted topic's error: test/testdrive/kafka-recreate-topic.td:154 ("kafka: source must be dropped and
 *   recreated due to failure: topic was recreated"), worded by src/storage-types/src/errors.rs:459 with
 *   "topic was deleted" from src/storage/src/source/kafka.rs:1742.
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PL = "CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-1', AVAILABILITY ZONES ('use1-az1'))";
const KAFKA = "CREATE CONNECTION k TO KAFKA (BROKER 'k.internal:9092', SECURITY PROTOCOL PLAINTEXT)";

async function columns(harness: Harness, relation: string): Promise<string[]> {
  const r = await harness.client.query(`SELECT * FROM ${relation} LIMIT 0`);
  return r.fields.map((f) => f.name);
}

describe('emulator lifecycle', () => {
  it('has the relations with Materialize columns', async () => {
    h = await openHarness();
    expect(await columns(h, 'mz_internal.mz_source_statuses')).toEqual(['id', 'name', 'type', 'last_status_change_at', 'status', 'error', 'details']);
    expect(await columns(h, 'mz_internal.mz_source_status_history')).toEqual(['occurred_at', 'source_id', 'status', 'error', 'details', 'replica_id']);
    expect(await columns(h, 'mz_internal.mz_aws_privatelink_connection_statuses')).toEqual(['id', 'name', 'last_status_change_at', 'status']);
    expect(await columns(h, 'mz_internal.mz_aws_privatelink_connection_status_history')).toEqual(['occurred_at', 'connection_id', 'status']);
    expect(await columns(h, 'mz_internal.mz_source_statistics')).toEqual([
      'id', 'replica_id', 'messages_received', 'bytes_received', 'updates_staged', 'updates_committed', 'records_indexed', 'bytes_indexed',
      'rehydration_latency', 'snapshot_records_known', 'snapshot_records_staged', 'snapshot_committed', 'offset_known', 'offset_committed',
    ]);
  });

  it('by default: PrivateLink available and sources running at once, snapshot committed', async () => {
    h = await openHarness();
    rowsOf(await h.run(PL));
    rowsOf(await h.run(KAFKA));
    rowsOf(await h.run("CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't')"));
    expect(rowsOf(await h.run('SELECT name, status FROM mz_internal.mz_aws_privatelink_connection_statuses'))).toEqual([{ name: 'pl', status: 'available' }]);
    expect(rowsOf(await h.run("SELECT name, type, status, error FROM mz_internal.mz_source_statuses WHERE type <> 'progress' ORDER BY name"))).toEqual([
      { name: 's', type: 'kafka', status: 'running', error: null },
    ]);
    const [stats] = rowsOf(await h.run("SELECT snapshot_committed FROM mz_internal.mz_source_statistics s JOIN mz_sources USING (id) WHERE name = 's'"));
    expect(stats).toEqual({ snapshot_committed: true });
  });

  it('manual acceptance: pending-acceptance until EMULATOR ACCEPT PRIVATELINK, with a history', async () => {
    h = await openHarness({ lifecycle: { privateLinkAcceptance: 'manual' } });
    rowsOf(await h.run(PL));
    await sleep(10);
    expect(rowsOf(await h.run('SELECT status FROM mz_internal.mz_aws_privatelink_connection_statuses'))).toEqual([{ status: 'pending-acceptance' }]);
    rowsOf(await h.run("EMULATOR ACCEPT PRIVATELINK 'pl'"));
    const [row] = rowsOf(await h.run('SELECT status, last_status_change_at FROM mz_internal.mz_aws_privatelink_connection_statuses'));
    expect(row?.['status']).toBe('available');
    expect(row?.['last_status_change_at']).toBeInstanceOf(Date);
    const history = rowsOf(await h.run('SELECT status FROM mz_internal.mz_aws_privatelink_connection_status_history ORDER BY occurred_at'));
    expect(history.map((r) => r['status'])).toEqual(['pending-service-discovery', 'creating-endpoint', 'pending-acceptance', 'available']);
  });

  it('a configured delay makes the endpoint available by itself; REJECT rejects', async () => {
    h = await openHarness({ lifecycle: { privateLinkAcceptance: 4000 } });
    const created = Date.now();
    rowsOf(await h.run(PL));
    rowsOf(await h.run(PL.replace('pl TO', 'pl2 TO')));
    rowsOf(await h.run("EMULATOR REJECT PRIVATELINK 'materialize.public.pl2'"));
    await sleep(10);
    expect(rowsOf(await h.run('SELECT name, status FROM mz_internal.mz_aws_privatelink_connection_statuses ORDER BY name'))).toEqual([
      { name: 'pl', status: 'pending-acceptance' },
      { name: 'pl2', status: 'rejected' },
    ]);
    await sleep(Math.max(0, created + 5500 - Date.now()));
    expect(rowsOf(await h.run("SELECT status FROM mz_internal.mz_aws_privatelink_connection_statuses WHERE name = 'pl'"))).toEqual([{ status: 'available' }]);
    expect(await h.run("EMULATOR ACCEPT PRIVATELINK 'nope'")).toMatchObject({ error: "unknown AWS PrivateLink connection 'nope'" });
  });

  it('a source starts, runs and snapshots over the configured time', async () => {
    // Generous times: the checks fall well inside each phase even on a loaded machine.
    h = await openHarness({ lifecycle: { sourceStartMs: 1500, snapshotMs: 3000, snapshotRecords: 1000 } });
    const created = Date.now();
    rowsOf(await h.run('CREATE SOURCE g FROM LOAD GENERATOR COUNTER'));
    const at = (ms: number) => sleep(Math.max(0, created + ms - Date.now()));
    const status = async () => rowsOf(await h!.run("SELECT status FROM mz_internal.mz_source_statuses WHERE name = 'g'"))[0]?.['status'];
    const stats = async () =>
      rowsOf(await h!.run("SELECT snapshot_records_known AS known, snapshot_records_staged AS staged, snapshot_committed AS committed, updates_committed FROM mz_internal.mz_source_statistics JOIN mz_sources USING (id) WHERE name = 'g'"))[0];
    expect(await status()).toBe('starting');
    expect(await stats()).toMatchObject({ known: null, staged: null, committed: false });
    await at(3000);
    expect(await status()).toBe('running');
    const mid = await stats();
    expect(mid).toMatchObject({ known: '1000', committed: false, updates_committed: '0' });
    expect(Number(mid?.['staged'])).toBeGreaterThan(0);
    expect(Number(mid?.['staged'])).toBeLessThan(1000);
    await at(4700);
    expect(await stats()).toMatchObject({ known: '1000', staged: '1000', committed: true, updates_committed: '1000' });
  });

  it('a deleted topic stalls the source with Materialize error text, at start or later', async () => {
    h = await openHarness({ lifecycle: { deletedTopics: ['gone'] } });
    rowsOf(await h.run(KAFKA));
    rowsOf(await h.run("CREATE SOURCE s1 FROM KAFKA CONNECTION k (TOPIC 'gone')"));
    rowsOf(await h.run("CREATE SOURCE s2 FROM KAFKA CONNECTION k (TOPIC 'orders')"));
    const error = 'kafka: source must be dropped and recreated due to failure: topic was deleted';
    expect(rowsOf(await h.run("SELECT name, status, error, details FROM mz_internal.mz_source_statuses WHERE type = 'kafka' ORDER BY name"))).toEqual([
      { name: 's1', status: 'stalled', error, details: { namespaced: { kafka: 'source must be dropped and recreated due to failure: topic was deleted' } } },
      { name: 's2', status: 'running', error: null, details: null },
    ]);
    rowsOf(await h.run("EMULATOR DELETE TOPIC 'orders'"));
    expect(rowsOf(await h.run("SELECT status, error FROM mz_internal.mz_source_statuses WHERE name = 's2'"))).toEqual([{ status: 'stalled', error }]);
  });

  it('an upstream host made unreachable stalls its sources; subsources show the parent stalled; STALL SOURCE sets any error', async () => {
    h = await openHarness();
    rowsOf(await h.run("CREATE SECRET pw AS 'hunter2'"));
    rowsOf(await h.run("CREATE CONNECTION pg TO POSTGRES (HOST 'pg.internal', DATABASE d, USER u, PASSWORD SECRET pw)"));
    rowsOf(await h.run("CREATE SOURCE p FROM POSTGRES CONNECTION pg (PUBLICATION 'mz') FOR TABLES (public.orders)"));
    rowsOf(await h.run(KAFKA));
    rowsOf(await h.run("CREATE SOURCE s FROM KAFKA CONNECTION k (TOPIC 't')"));
    rowsOf(await h.run("EMULATOR UNREACHABLE HOST 'pg.internal'"));
    expect(rowsOf(await h.run("SELECT name, type, status, error FROM mz_internal.mz_source_statuses WHERE type IN ('postgres', 'subsource') ORDER BY name"))).toEqual([
      { name: 'orders', type: 'subsource', status: 'stalled', error: 'postgres: error connecting to server: failed to lookup address information: Name or service not known (pg.internal)' },
      { name: 'p', type: 'postgres', status: 'stalled', error: 'postgres: error connecting to server: failed to lookup address information: Name or service not known (pg.internal)' },
    ]);
    rowsOf(await h.run("EMULATOR STALL SOURCE 's' WITH 'kafka: SASL authentication error: Authentication failed (password hunter2)'"));
    expect(rowsOf(await h.run("SELECT status, error FROM mz_internal.mz_source_statuses WHERE name = 's'"))).toEqual([
      { status: 'stalled', error: 'kafka: SASL authentication error: Authentication failed (password hunter2)' },
    ]);
  });

  it('a table from a source starts and runs like a subsource; its stalled source shows through', async () => {
    // mz_source_statuses (builtin.rs:6066): tables from sources are listed with type 'table' (:6214-6218), their
    // source found by mz_tables.source_id (:6167-6171); a table whose own latest status is not 'ceased' shows its
    // source's event while the source is stalled (:6181-6182); no event at all reads 'created' (:6238).
    h = await openHarness({ lifecycle: { sourceStartMs: 1500 } });
    const created = Date.now();
    rowsOf(await h.run('CREATE SOURCE auction_house FROM LOAD GENERATOR AUCTION'));
    rowsOf(await h.run('CREATE TABLE bids FROM SOURCE auction_house (REFERENCE bids)'));
    rowsOf(await h.run('CREATE TABLE accounts FROM SOURCE auction_house (REFERENCE accounts)'));
    const statuses = async () => rowsOf(await h!.run("SELECT name, type, status, error FROM mz_internal.mz_source_statuses WHERE name IN ('auction_house', 'bids', 'accounts') ORDER BY name"));
    expect(await statuses()).toEqual([
      { name: 'accounts', type: 'table', status: 'starting', error: null },
      { name: 'auction_house', type: 'load-generator', status: 'starting', error: null },
      { name: 'bids', type: 'table', status: 'starting', error: null },
    ]);
    await sleep(Math.max(0, created + 1700 - Date.now()));
    expect((await statuses()).map((r) => r['status'])).toEqual(['running', 'running', 'running']);
    const history = rowsOf(await h.run("SELECT h.status FROM mz_internal.mz_source_status_history h JOIN mz_tables t ON t.id = h.source_id WHERE t.name = 'bids' ORDER BY occurred_at"));
    expect(history.map((r) => r['status'])).toEqual(['starting', 'running']);

    rowsOf(await h.run("EMULATOR STALL SOURCE 'auction_house' WITH 'load generator stopped'"));
    const stalled = await statuses();
    const sourceRow = stalled.find((r) => r['name'] === 'auction_house');
    expect(sourceRow).toMatchObject({ status: 'stalled', error: expect.stringContaining('load generator stopped') });
    expect(stalled.filter((r) => r['type'] === 'table')).toEqual([
      { name: 'accounts', type: 'table', status: 'stalled', error: sourceRow?.['error'] },
      { name: 'bids', type: 'table', status: 'stalled', error: sourceRow?.['error'] },
    ]);
    rowsOf(await h.run('DROP TABLE accounts'));
    expect(rowsOf(await h.run("SELECT count(*)::int AS n FROM mz_internal.mz_source_statuses WHERE name = 'accounts'"))).toEqual([{ n: 0 }]);
  });

  it('dropped objects leave no status rows', async () => {
    h = await openHarness();
    rowsOf(await h.run('CREATE SOURCE g FROM LOAD GENERATOR COUNTER'));
    rowsOf(await h.run('DROP SOURCE g'));
    expect(rowsOf(await h.run('SELECT count(*)::int AS n FROM mz_internal.mz_source_status_history'))).toEqual([{ n: 0 }]);
  });
});

describe('lifecycle settings file', () => {
  const cases: [string, unknown, string | Record<string, unknown>][] = [
    ['all settings', { privateLinkAcceptance: 'manual', sourceStartMs: 10, snapshotMs: 20, snapshotRecords: 30, deletedTopics: ['t'] }, { privateLinkAcceptance: 'manual', deletedTopics: ['t'] }],
    ['a delay', { privateLinkAcceptance: 1500 }, { privateLinkAcceptance: 1500 }],
    ['unknown key', { privateLink: 'manual' }, 'unknown setting "lifecycle.privateLink"'],
    ['bad acceptance', { privateLinkAcceptance: 'later' }, '"lifecycle.privateLinkAcceptance" must be "auto", "manual" or a number of milliseconds'],
    ['negative time', { snapshotMs: -1 }, '"lifecycle.snapshotMs" must be a whole number >= 0'],
    ['topics not strings', { deletedTopics: [1] }, '"lifecycle.deletedTopics" must be a list of strings'],
  ];
  for (const [label, raw, expected] of cases) {
    it(label, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mzform-lifecycle-'));
      const file = join(dir, 'emulator.json');
      await writeFile(file, JSON.stringify({ lifecycle: raw }));
      try {
        if (typeof expected === 'string') await expect(loadEmulatorConfig(file)).rejects.toThrow(expected);
        else expect((await loadEmulatorConfig(file)).lifecycle).toMatchObject(expected);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
