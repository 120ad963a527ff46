import { describe, expect, it } from 'vitest';
import { type CatalogRows, INTROSPECTION_QUERIES, toActualState } from '../../../src/catalog/index.js';

const FP = `hmac-sha256:${'a'.repeat(64)}`;

const rows = (extra: Partial<CatalogRows> = {}): CatalogRows => ({
  objects: [
    { id: 'u1', kind: 'secret', database_name: 'materialize', schema_name: 'public', name: 'pgpass', type: null, create_sql: null, owner_name: 'materialize', cluster_name: null },
    {
      id: 'u2', kind: 'connection', database_name: 'materialize', schema_name: 'public', name: 'tunnel', type: 'ssh-tunnel', owner_name: 'materialize', cluster_name: null,
      create_sql: `CREATE CONNECTION "materialize"."public"."tunnel" TO SSH TUNNEL (HOST = 'bastion', PORT = 22, PUBLIC KEY 1 = 'ssh-ed25519 AAA1', PUBLIC KEY 2 = 'ssh-ed25519 AAA2', USER = 'mz')`,
    },
    {
      id: 'u3', kind: 'connection', database_name: 'materialize', schema_name: 'public', name: 'pg', type: 'postgres', owner_name: 'materialize', cluster_name: null,
      create_sql: `CREATE CONNECTION "materialize"."public"."pg" TO POSTGRES (DATABASE = 'shop', HOST = 'db', PASSWORD = SECRET [u1 AS "materialize"."public"."pgpass"], SSH TUNNEL = [u2 AS "materialize"."public"."tunnel"], USER = 'mz')`,
    },
    {
      id: 'u4', kind: 'source', database_name: 'materialize', schema_name: 'public', name: 'counter', type: 'load-generator', owner_name: 'materialize', cluster_name: 'quickstart',
      create_sql: `CREATE SOURCE "materialize"."public"."counter" IN CLUSTER [u1] FROM LOAD GENERATOR COUNTER`,
    },
    {
      id: 'u5', kind: 'source', database_name: 'materialize', schema_name: 'public', name: 'counter_progress', type: 'progress', owner_name: 'materialize', cluster_name: null, create_sql: null,
    },
  ],
  comments: [{ id: 'u1', comment: `replication user\nmzform-fingerprint: ${FP}` }, { id: 'u3', comment: 'the shop database' }],
  dependencies: [
    { object_id: 'u3', referenced_object_id: 'u1' },
    { object_id: 'u3', referenced_object_id: 'u2' },
    { object_id: 'u9', referenced_object_id: 'u4' },
  ],
  sshKeys: [{ id: 'u2', public_key_1: 'ssh-ed25519 AAA1', public_key_2: 'ssh-ed25519 AAA2' }],
  privatelinks: [],
  aws: [],
  containers: [
    { kind: 'cluster', name: 'quickstart' },
    { kind: 'cluster', name: 'Ingest' },
    { kind: 'role', name: 'materialize' },
    { kind: 'role', name: 'mz_system' },
    { kind: 'cluster', name: 'quickstart' },
  ],
  ...extra,
});

