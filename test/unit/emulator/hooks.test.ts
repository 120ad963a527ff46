import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/index.js';
import { openHarness, rowsOf } from './helpers.js';

describe('server', () => {
  // How fast it starts is a benchmark figure (npm run bench), not an assertion: a loaded CI host is slow.
  it('starts (figure printed) and serves many clients at once', async () => {
    const t0 = performance.now();
    const emulator = await startEmulator();
    const startMs = performance.now() - t0;
    console.log(`emulator start: ${Math.round(startMs)} ms`);
    try {
      const clients = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const c = new pg.Client({ connectionString: emulator.url });
          await c.connect();
          return c;
        }),
      );
      const results = await Promise.all(
        clients.map(async (c, i) => {
          await c.query(`CREATE SECRET s${i} AS 'v${i}'`);
          const r = await c.query('SELECT name FROM mz_secrets WHERE name = $1', [`s${i}`]);
          return r.rows[0]?.name as string;
        }),
      );
      expect(results).toEqual(clients.map((_, i) => `s${i}`));
      const count = await clients[0]!.query('SELECT count(*)::int AS n FROM mz_secrets');
      expect(count.rows).toEqual([{ n: 8 }]);
      await Promise.all(clients.map((c) => c.end()));
    } finally {
      await emulator.stop();
    }
  });

  it('answers SELECT version(), mz_version(), parameters and SHOW', async () => {
    const h = await openHarness();
    try {
      expect(rowsOf(await h.run('SELECT mz_version() AS v'))[0]?.['v']).toMatch(/^v26\.7\.0/);
      expect(rowsOf(await h.run('SHOW cluster'))).toEqual([{ cluster: 'quickstart' }]);
      rowsOf(await h.run('SET cluster = other'));
      expect(rowsOf(await h.run('SHOW cluster'))).toEqual([{ cluster: 'other' }]);
      expect(await h.run('CREATE SOURCE s FROM LOAD GENERATOR COUNTER')).toMatchObject({ error: "unknown cluster 'other'" });
      rowsOf(await h.run('CREATE CLUSTER other (SIZE = \'25cc\')'));
      rowsOf(await h.run('CREATE SOURCE s FROM LOAD GENERATOR COUNTER'));
      const joined = rowsOf(await h.run('SELECT s.name, c.name AS cluster FROM mz_sources s JOIN mz_clusters c ON c.id = s.cluster_id WHERE s.name = $1', ['s']));
      expect(joined).toEqual([{ name: 's', cluster: 'other' }]);
    } finally {
      await h.close();
    }
  });
});

describe('test hooks', () => {
  it('logs statements with secret values redacted, and counts them', async () => {
    const h = await openHarness();
    try {
      h.emulator.control.resetCounters();
      rowsOf(await h.run("CREATE SECRET s AS 'hunter2'"));
      rowsOf(await h.run('SELECT 1'));
      expect(h.emulator.control.statementCount()).toBe(2);
      expect(h.emulator.control.queryLog().map((e) => e.statement)).toEqual(["CREATE SECRET s AS '********'", 'SELECT 1']);
      const viaSql = rowsOf(await h.run('EMULATOR STATUS'));
      expect(viaSql[0]?.['statement_count']).toBe('2');
    } finally {
      await h.close();
    }
  });

  it('closes the connection after N statements', async () => {
    const h = await openHarness({ faults: [{ kind: 'close-after', statements: 2 }] });
    // The dropped connection is the point of the test: the client reports it as an event too.
    h.client.on('error', () => undefined);
    try {
      rowsOf(await h.run('SELECT 1'));
      rowsOf(await h.run("CREATE SECRET a AS 'x'"));
      const third = await h.run("CREATE SECRET b AS 'x'");
      expect(third).toHaveProperty('error');
      const other = new pg.Client({ connectionString: h.emulator.url });
      await other.connect();
      const r = await other.query('SELECT name FROM mz_secrets ORDER BY name');
      expect(r.rows).toEqual([{ name: 'a' }]);
      await other.end();
    } finally {
      await h.emulator.stop();
    }
  });

  it('fails matching statements and adds latency, set over SQL', async () => {
    const h = await openHarness();
    try {
      rowsOf(await h.run("EMULATOR FAULT FAIL MATCHING '^create source' WITH 'injected failure' SQLSTATE '58000'"));
      expect(await h.run('CREATE SOURCE s FROM LOAD GENERATOR COUNTER')).toEqual({ error: 'injected failure', code: '58000' });
      rowsOf(await h.run('EMULATOR CLEAR FAULTS'));
      rowsOf(await h.run('CREATE SOURCE s FROM LOAD GENERATOR COUNTER'));
      h.emulator.control.injectFault({ kind: 'latency', ms: 60 });
      const t0 = performance.now();
      rowsOf(await h.run('SELECT 1'));
      expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    } finally {
      await h.close();
    }
  });

  it('saves and loads its state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mzform-emulator-test-'));
    const file = join(dir, 'state.json');
    try {
      const first = await openHarness({ stateFile: file });
      rowsOf(await first.run("CREATE SECRET pw AS 'top-secret-value'"));
      rowsOf(await first.run("CREATE CONNECTION tun TO SSH TUNNEL (HOST 'b', USER 'u')"));
      const before = rowsOf(await first.run('SELECT id, create_sql FROM mz_connections'));
      await first.close();
      expect(readFileSync(file, 'utf8')).not.toContain('top-secret-value');
      const second = await openHarness({ stateFile: file });
      expect(rowsOf(await second.run('SELECT id, create_sql FROM mz_connections'))).toEqual(before);
      rowsOf(await second.run("CREATE SECRET next AS 'x'"));
      expect(rowsOf(await second.run("SELECT id FROM mz_secrets WHERE name = 'next'"))).toEqual([{ id: 'u3' }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const psql = await promisify(execFile)('psql', ['--version']).then(
  () => true,
  () => false,
);

describe.skipIf(!psql)('psql', () => {
  it('connects and runs DDL and SHOW', async () => {
    const emulator = await startEmulator();
    try {
      // Asynchronously: the emulator runs in this process and must keep answering.
      const { stdout: out } = await promisify(execFile)('psql', [emulator.url, '-X', '-A', '-t', '-c', "CREATE SECRET s AS 'v'", '-c', 'SHOW SECRETS'], { encoding: 'utf8' });
      expect(out).toBe('CREATE SECRET\ns|\n');
    } finally {
      await emulator.stop();
    }
  });
});
