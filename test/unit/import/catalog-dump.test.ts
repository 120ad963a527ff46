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
import { secretFingerprint } from '../../../src/diff/index.js';
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
    expect(data.format_version).toBe(3);
    expect(data.kind).toBe('mzform-catalog-dump');
    expect(Object.keys(data.rows)).toEqual(['objects', 'comments', 'dependencies', 'sshKeys', 'privatelinks', 'aws', 'containers', 'databases', 'schemas', 'sourceTables', 'fingerprintsWithheld']);
    expect(Object.keys(data.rows.objects?.[0] ?? {})).toEqual(['id', 'kind', 'database_name', 'schema_name', 'name', 'type', 'create_sql', 'owner_name', 'cluster_name']);
    expect(text).not.toContain('value-of-');
    expect(serializeCatalogDump(parseCatalogDump(text, 'c.json'))).toBe(text);
  });

  describe('keeps secret fingerprints out', () => {
    const KEY = 'k';
    /** The rows as the catalog holds them after mzform set every secret with the key: each secret's comment ends with its fingerprint. */
    async function fingerprinted(file: string) {
      const desired = await loadDesired(`examples/${file}`, env);
      const rows = catalogRowsFor(desired.objects);
      const secrets = new Map(desired.objects.flatMap((o) => (o.kind === 'secret' && o.value ? [[rows.objects.find((r) => r.name === o.name.name && r.kind === 'secret')?.id, secretFingerprint(KEY, o.name, o.value)] as const] : [])));
      const comments = [
        ...rows.comments.filter((c) => !secrets.has(c.id)),
        ...[...secrets].map(([id, fp]) => {
          const user = rows.comments.find((c) => c.id === id)?.comment;
          return { id: id as string, comment: `${user === undefined ? '' : `${user}\n`}mzform-fingerprint: ${fp}` };
        }),
      ].sort((a, b) => (a.id < b.id ? -1 : 1));
      return { desired, rows: { ...rows, comments }, fingerprints: [...secrets.values()] };
    }

    it.each(examples)('%s: the dump holds no fingerprint, and its plan checks no secret value yet plans the rest as live', async (file) => {
      const { desired, rows, fingerprints } = await fingerprinted(file);
      if (fingerprints.length === 0) return;
      const dump = serializeCatalogDump(rows);
      expect(dump).not.toContain('hmac-sha256');
      for (const fp of fingerprints) expect(dump).not.toContain(fp.slice('hmac-sha256:'.length));
      const withheld = (JSON.parse(dump) as { rows: { fingerprintsWithheld: { id: string }[] } }).rows.fingerprintsWithheld;
      expect(withheld).toHaveLength(fingerprints.length);

      const live = planChanges(desired, loadActualFromRows(rows, desired), { env });
      const offline = planChanges(desired, loadActualFromRows(parseCatalogDump(dump, 'catalog.json'), desired), { env });
      // Unchanged secrets: no step live (fingerprints match) and none offline (not checked).
      expect(live.steps).toEqual([]);
      expect(offline.steps).toEqual([]);
      expect(offline.warnings.join('\n')).toMatch(/secret values were not checked \(a catalog dump holds no fingerprints\): secret /);
      expect(live.warnings.join('\n')).not.toContain('were not checked');
    });

    it('reads a version 2 dump that carries fingerprints as a version 3 one: the fingerprints are set aside, unread', async () => {
      const { desired, rows, fingerprints } = await fingerprinted('msk-public-scram.yaml');
      expect(fingerprints.length).toBeGreaterThan(0);
      const v3 = JSON.parse(serializeCatalogDump(rows)) as { format_version: number; rows: Record<string, unknown> };
      const { fingerprintsWithheld: _withheld, ...v2Rows } = v3.rows;
      const v2 = JSON.stringify({ ...v3, format_version: 2, rows: { ...v2Rows, comments: rows.comments } });
      expect(v2).toContain('hmac-sha256:');
      const read = parseCatalogDump(v2, 'old.json');
      expect(serializeCatalogDump(read)).toBe(serializeCatalogDump(rows));
      const offline = planChanges(desired, loadActualFromRows(read, desired), { env });
      expect(offline.steps).toEqual([]);
      expect(offline.warnings.join('\n')).toContain('were not checked (a catalog dump holds no fingerprints)');
    });
  });

  const valid = JSON.parse(serializeCatalogDump(catalogRowsFor([]))) as Record<string, unknown>;
  it.each<[string, string, RegExp]>([
    ['not JSON', '{', /^c\.json: not JSON/],
    ['another file', '{"format_version": 1}', /^c\.json: not a catalog dump/],
    ['a newer version', JSON.stringify({ ...valid, format_version: 4 }), /^c\.json: format_version: version 4 is not supported; this mzform reads versions 2 and 3$/],
    ['version 1, which has no clusters and roles', JSON.stringify({ ...valid, format_version: 1 }), /^c\.json: format_version: version 1 is no longer read: it lacks the clusters and roles a plan checks; write the dump again with `mzform catalog dump`$/],
    ['an unknown container kind', JSON.stringify({ ...valid, rows: { ...(valid.rows as object), containers: [{ kind: 'database', name: 'd' }] } }), /^c\.json: rows\.containers\[0\]\.kind: must be cluster or role$/],
    ['a missing table', JSON.stringify({ ...valid, rows: { objects: [] } }), /^c\.json: rows\.comments: must be a list$/],
    [
      'version 3 without its list of withheld fingerprints',
      JSON.stringify({ ...valid, rows: { ...(valid.rows as object), fingerprintsWithheld: undefined } }),
      /^c\.json: rows\.fingerprintsWithheld: must be a list$/,
    ],
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
