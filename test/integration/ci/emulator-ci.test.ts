import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCatalogDump, serializeCatalogDump, toActualState } from '../../../src/catalog/index.js';
import { connect } from '../../../src/db/index.js';
import { diff } from '../../../src/diff/index.js';
import { describeDrift, renderDriftText } from '../../../src/drift/index.js';
import { writeManifest } from '../../../src/import/index.js';
import { loadManifest } from '../../../src/manifest/index.js';
import { renderPlanText } from '../../../src/output/index.js';
import { loadActualFromRows, planChanges, readLiveCatalogRows } from '../../../src/pipeline/index.js';
import { parseStatements, staticSql } from '../../../src/sql/index.js';
import { parse as parseYaml } from 'yaml';
import { objectsOfScript } from '../../unit/import/seed-scripts.js';
import { startEmulator } from '../apply/emulator.js';
import { runCliInProcess } from '../../run-cli.js';

/**
 * import, catalog dump / plan --catalog and drift against the emulator, each
 * seed scenario created through raw SQL (test/fixtures/import).
 */
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const scenarios = readdirSync('test/fixtures/import').filter((f) => f.endsWith('.sql')).sort();

async function seed(url: string, file: string): Promise<void> {
  const db = await connect({ url, env: {} });
  try {
    for (const { text } of parseStatements(readFileSync(join('test/fixtures/import', file), 'utf8'))) await db.execute(text);
  } finally {
    await db.close();
  }
}

describe('CI jobs against the emulator', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mzform-ci-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(async () => {
    await emulator?.stop();
  });

  it.each(scenarios)('%s: seeded by raw SQL, imported, then plan shows no changes; drift sees a hand-made change', async (file) => {
    await seed(emulator.url, file);
    const rows = await readLiveCatalogRows({ url: emulator.url, env: {} });
    const result = writeManifest(toActualState(rows), { schemas: [{ database: 'materialize', schema: 'public' }], objects: [] });
    const manifest = join(dir, file.replace(/\.sql$/, '.yaml'));
    await writeFile(manifest, result.manifest);
    const env = Object.fromEntries(result.variables.map((v) => [v.variable, 'x']));
    const desired = await loadManifest(manifest, { env });
    expect(desired.objects).toHaveLength(objectsOfScript(readFileSync(join('test/fixtures/import', file), 'utf8')).length);

    const live = await readLiveCatalogRows({ url: emulator.url, env: {} });
    const plan = planChanges(desired, loadActualFromRows(live, desired), { env });
    // The fingerprint warning concerns secrets: a scenario without any has none.
    const warning = desired.objects.some((o) => o.kind === 'secret') ? 'Warning: MZFORM_FINGERPRINT_KEY is not set[^\n]*\n\n' : '';
    expect(renderPlanText(plan)).toMatch(new RegExp(`^${warning}No changes\\.\n$`));

    // Offline: the dump plans exactly like the live catalog.
    const offline = planChanges(desired, loadActualFromRows(parseCatalogDump(serializeCatalogDump(live), 'c.json'), desired), { env });
    expect(renderPlanText(offline)).toBe(renderPlanText(plan));

    // Drift: a comment set by hand on the first connection.
    const target = desired.objects.find((o) => o.kind === 'connection');
    if (target) {
      const db = await connect({ url: emulator.url, env: {} });
      await db.execute(`COMMENT ON CONNECTION "materialize"."public"."${target.name.name}" IS 'changed by hand'`);
      await db.close();
      const after = loadActualFromRows(await readLiveCatalogRows({ url: emulator.url, env: {} }), desired);
      const text = renderDriftText(describeDrift(diff(desired, after), { manifest: 'm.yaml', secretsCompared: true }));
      expect(text).toContain(`~ connection materialize.public.${target.name.name} was changed outside the manifest:`);
      expect(text).toContain(`comment: the manifest says ${target.comment === undefined ? '(none)' : JSON.stringify(target.comment)}, Materialize has "changed by hand"`);
    }
  });

  it('import leaves out the owner that is the role it connects as, and keeps every other owner', async () => {
    const asRole = (role: string) => emulator.url.replace('postgres://materialize@', `postgres://${role}@`);
    const admin = await connect({ url: emulator.url, env: {} });
    await admin.execute('CREATE ROLE ops');
    await admin.execute(`CREATE SECRET "materialize"."public"."mine" AS 'a'`);
    await admin.execute(`CREATE SECRET "materialize"."public"."also_mine" AS 'b'`);
    await admin.close();
    // Connected as ops, what the session creates is owned by ops, and current_user says so.
    const ops = await connect({ url: asRole('ops'), env: {} });
    expect(await ops.query<{ current_user: string }>(staticSql`SELECT current_user`)).toEqual([{ current_user: 'ops' }]);
    await ops.execute(`CREATE SECRET "materialize"."public"."theirs" AS 'c'`);
    await ops.close();

    // In the test process (test/cli-in-process.ts): the bytes of a separate process.
    const cli = (args: string[]) => runCliInProcess(args, { cleanEnv: true });
    const asMaterialize = (await cli(['import', '--schema', 'public', '--url', emulator.url])).stdout;
    expect(ownersIn(asMaterialize)).toEqual({ theirs: 'ops' });
    const asOps = (await cli(['import', '--schema', 'public', '--url', asRole('ops')])).stdout;
    expect(ownersIn(asOps)).toEqual({ also_mine: 'materialize', mine: 'materialize' });
  });

  it('the CLI: catalog dump, then plan --catalog prints the same bytes as the live plan; drift exits 2', async () => {
    await seed(emulator.url, 'ssh-tunnel.sql');
    // In the test process (test/cli-in-process.ts): the bytes and exit codes of a separate process.
    const cli = (args: string[], env: Record<string, string> = {}) =>
      runCliInProcess(args, { cleanEnv: true, env }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));
    const manifest = join(dir, 'ssh.yaml');
    const imported = await cli(['import', '--schema', 'public', '--url', emulator.url, '--out', manifest]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('PGPASS  (secret materialize.public.pgpass)');
    const env = { PGPASS: 'a', MYSQLPASS: 'b' };
    const dump = await cli(['catalog', 'dump', '--url', emulator.url]);
    await writeFile(join(dir, 'catalog.json'), dump.stdout);
    for (const format of ['text', 'markdown', 'json']) {
      const livePlan = await cli(['plan', '-f', manifest, '--url', emulator.url, '--format', format, '--detailed-exitcode'], env);
      const offlinePlan = await cli(['plan', '-f', manifest, '--catalog', join(dir, 'catalog.json'), '--format', format, '--detailed-exitcode'], env);
      expect(livePlan.code).toBe(0);
      expect(offlinePlan.stdout).toBe(livePlan.stdout);
    }
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute('DROP SOURCE "materialize"."public"."mz_source" CASCADE');
    await db.close();
    const drift = await cli(['drift', '-f', manifest, '--url', emulator.url], env);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('- source materialize.public.mz_source is in the manifest but not in Materialize');
  });
});

/** `name: owner` for each secret the manifest gives an owner. */
function ownersIn(manifest: string): Record<string, string> {
  const secrets = (parseYaml(manifest) as { secrets: Record<string, { owner?: string }> }).secrets;
  return Object.fromEntries(Object.entries(secrets).flatMap(([name, s]) => (s.owner !== undefined ? [[name, s.owner]] : [])));
}
