import { describe, expect, it } from 'vitest';
import { indexDependents, type ActualObject, type ActualState, type ForeignObject } from '../../../src/model/index.js';

const managed = (id: string, dependsOn: string[]): ActualObject => ({
  id,
  object: { kind: 'secret', name: { database: 'materialize', schema: 'public', name: id } },
  dependsOn,
  outputs: {},
  fingerprint: '',
});
const foreign = (id: string, dependsOn: string[]): ForeignObject => ({ id, type: 'subsource', dependsOn });
const ids = (index: ReadonlyMap<string, readonly { id: string }[]>) => Object.fromEntries([...index].map(([id, list]) => [id, list.map((o) => o.id)]));

describe('indexDependents', () => {
  it.each<[string, ActualState, Record<string, string[]>, Record<string, string[]>]>([
    ['an empty catalog', { objects: [], foreign: [] }, {}, {}],
    [
      'each dependent under every id it depends on, in catalog order',
      { objects: [managed('u3', ['u1', 'u2']), managed('u4', ['u1'])], foreign: [foreign('u9', ['u3']), foreign('u8', ['u3', 'u4'])] },
      { u1: ['u3', 'u4'], u2: ['u3'] },
      { u3: ['u9', 'u8'], u4: ['u8'] },
    ],
    ['an id written twice counts once', { objects: [managed('u2', ['u1', 'u1'])], foreign: [foreign('u5', ['u2', 'u2'])] }, { u1: ['u2'] }, { u2: ['u5'] }],
  ])('%s', (_what, actual, expectedManaged, expectedForeign) => {
    const index = indexDependents(actual);
    expect(ids(index.managed)).toEqual(expectedManaged);
    expect(ids(index.foreign)).toEqual(expectedForeign);
  });
});
