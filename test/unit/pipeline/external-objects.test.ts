import { describe, expect, it } from 'vitest';
import { diff } from '../../../src/diff/index.js';
import { parseManifest } from '../../../src/manifest/index.js';
import type { ActualObject, ActualState, MzObject } from '../../../src/model/index.js';
import { withExternalObjects } from '../../../src/pipeline/index.js';

const MANIFEST = `version: 1
external:
  connections:
    pl: { type: aws-privatelink, schema_name: network }
connections:
  k:
    type: kafka
    brokers:
      - { address: 'b:9092', aws_privatelink: { name: pl, schema_name: network } }
`;
const desired = parseManifest(MANIFEST, 'm.yaml', {});
const name = (schema: string, n: string) => ({ database: 'materialize', schema, name: n });
const actualObject = (id: string, object: MzObject, dependsOn: string[] = []): ActualObject => ({ id, object, dependsOn, outputs: {}, fingerprint: id });
const privatelink = actualObject('u1', { kind: 'connection', name: name('network', 'pl'), spec: { type: 'aws-privatelink', serviceName: 's', availabilityZones: ['a'] } });
const state = (...objects: ActualObject[]): ActualState => ({ objects, foreign: [] });

describe('external objects', () => {
  it('are declared by the manifest but never part of its objects', () => {
    expect(desired.objects.map((o) => o.name.name)).toEqual(['k']);
    expect(desired.external).toEqual([{ kind: 'connection', type: 'aws-privatelink', name: name('network', 'pl'), location: { file: 'm.yaml', line: 4, column: 5 } }]);
  });

  it.each([
    ['missing', state(), 'm.yaml:4:5: external connection pl: no connection materialize.network.pl exists'],
    [
      'of another type',
      state(actualObject('u1', { kind: 'connection', name: name('network', 'pl'), spec: { type: 'ssh-tunnel', host: 'h', user: 'u' } })),
      'm.yaml:4:5: external connection pl: materialize.network.pl is an ssh-tunnel connection, not an aws-privatelink one',
    ],
    ['of another kind', state(actualObject('u1', { kind: 'secret', name: name('network', 'pl') })), 'm.yaml:4:5: external connection pl: materialize.network.pl is a secret, not a connection'],
  ])('%s: refused with the position, before anything runs', (_, actual, line) => {
    expect(() => withExternalObjects(actual, desired)).toThrow(line);
  });

  it('when present, are set aside: never created, dropped or listed as unmanaged, even with prune', () => {
    const actual = withExternalObjects(state(privatelink), desired);
    expect(actual.objects).toEqual([]);
    expect(actual.foreign).toEqual([{ id: 'u1', type: 'aws-privatelink', name: name('network', 'pl'), dependsOn: [] }]);
    const changes = diff({ ...desired, scope: [...desired.scope, { database: 'materialize', schema: 'network' }], prune: true }, actual);
    expect(changes.map((c) => c.action)).toEqual(['create']);
  });

  it('a drop that would take one along is refused', () => {
    const tunnel = actualObject('u2', { kind: 'connection', name: name('public', 'old'), spec: { type: 'ssh-tunnel', host: 'h', user: 'u' } });
    const dependent = actualObject('u3', { kind: 'connection', name: name('network', 'pl'), spec: { type: 'aws-privatelink', serviceName: 's', availabilityZones: ['a'] } }, ['u2']);
    const actual = withExternalObjects(state(tunnel, { ...dependent, id: 'u3' }), desired);
    expect(() => diff({ ...desired, prune: true }, actual)).toThrow('mzform does not manage');
  });
});
