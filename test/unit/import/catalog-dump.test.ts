import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  AWS_QUERY,
  COMMENTS_QUERY,
  CONTAINERS_QUERY,
  DEPENDENCIES_QUERY,
  OBJECTS_QUERY,
  PRIVATELINK_QUERY,
  SOURCE_TABLES_QUERY,
  SSH_KEYS_QUERY,
  type CatalogRows,
  parseCatalogDump,
  readCatalogRows,
  serializeCatalogDump,
} from '../../../src/catalog/index.js';
import type { Database } from '../../../src/db/index.js';
import type { MzObject } from '../../../src/model/index.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../../src/output/index.js';
import { loadActual, loadActualFromRows, loadDesired, planChanges } from '../../../src/pipeline/index.js';
import { catalogRowsFor } from './catalog-rows.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).sort();
const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => (name === 'MZFORM_FINGERPRINT_KEY' ? 'k' : `value-of-${String(name)}`) });

/** A database that answers the introspection queries with fixed rows, as pg returns them (column order of the SELECT). */
function fakeDatabase(rows: CatalogRows): Database {
  const answers = new Map<string, readonly object[]>([
    [OBJECTS_QUERY, rows.objects],
    [COMMENTS_QUERY, rows.comments],
    [DEPENDENCIES_QUERY, rows.dependencies],
    [SSH_KEYS_QUERY, rows.sshKeys],
    [PRIVATELINK_QUERY, rows.privatelinks],
    [AWS_QUERY, rows.aws],
    // One query answers for clusters, roles, databases and schemas, as the server does.
    [
      CONTAINERS_QUERY,
      [
        ...rows.containers.map((c) => ({ kind: c.kind, database_name: null, name: c.name })),
        ...(rows.databases ?? []).map((d) => ({ kind: 'database', database_name: null, name: d.name })),
        ...(rows.schemas ?? []).map((s) => ({ kind: 'schema', database_name: s.database_name, name: s.name })),
      ],
    ],
    [SOURCE_TABLES_QUERY, rows.sourceTables ?? []],
  ]);
  let roundTrips = 0;
  return {
    query: async <T extends object>(sql: string) => {
      roundTrips++;
      const answer = answers.get(sql);
      if (!answer) throw new Error(`unexpected query ${sql}`);
      return structuredClone(answer) as T[];
    },
    execute: async () => {
      throw new Error('a plan runs no statement');
    },
    get roundTrips() {
      return roundTrips;
    },
    target: 'fake',
    close: async () => {},
  };
}

/** Drift between manifest and catalog, so the plan has every kind of step to compare. */
function drifted(objects: readonly MzObject[]): MzObject[] {
  return objects.map((o, i) => (i % 2 === 0 ? { ...o, comment: 'changed by hand' } : o)).slice(1);
}

describe('catalog dump', () => {
  it.each(examples)('%s: the plan from a dump is byte for byte the live plan', async (file) => {
    const desired = await loadDesired(`examples/${file}`, env);
    const db = fakeDatabase(catalogRowsFor(drifted(desired.objects)));
    const live = planChanges(desired, await loadActual(db, desired), { env });
    const dump = serializeCatalogDump(await readCatalogRows(db));
    const offline = planChanges(desired, loadActualFromRows(parseCatalogDump(dump, 'catalog.json'), desired), { env });
    expect(live.steps.length).toBeGreaterThan(0);
    expect(renderPlanText(offline)).toBe(renderPlanText(live));
    expect(renderPlanMarkdown(offline)).toBe(renderPlanMarkdown(live));
    expect(renderPlanJson(offline)).toBe(renderPlanJson(live));
  });

  it('is versioned, with columns in a fixed order, and holds no secret value', async () => {
    const desired = await loadDesired('examples/msk-public-scram.yaml', env);
    const text = serializeCatalogDump(catalogRowsFor(desired.objects));
    const data = JSON.parse(text) as { format_version: number; kind: string; rows: Record<string, object[]> };
    expect(data.format_version).toBe(2);
    expect(data.kind).toBe('mzform-catalog-dump');
    expect(Object.keys(data.rows)).toEqual(['objects', 'comments', 'dependencies', 'sshKeys', 'privatelinks', 'aws', 'containers', 'databases', 'schemas', 'sourceTables']);
    expect(Object.keys(data.rows.objects?.[0] ?? {})).toEqual(['id', 'kind', 'database_name', 'schema_name', 'name', 'type', 'create_sql', 'owner_name', 'cluster_name']);
    expect(text).not.toContain('value-of-');
    expect(serializeCatalogDump(parseCatalogDump(text, 'c.json'))).toBe(text);
  });

  const valid = JSON.parse(serializeCatalogDump(catalogRowsFor([]))) as Record<string, unknown>;
  it.each<[string, string, RegExp]>([
    ['not JSON', '{', /^c\.json: not JSON/],
    ['another file', '{"format_version": 1}', /^c\.json: not a catalog dump/],
    ['a newer version', JSON.stringify({ ...valid, format_version: 3 }), /^c\.json: format_version: version 3 is not supported; this mzform reads version 2$/],
    ['version 1, which has no clusters and roles', JSON.stringify({ ...valid, format_version: 1 }), /^c\.json: format_version: version 1 is no longer read: it lacks the clusters and roles a plan checks; write the dump again with `mzform catalog dump`$/],
    ['an unknown container kind', JSON.stringify({ ...valid, rows: { ...(valid.rows as object), containers: [{ kind: 'database', name: 'd' }] } }), /^c\.json: rows\.containers\[0\]\.kind: must be cluster or role$/],
    ['a missing table', JSON.stringify({ ...valid, rows: { objects: [] } }), /^c\.json: rows\.comments: must be a list$/],
    [
      'a wrong column',
      JSON.stringify({ ...valid, rows: { ...(valid.rows as object), comments: [{ id: 'u1', comment: 5 }] } }),
      /^c\.json: rows\.comments\[0\]\.comment: must be a string$/,
    ],
    [
      'an unknown kind',
      JSON.stringify({
        ...valid,
        rows: { ...(valid.rows as object), objects: [{ id: 'u1', kind: 'view', database_name: null, schema_name: 's', name: 'v', type: null, create_sql: null, owner_name: null, cluster_name: null }] },
      }),
      /^c\.json: rows\.objects\[0\]\.kind: must be secret, connection, source or table$/,
    ],
  ])('refuses %s', (_title, text, message) => {
    expect(() => parseCatalogDump(text, 'c.json')).toThrow(message);
  });
});
