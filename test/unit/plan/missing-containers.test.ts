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
  `FILE:15:3: source materialize.public.orders: cluster "ingest" does not exist (declare it under clusters: with its size, or CREATE CLUSTER "ingest" (SIZE = '...') first)`,
  `FILE:21:3: source materialize.public.counter: cluster "ingest" does not exist (declare it under clusters: with its size, or CREATE CLUSTER "ingest" (SIZE = '...') first)`,
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

  it('fails on the emulator before anything runs, and plans once the cluster and role exist', async () => {
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

/** Objects outside `materialize.public`: a schema and a database mzform will not create. */
const ELSEWHERE = `version: 1
defaults: { database: materialize, schema: analytics, cluster: quickstart }
secrets:
  token:
    value: \${env:PGPASS}
  kept:
    value: \${env:PGPASS}
    schema_name: public
sources:
  ticks:
    type: load-generator
    generator: counter
  other_ticks:
    type: load-generator
    generator: counter
    database_name: warehouse
    schema_name: raw
`;

const ELSEWHERE_EXPECTED = [
  `FILE:4:3: secret materialize.analytics.token: schema "materialize"."analytics" does not exist (declare it under schemas:, or CREATE SCHEMA "materialize"."analytics" first)`,
  `FILE:10:3: source materialize.analytics.ticks: schema "materialize"."analytics" does not exist (declare it under schemas:, or CREATE SCHEMA "materialize"."analytics" first)`,
  `FILE:13:3: source warehouse.raw.other_ticks: database "warehouse" does not exist (declare it under databases:, or CREATE DATABASE "warehouse" first)`,
];

describe('a plan checks that the databases and schemas it creates objects in exist', () => {
  let elsewhere: string;
  beforeAll(async () => {
    elsewhere = join(dir, 'elsewhere.yaml');
    await writeFile(elsewhere, ELSEWHERE);
  });
  const expectedElsewhere = () => ELSEWHERE_EXPECTED.map((l) => l.replace('FILE', elsewhere)).join('\n');
  const fresh: ActualState = { objects: [], foreign: [], clusters: ['quickstart'], roles: ['materialize'], databases: ['materialize'], schemas: [{ database: 'materialize', schema: 'public' }] };

  it('names the schema, or the database when that is missing too, one line per object, with the statement to run first', async () => {
    const desired = await loadDesired(elsewhere, env);
    const error = failureOf(() => planChanges(desired, fresh, { env }));
    expect(error.exitCode).toBe(EXIT_CODES.invalidInput);
    expect(error.message).toBe(expectedElsewhere());
    expect(error.hint).toBe('Create them first (CREATE DATABASE / CREATE SCHEMA), or correct the names in the manifest. Nothing was changed.');
    expect(error.jsonDetails()).toEqual({
      missing: [
        { kind: 'database', name: 'warehouse', needed_by: ['source warehouse.raw.other_ticks'] },
        { kind: 'schema', database: 'materialize', name: 'analytics', needed_by: ['secret materialize.analytics.token', 'source materialize.analytics.ticks'] },
      ],
    });
  });

  it.each<[string, Partial<ActualState>, RegExp | undefined]>([
    ['all exist', { databases: ['materialize', 'warehouse'], schemas: [{ database: 'materialize', schema: 'analytics' }, { database: 'materialize', schema: 'public' }, { database: 'warehouse', schema: 'raw' }] }, undefined],
    ['only the schema in the other database is missing', { databases: ['materialize', 'warehouse'], schemas: [{ database: 'materialize', schema: 'analytics' }, { database: 'materialize', schema: 'public' }] }, /^[^\n]*schema "warehouse"\."raw" does not exist[^\n]*$/],
    ['a schema of that name in another database does not count', { databases: ['materialize', 'warehouse'], schemas: [{ database: 'warehouse', schema: 'analytics' }, { database: 'materialize', schema: 'public' }, { database: 'warehouse', schema: 'raw' }] }, /schema "materialize"\."analytics" does not exist/],
    ['names differ in case only', { databases: ['materialize', 'Warehouse'], schemas: [{ database: 'materialize', schema: 'Analytics' }, { database: 'materialize', schema: 'public' }, { database: 'Warehouse', schema: 'raw' }] }, /database "warehouse" does not exist/],
    ['the catalog did not list them (a dump from an older mzform)', { databases: undefined, schemas: undefined }, undefined],
  ])('%s', async (_title, lists, error) => {
    const desired = await loadDesired(elsewhere, env);
    const { databases: _d, schemas: _s, ...rest } = fresh;
    const actual: ActualState = { ...rest, ...(lists.databases ? { databases: lists.databases } : {}), ...(lists.schemas ? { schemas: lists.schemas } : {}) };
    const plan = () => planChanges(desired, actual, { env });
    if (error === undefined) expect(plan().steps.length).toBe(4);
    else expect(plan).toThrow(error);
  });

  it('checks only creates and replaces: an object already in place needs nothing', async () => {
    const desired = await loadDesired(elsewhere, env);
    // Everything exists already, though the catalog's lists lack the schema and database.
    const actual = loadActualOf(desired.objects);
    const plan = planChanges(desired, { ...actual, databases: ['materialize'], schemas: [{ database: 'materialize', schema: 'public' }] }, { env });
    expect(plan.steps.map((s) => `${s.action} ${s.objectKind} ${s.name.name}`).sort()).toEqual(['alter secret kept', 'alter secret token']);
  });

  it('fails the same way from a catalog dump (plan --catalog) as live', async () => {
    const dump = join(dir, 'catalog-elsewhere.json');
    await writeFile(dump, serializeCatalogDump(catalogRowsFor([])));
    const offline = runPlanPipeline({ file: elsewhere, env, catalogFile: dump });
    await expect(offline).rejects.toThrow(MissingContainersError);
    await expect(offline).rejects.toThrow(expectedElsewhere());
  });

  it('fails on the emulator before anything runs, and plans once the schema and database exist', async () => {
    await expect(runPlanPipeline({ file: elsewhere, env, emulator: {} })).rejects.toThrow(expectedElsewhere());

    const stateFile = join(dir, 'emulator-elsewhere.json');
    const emulator = await startEmulator({ stateFile });
    const db = await connect({ url: emulator.url, env: {} });
    await db.execute('CREATE SCHEMA materialize.analytics');
    await db.execute('CREATE DATABASE warehouse');
    await db.execute('CREATE SCHEMA warehouse.raw');
    await db.close();
    await emulator.stop();
    const { plan } = await runPlanPipeline({ file: elsewhere, env, emulator: { stateFile } });
    expect(plan.steps.map((s) => `${s.action} ${s.name.name}`).sort()).toEqual(['create kept', 'create other_ticks', 'create ticks', 'create token']);
  });
});
