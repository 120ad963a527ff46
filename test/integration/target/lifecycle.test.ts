import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { quoteIdent, staticSql } from '../../../src/sql/index.js';
import { apply, planAgainst } from '../apply/common.js';
import { openTestTarget, realMaterializeUrl, type TestTarget } from './test-target.js';

/**
 * The lifecycle of a manifest on a target: a real Materialize when
 * MZFORM_TEST_URL is set (each test in a schema of its own, dropped after),
 * the emulator otherwise. Only objects a bare Materialize can create without
 * reaching anything upstream: secrets, SSH tunnels, load generators.
 */
const manifest = (t: TestTarget, tickInterval: string) => `version: 1
defaults: { database: ${t.database}, schema: ${t.schema}, cluster: quickstart }
secrets:
  token:
    value: \${env:TOKEN}
connections:
  bastion:
    type: ssh-tunnel
    host: bastion.example.com
    user: materialize
sources:
  ticks:
    type: load-generator
    generator: counter
    tick_interval: ${tickInterval}
`;

describe(`a manifest's lifecycle on ${realMaterializeUrl() ? 'the Materialize MZFORM_TEST_URL names' : 'the emulator'}`, () => {
  let target: TestTarget;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    target = await openTestTarget('lifecycle');
    dir = mkdtempSync(join(tmpdir(), 'mzform-target-'));
    file = join(dir, 'materialize.yaml');
  });
  afterEach(async () => {
    await target?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies, then plans no changes; a replace under a view of the user is refused naming it, and the view survives', async () => {
    writeFileSync(file, manifest(target, "'1s'"));
    const lock = { location: { database: target.database, schema: target.schema }, holder: { holder: 'test', pid: 1, runId: 'r1', acquiredAt: '2025-01-01T00:00:00.000Z' }, timeoutMs: 0 };
    expect((await apply(target.url, file, { lock })).report.outcome).toBe('applied');
    expect((await planAgainst(target.url, file)).steps).toEqual([]);

    const db = await connect({ url: target.url, env: {} });
    try {
      const view = `${quoteIdent(target.database)}.${quoteIdent(target.schema)}.${quoteIdent('ticks_view')}`;
      const ticks = `${quoteIdent(target.database)}.${quoteIdent(target.schema)}.${quoteIdent('ticks')}`;
      await db.execute(`CREATE VIEW ${view} AS SELECT * FROM ${ticks}`);
      writeFileSync(file, manifest(target, "'2s'"));
      await expect(planAgainst(target.url, file)).rejects.toThrow(new RegExp(`view materialize\\.${target.schema}\\.ticks_view depends on it`));
      const rows = await db.query<{ name: string }>(staticSql`SELECT name FROM mz_catalog.mz_views WHERE name = $1`, ['ticks_view']);
      expect(rows.map((r) => r.name)).toEqual(['ticks_view']);
    } finally {
      await db.close();
    }
  });
});
