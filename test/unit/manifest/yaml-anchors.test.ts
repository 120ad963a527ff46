import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import type { Connection } from '../../../src/model/index.js';
import { diagnosticLines as problems } from './diagnostic-lines.js';


describe('YAML as people write it', () => {
  it('an alias to a mapping is the same mapping', async () => {
    const state = parseManifest('version: 1\nconnections:\n  t1: &tunnel\n    type: ssh-tunnel\n    host: h\n    user: u\n  t2: *tunnel\n', 'm.yaml', {});
    expect(state.objects.map((o) => (o as Connection).spec)).toEqual([
      { type: 'ssh-tunnel', host: 'h', user: 'u' },
      { type: 'ssh-tunnel', host: 'h', user: 'u' },
    ]);
  });

  it('merge keys share settings from an x- block; the object\'s own keys win', async () => {
    const text = 'version: 1\nx-tunnel: &base\n  type: ssh-tunnel\n  user: shared\n  host: default\nconnections:\n  t1:\n    <<: *base\n    host: h1\n  t2:\n    <<: [*base]\n    user: own\n';
    const state = parseManifest(text, 'm.yaml', {});
    expect(state.objects.map((o) => (o as Connection).spec)).toEqual([
      { type: 'ssh-tunnel', host: 'h1', user: 'shared' },
      { type: 'ssh-tunnel', host: 'default', user: 'own' },
    ]);
  });

  it('a problem in a merged value points at where the shared block wrote it', async () => {
    expect(await problems(() => parseManifest('version: 1\nx-base: &base\n  type: ssh-tunnel\n  port: seventy\nconnections:\n  t:\n    <<: *base\n    host: h\n    user: u\n', 'm.yaml', {}))).toEqual([
      'm.yaml:4:9: connection t: must be a whole number',
    ]);
  });

  it.each([
    ['a merge of text', 'version: 1\nconnections:\n  t:\n    <<: hello\n    type: ssh-tunnel\n', 'm.yaml:4:9: a merge key (<<) takes an alias of a mapping (<<: *base) or a list of them'],
    ['a merge of a list of scalars', 'version: 1\nconnections:\n  t:\n    <<: [1, 2]\n', 'm.yaml:4:9: a merge key (<<) takes an alias of a mapping (<<: *base) or a list of them'],
    ['an alias with no anchor', 'version: 1\nconnections:\n  t: *nope\n', 'm.yaml:3:6: the alias *nope has no anchor &nope before it'],
  ])('%s is refused with the reason and a position', async (_, text, expected) => {
    expect(await problems(() => parseManifest(text, 'm.yaml', {}))).toEqual([expected]);
  });
});
