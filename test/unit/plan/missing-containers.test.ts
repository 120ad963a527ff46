import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeCatalogDump, toActualState } from '../../../src/catalog/index.js';
import { connect } from '../../../src/db/index.js';
import { startEmulator } from '../../../src/emulator/index.js';
import { EXIT_CODES, InputError } from '../../../src/errors.js';
import { type ActualState } from '../../../src/model/index.js';
import { loadDesired, planChanges, runPlanPipeline } from '../../../src/pipeline/index.js';
import { MissingContainersError } from '../../../src/plan/index.js';
import { catalogRowsFor } from '../import/catalog-rows.js';

/**
 * mzform creates neither clusters nor roles: a plan that needs one the catalog
 * lacks fails before anything runs, naming each, live, on the emulator and
 * from a catalog dump alike.
 */
const env = { MZFORM_FINGERPRINT_KEY: 'k', PGPASS: 'p' };

const MANIFEST = `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
secrets:
  pgpass:
    value: \${env:PGPASS}
    owner: etl
connections:
  pg:
    type: postgres
    host: db.internal
    database: shop
    user: mz
    password: { secret: pgpass }
sources:
  orders:
    type: postgres
    connection: pg
    publication: mz_source
    tables: all
    cluster: ingest
  counter:
    type: load-generator
    generator: counter
    cluster: ingest
    owner: etl
  ticks:
    type: load-generator
    generator: counter
`;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mzform-containers-'));
  file = join(dir, 'materialize.yaml');
  await writeFile(file, MANIFEST);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** In manifest order: `FILE` stands for the manifest's path. */
const EXPECTED = [
  `FILE:4:3: secret materialize.public.pgpass: owner role "etl" does not exist (mzform does not create roles: CREATE ROLE "etl" first)`,
  `FILE:15:3: source materialize.public.orders: cluster "ingest" does not exist (mzform does not create clusters: CREATE CLUSTER "ingest" (SIZE = '...') first)`,
  `FILE:21:3: source materialize.public.counter: cluster "ingest" does not exist (mzform does not create clusters: CREATE CLUSTER "ingest" (SIZE = '...') first)`,
  `FILE:21:3: source materialize.public.counter: owner role "etl" does not exist (mzform does not create roles: CREATE ROLE "etl" first)`,
];
const expected = () => EXPECTED.map((l) => l.replace('FILE', file)).join('\n');

function failureOf(f: () => unknown): MissingContainersError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(MissingContainersError);
    return err as MissingContainersError;
  }
  throw new Error('expected the plan to fail');
}

function withContainers(actual: ActualState, clusters: readonly string[] | undefined, roles: readonly string[] | undefined): ActualState {
  const { clusters: _c, roles: _r, ...rest } = actual;
  return { ...rest, ...(clusters ? { clusters } : {}), ...(roles ? { roles } : {}) };
}

describe('a plan checks that the clusters and roles it names exist', () => {
  const empty: ActualState = { objects: [], foreign: [] };

  it('lists every missing cluster and role with the objects that need it, one line each, as an input error (exit 3)', async () => {
    const desired = await loadDesired(file, env);
    const error = failureOf(() => planChanges(desired, withContainers(empty, ['quickstart'], ['materialize']), { env }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.exitCode).toBe(EXIT_CODES.invalidInput);
    expect(error.code).toBe('plan.missing-cluster-or-role');
    expect(error.message).toBe(expected());
    expect(error.jsonDetails()).toEqual({
      missing: [
        { kind: 'cluster', name: 'ingest', needed_by: ['source materialize.public.counter', 'source materialize.public.orders'] },
        { kind: 'role', name: 'etl', needed_by: ['secret materialize.public.pgpass', 'source materialize.public.counter'] },
      ],
    });
  });

  it.each<[string, readonly string[] | undefined, readonly string[] | undefined, RegExp | undefined]>([
    ['both exist', ['ingest', 'quickstart'], ['etl', 'materialize'], undefined],
    ['only the role is missing', ['ingest', 'quickstart'], ['materialize'], /^[^\n]*owner role "etl"[^\n]*\n[^\n]*owner role "etl"[^\n]*$/],
    ['only the cluster is missing', ['quickstart'], ['etl'], /^[^\n]*cluster "ingest"[^\n]*\n[^\n]*cluster "ingest"[^\n]*$/],
    ['names differ in case only', ['Ingest', 'quickstart'], ['ETL'], /cluster "ingest" does not exist/],
    ['the catalog did not list them', undefined, undefined, undefined],
  ])('%s', async (_title, clusters, roles, error) => {
    const desired = await loadDesired(file, env);
    const plan = () => planChanges(desired, withContainers(empty, clusters, roles), { env });
    if (error === undefined) expect(plan().steps.length).toBeGreaterThan(0);
    else expect(plan).toThrow(error);
  });

  it('checks only what the plan runs: existing objects, and alters that set no owner, need nothing', async () => {
    const desired = await loadDesired(file, env);
    const actual = loadActualOf(desired.objects);
    // Everything exists already, though the catalog's lists lack the cluster and the role: only
    // the secret's value is set again (no fingerprint stored yet), which names no owner.
    const plan = planChanges(desired, withContainers(actual, ['quickstart'], ['materialize']), { env });
    expect(plan.steps.map((s) => `${s.action} ${s.objectKind} ${s.name.name}`)).toEqual(['alter secret pgpass']);
    // An alter that sets the owner needs the role.
    const other = loadActualOf(desired.objects.map((o) => (o.name.name === 'pgpass' ? { ...o, owner: 'materialize' } : o)));
    expect(() => planChanges(desired, withContainers(other, ['quickstart'], ['materialize']), { env })).toThrow(
      /^\S+:4:3: secret materialize\.public\.pgpass: owner role "etl" does not exist/,
    );
  });

  it('fails the same way from a catalog dump (plan --catalog) as live', async () => {
    const dump = join(dir, 'catalog.json');
    await writeFile(dump, serializeCatalogDump({ ...catalogRowsFor([]), containers: [{ kind: 'cluster', name: 'quickstart' }, { kind: 'role', name: 'materialize' }] }));
    const offline = runPlanPipeline({ file, env, catalogFile: dump });
    await expect(offline).rejects.toThrow(MissingContainersError);
    await expect(offline).rejects.toThrow(expected());
  });

  it('fails on the emulator before anything runs, and plans once the cluster and role exist', { timeout: 30_000 }, async () => {
    await expect(runPlanPipeline({ file, env, emulator: {} })).rejects.toThrow(expected());

    const stateFile = join(dir, 'emulator.json');
    const emulator = await startEmulator({ stateFile });
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute("CREATE CLUSTER ingest (SIZE = '25cc')");
    await db.execute('CREATE ROLE etl');
    await db.close();
    await emulator.stop();
    const { plan } = await runPlanPipeline({ file, env, emulator: { stateFile } });
    expect(plan.steps.map((s) => s.name.name)).toEqual(expect.arrayContaining(['counter', 'orders', 'pgpass', 'ticks']));
  });
});

function loadActualOf(objects: Parameters<typeof catalogRowsFor>[0]): ActualState {
  return toActualState(catalogRowsFor(objects, 'materialize'));
}
