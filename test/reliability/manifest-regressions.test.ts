import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/manifest/index.js';

/**
 * Inputs the manifest fuzzer found that escaped as an uncaught exception or
 * took minutes. Each must now end, quickly, in a positioned ManifestError.
 */
const CASES: readonly { name: string; text: string; diagnostic: string }[] = [
  { name: 'nested flow mappings as keys (minutes in yaml toJS)', text: `${'{'.repeat(400)}${'}'.repeat(400)}`, diagnostic: 'f.yaml:1:2: a mapping key must be a name, not a mapping or a list' },
  { name: 'a list as an explicit key', text: '? [a]\n: 1\nversion: 1\n', diagnostic: 'f.yaml:1:3: a mapping key must be a name, not a mapping or a list' },
  { name: 'an alias with no anchor (ReferenceError)', text: 'version: *anchor\n', diagnostic: 'f.yaml:1:10: the alias *anchor has no anchor &anchor before it' },
  { name: 'a merge key of an unknown anchor (ReferenceError)', text: '- <<: *anchor', diagnostic: 'f.yaml:1:7: the alias *anchor has no anchor &anchor before it' },
  { name: 'an alias inside the value it names (stack overflow)', text: 'a: &a [*a]\nversion: 1\n', diagnostic: 'f.yaml:1:8: the alias *a is inside the value it names' },
  {
    name: 'aliases of aliases past the budget (ReferenceError)',
    text: 'a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    diagnostic: 'f.yaml:2:8: too many aliases: the document expands to more than 100 aliased values',
  },
];

describe('manifest inputs found by fuzzing', () => {
  it.each(CASES)('$name', ({ text, diagnostic }) => {
    const started = performance.now();
    let caught: unknown;
    try {
      parseManifest(text, 'f.yaml', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ManifestError);
    expect((caught as ManifestError).message.split('\n').slice(1)).toEqual([diagnostic]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('aliases that name an earlier anchor still work', () => {
    const text = 'version: 1\ndefaults:\n  cluster: &c quickstart\nsources:\n  s:\n    type: load-generator\n    generator: counter\n    cluster: *c\n';
    expect(parseManifest(text, 'f.yaml', {}).objects.map((o) => o.kind === 'source' && o.cluster)).toEqual(['quickstart']);
  });
});
