import { describe, expect, it } from 'vitest';
import { diff, secretFingerprint } from '../../../src/diff/index.js';
import { parseSecretComment } from '../../../src/model/index.js';
import { describeDrift, driftJson, hasDrift, renderDriftMarkdown, renderDriftText } from '../../../src/drift/index.js';
import { type Connection, type MzObject, SecretValue } from '../../../src/model/index.js';
import { parseCatalogDump, serializeCatalogDump } from '../../../src/catalog/index.js';
import { loadActualFromRows, loadDesired } from '../../../src/pipeline/index.js';
import { catalogRowsFor } from '../import/catalog-rows.js';

const KEY = 'drift-key';
const env = new Proxy({} as Record<string, string | undefined>, { get: (_t, name) => `value-of-${String(name)}` });

/** The catalog as the example's objects, changed by `edit`, with fingerprints of the manifest's values stored (as after an apply). */
async function driftOf(edit: (objects: MzObject[]) => MzObject[], key: string | null = KEY) {
  const desired = await loadDesired('examples/postgres-ssh-tunnel.yaml', env);
  const live = edit(
    desired.objects.map((o) =>
      o.kind === 'secret' && o.value ? { ...o, comment: `mzform-fingerprint: ${secretFingerprint(KEY, o.name, o.value)}` } : o,
    ),
  );
  const actual = loadActualFromRows(catalogRowsFor(live), desired);
  expect(actual.objects.filter((o) => o.object.kind === 'secret').every((o) => parseSecretComment(o.object.comment).fingerprint === undefined)).toBe(true);
  const changes = diff(desired, actual, key ? { fingerprintKey: key } : {});
  return describeDrift(changes, { manifest: 'materialize.yaml', secretsCompared: key !== null });
}

const byName = (name: string) => (o: MzObject) => o.name.name === name;

