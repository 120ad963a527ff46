import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../../src/manifest/index.js';
import { nameKey, type Connection } from '../../../src/model/index.js';
import { diagnosticLines as problems } from './diagnostic-lines.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mzform-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}


const NETWORK = 'version: 1\ndefaults: { schema: network }\nconnections:\n  bastion:\n    type: ssh-tunnel\n    host: ${file:host.txt}\n    user: u\n';
const KAFKA =
  'version: 1\ndefaults: { schema: ingest }\nconnections:\n  kafka:\n    type: kafka\n    broker: b:9092\n    ssh_tunnel: { name: bastion, schema_name: network }\n';

describe('a manifest in several files', () => {
  it('a directory reads every .yaml and .yml in it, in byte order, with references across files', async () => {
    const dir = folder({ 'b-kafka.yml': KAFKA, 'a-network.yaml': NETWORK, 'host.txt': 'bastion.internal', 'notes.md': 'ignored', '.hidden.yaml': 'not yaml: [' , 'sub/x.yaml': 'ignored: [' });
    const state = await loadManifest(dir, { env: {} });
    expect(state.objects.map((o) => `${o.name.schema}.${o.name.name}`)).toEqual(['ingest.kafka', 'network.bastion']);
    const kafka = state.objects.find((o) => o.name.name === 'kafka') as Connection;
    expect(kafka.spec.type === 'kafka' && kafka.spec.defaultPath).toEqual({ kind: 'ssh-tunnel', connection: { database: 'materialize', schema: 'network', name: 'bastion' } });
    // `${file:...}` is relative to the file that names it; each object remembers its own file.
    expect((state.objects[1] as Connection).spec).toMatchObject({ host: 'bastion.internal' });
    expect(state.locations.get(nameKey(kafka.name))?.file).toBe(join(dir, 'b-kafka.yml'));
    expect(state.scope).toEqual([{ database: 'materialize', schema: 'ingest' }, { database: 'materialize', schema: 'network' }]);
  });

  it('several files given one by one give the same state, whatever their order', async () => {
    const dir = folder({ 'network.yaml': NETWORK, 'kafka.yaml': KAFKA, 'host.txt': 'h' });
    const one = await loadManifest(['network.yaml', 'kafka.yaml'], { cwd: dir, env: {} });
    const two = await loadManifest(['kafka.yaml', 'network.yaml'], { cwd: dir, env: {} });
    expect(two.objects).toEqual(one.objects);
    expect(one.file).toBe('network.yaml, kafka.yaml');
  });

  it('a name declared in two files is an error naming both', async () => {
    const dir = folder({ 'a.yaml': 'version: 1\nsecrets:\n  pw:\n    value: ${env:PW}\n', 'b.yaml': 'version: 1\n\nconnections:\n  pw:\n    type: ssh-tunnel\n    host: h\n    user: u\n' });
    expect(await problems(() => loadManifest(dir, { env: { PW: 'x' } }))).toEqual([
      `${join(dir, 'b.yaml')}:4:3: connection pw: the name materialize.public.pw is already taken by secret pw (${join(dir, 'a.yaml')}:3)`,
    ]);
  });

  it('every problem names its own file and position', async () => {
    const dir = folder({ 'a.yaml': 'version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n    user: u\n', 'b.yaml': 'version: 1\nsources:\n  s:\n    type: kafka\n    connection: nope\n    topic: t\n    cluster: c\n' });
    expect(await problems(() => loadManifest(['a.yaml', 'b.yaml'], { cwd: dir, env: {} }))).toEqual([
      'a.yaml:3:3: connection t: missing required field "host"',
      'b.yaml:5:17: source s: connection: unknown connection materialize.public.nope: it is not declared in this manifest',
    ]);
  });

  it('prune must say the same in every file that sets it', async () => {
    const dir = folder({ 'a.yaml': 'version: 1\nprune: true\n', 'b.yaml': 'version: 1\nprune: false\n' });
    expect(await problems(() => loadManifest(dir, { env: {} }))).toEqual([`${join(dir, 'b.yaml')}:2:8: prune: false contradicts prune: true (${join(dir, 'a.yaml')}:2)`]);
  });

  it.each([
    ['an empty directory', {}, 'the directory holds no .yaml or .yml file'],
    ['a missing file', { 'x.txt': '' }, 'no such file'],
  ])('%s is refused', async (_, files, message) => {
    const dir = folder(files);
    await expect(loadManifest(Object.keys(files).length ? join(dir, 'nope.yaml') : dir, { env: {} })).rejects.toThrow(message);
  });
});