describe('toActualState', () => {
  const state = toActualState(rows());

  it('parses every managed object, sorted by kind then name', () => {
    expect(state.objects.map((o) => `${o.object.kind} ${o.object.name.name}`)).toEqual(['secret pgpass', 'connection pg', 'connection tunnel', 'source counter']);
  });

  it('splits a secret comment into the user part and the fingerprint', () => {
    const secret = state.objects[0];
    expect(secret?.object.comment).toBe('replication user');
    expect(secret?.secretFingerprint).toEqual({ state: 'stored', fingerprint: FP });
  });

  it('resolves references, comments, owners, dependencies and outputs', () => {
    const pg = state.objects.find((o) => o.id === 'u3');
    expect(pg?.object).toMatchObject({ comment: 'the shop database', owner: 'materialize', spec: { type: 'postgres', path: { kind: 'ssh-tunnel', connection: { name: 'tunnel' } } } });
    expect(pg?.dependsOn).toEqual(['u1', 'u2']);
    expect(state.objects.find((o) => o.id === 'u2')?.outputs.publicKeys).toEqual(['ssh-ed25519 AAA1', 'ssh-ed25519 AAA2']);
  });

  it('takes the cluster name from the catalog, not the id in create_sql', () => {
    expect(state.objects.find((o) => o.id === 'u4')?.object).toMatchObject({ cluster: 'quickstart' });
  });

  it('keeps progress sources and non-managed dependents as foreign objects', () => {
    expect(state.foreign.map((f) => `${f.id} ${f.type}`)).toEqual(['u5 progress', 'u9 object']);
  });

  it('fingerprints change when what was read changes', () => {
    const other = toActualState(rows({ comments: [] }));
    expect(other.objects[0]?.fingerprint).not.toBe(state.objects[0]?.fingerprint);
    // The tunnel has no comment: nothing read for it changed.
    expect(other.objects[2]?.fingerprint).toBe(state.objects[2]?.fingerprint);
  });

  it('keeps an unreadable definition as foreign and marked unreadable, in scope or not, and reads the rest', () => {
    const broken = rows();
    const bad = { ...broken, objects: [...broken.objects, { ...(broken.objects[1] as CatalogRows['objects'][number]), id: 'u7', name: 'bad', create_sql: 'CREATE CONNECTION nonsense' }] };
    for (const read of [toActualState(bad), toActualState(bad, { inScope: () => true }), toActualState(bad, { inScope: () => false })]) {
      const foreign = read.foreign.find((f) => f.id === 'u7');
      expect(foreign?.unreadable?.kind).toBe('connection');
      expect(foreign?.unreadable?.reason).toMatch(/expected TO/);
      expect(read.objects.map((o) => o.id)).toEqual(toActualState(broken).objects.map((o) => o.id));
    }
  });

  it('reads a table from a source with its source type from the row, and keeps one it cannot read (PARTITION BY) as foreign', () => {
    const base = rows();
    const table = (id: string, name: string, sql: string): CatalogRows['objects'][number] => ({
      id, kind: 'table', database_name: 'materialize', schema_name: 'public', name, type: 'load-generator', owner_name: 'materialize', cluster_name: null, create_sql: sql,
    });
    const withTables = {
      ...base,
      objects: [
        ...base.objects,
        // test/testdrive/load-generator.td:98, as stored (quoted, ids).
        table('u8', 'accounts', `CREATE TABLE "materialize"."public"."accounts" ("id" "pg_catalog"."int8" NOT NULL, UNIQUE ("id")) FROM SOURCE [u4 AS "materialize"."public"."counter"] (REFERENCE = "mz_load_generators"."auction"."accounts") WITH (DETAILS = '1a040a021002')`),
        table('u9', 'parted', `CREATE TABLE "materialize"."public"."parted" FROM SOURCE [u4 AS "materialize"."public"."counter"] (REFERENCE = "mz_load_generators"."counter"."counter") WITH (PARTITION BY = ("a"))`),
      ],
      dependencies: [...base.dependencies, { object_id: 'u8', referenced_object_id: 'u4' }],
    };
    const read = toActualState(withTables);
    const accounts = read.objects.find((o) => o.id === 'u8');
    expect(accounts?.object).toEqual({ kind: 'table', name: { database: 'materialize', schema: 'public', name: 'accounts' }, source: { database: 'materialize', schema: 'public', name: 'counter' }, spec: { type: 'load-generator', reference: 'accounts' }, owner: 'materialize' });
    expect(accounts?.dependsOn).toEqual(['u4']);
    expect(read.foreign.find((f) => f.id === 'u9')?.unreadable).toEqual({ kind: 'table', reason: expect.stringMatching(/PARTITION BY on a table from a source is not supported by mzform/) });
  });

  it('lists clusters and roles by name, in code-unit order, once each', () => {
    expect(state.clusters).toEqual(['Ingest', 'quickstart']);
    expect(state.roles).toEqual(['materialize', 'mz_system']);
  });

  it('reads the catalog in a fixed set of queries', () => {
    expect(INTROSPECTION_QUERIES).toHaveLength(8);
  });
});