describe('mzform drift', () => {
  it('in sync: no drift', async () => {
    const report = await driftOf((objects) => objects);
    expect(hasDrift(report)).toBe(false);
    expect(renderDriftText(report)).toBe('No drift: Materialize matches materialize.yaml.\n');
  });

  it.each<[string, (objects: MzObject[]) => MzObject[], string[]]>([
    [
      'a field changed by hand',
      (objects) => objects.map((o) => (byName('ssh_connection')(o) ? ({ ...o, spec: { ...(o as Connection).spec, host: 'other-bastion.example.com' } } as MzObject) : o)),
      [
        '~ connection materialize.public.ssh_connection was changed outside the manifest:',
        '    host: the manifest says "bastion.example.com", Materialize has "other-bastion.example.com"',
      ],
    ],
    [
      'a comment changed by hand (the owner is not managed: the manifest sets none)',
      (objects) => objects.map((o) => (byName('pg_connection')(o) ? { ...o, comment: 'hand-made', owner: 'someone' } : o)),
      [
        '~ connection materialize.public.pg_connection was changed outside the manifest:',
        '    comment: the manifest says (none), Materialize has "hand-made"',
      ],
    ],
    [
      'an object dropped outside mzform',
      (objects) => objects.filter((o) => !byName('mz_source')(o)),
      ['- source materialize.public.mz_source is in the manifest but not in Materialize: it was dropped outside mzform, or never applied.'],
    ],
    [
      'an object created outside the manifest',
      (objects) => [...objects, { kind: 'connection', name: { database: 'materialize', schema: 'public', name: 'adhoc' }, spec: { type: 'ssh-tunnel', host: 'h', user: 'u' } }],
      ['+ connection materialize.public.adhoc (u5) was created outside the manifest, in a schema it manages.'],
    ],
    [
      'a secret set outside mzform',
      (objects) => objects.map((o) => (o.kind === 'secret' && o.value ? { ...o, comment: `mzform-fingerprint: ${secretFingerprint(KEY, o.name, new SecretValue({ kind: 'env', variable: 'X' }, 'other'))}` } : o)),
      ['! secret materialize.public.pgpass: its value no longer matches the manifest (the fingerprint mzform stored differs): it was set outside mzform, or the manifest\'s value changed.'],
    ],
    [
      'a secret with no fingerprint',
      (objects) => objects.map((o) => (o.kind === 'secret' ? { ...o, comment: undefined } : o)) as MzObject[],
      ['! secret materialize.public.pgpass: no fingerprint is stored, so whether its value matches the manifest is unknown (it was set outside mzform, or without MZFORM_FINGERPRINT_KEY).'],
    ],
  ])('%s', async (_title, edit, expected) => {
    const report = await driftOf(edit);
    expect(hasDrift(report)).toBe(true);
    const text = renderDriftText(report);
    expect(text.split('\n').slice(2, 2 + expected.length)).toEqual(expected);
    expect(text).toContain('Run `mzform plan` to see the statements');
    expect(text).not.toContain('value-of-');
    const json = driftJson(report);
    expect(json).toMatchObject({ format_version: 2, drift: true, secrets_compared: true });
    expect(JSON.stringify(json)).not.toContain('value-of-');
    expect(renderDriftMarkdown(report, { marker: '<!-- m -->' }).split('\n')[0]).toBe('<!-- m -->');
  });

  it('JSON holds the values themselves, not JSON text inside strings', async () => {
    const report = await driftOf((objects) =>
      objects.map((o) => (byName('ssh_connection')(o) ? ({ ...o, comment: undefined, spec: { ...(o as Connection).spec, host: 'other-bastion.example.com' } } as MzObject) : o)),
    );
    const entries = driftJson(report).entries as { name: string; fields?: unknown[] }[];
    expect(entries.find((e) => e.name === 'materialize.public.ssh_connection')?.fields).toContainEqual({ field: 'host', manifest: 'bastion.example.com', live: 'other-bastion.example.com' });
  });

  it('a replace that only cascades is not drift of its own', async () => {
    const report = await driftOf((objects) =>
      objects.map((o) => (byName('pg_connection')(o) ? ({ ...o, spec: { ...(o as Connection).spec, path: undefined } } as MzObject) : o)),
    );
    expect(report.entries.map((e) => `${e.kind} ${e.name.name}`)).toEqual(['changed pg_connection']);
  });

  it('without a key, secret values are not compared, and it says so', async () => {
    const report = await driftOf((objects) => objects.map((o) => (o.kind === 'secret' ? { ...o, comment: undefined } : o)) as MzObject[], null);
    expect(hasDrift(report)).toBe(false);
    expect(renderDriftText(report)).toBe('No drift: Materialize matches materialize.yaml.\n\nWarning: MZFORM_FINGERPRINT_KEY is not set: secret values were not compared.\n');
  });

  it('from a catalog dump, a secret value with an unknown fingerprint is named as not checked, in every format, and is no drift', async () => {
    const desired = await loadDesired('examples/postgres-ssh-tunnel.yaml', env);
    const live = desired.objects.map((o) =>
      o.kind === 'secret' && o.value ? { ...o, comment: `mzform-fingerprint: ${secretFingerprint(KEY, o.name, new SecretValue({ kind: 'env', variable: 'X' }, 'another value'))}` } : o,
    ) as MzObject[];
    const dumped = parseCatalogDump(serializeCatalogDump(catalogRowsFor(live)), 'catalog.json');
    const report = describeDrift(diff(desired, loadActualFromRows(dumped, desired), { fingerprintKey: KEY }), { manifest: 'materialize.yaml', secretsCompared: true });
    expect(hasDrift(report)).toBe(false);
    const note = 'secret values were not checked (a catalog dump holds no fingerprints): secret materialize.public.pgpass';
    expect(renderDriftText(report)).toBe(`No drift: Materialize matches materialize.yaml.\n\nNote: ${note}.\n`);
    expect(renderDriftMarkdown(report)).toContain(`> **Note:** ${note}.`);
    expect(driftJson(report)).toMatchObject({ drift: false, secrets_not_checked: ['materialize.public.pgpass'] });
  });
});
