import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import type { Connection } from '../../../src/model/index.js';

const brokers = (addresses: string[]) => `version: 1\nconnections:\n  k:\n    type: kafka\n    brokers:\n${addresses.map((a) => `      - address: ${a}\n`).join('')}`;
const specOf = (text: string, env: Record<string, string>) => (parseManifest(text, 'm.yaml', env).objects[0] as Connection).spec;

/** A substituted value lands where it was written; what is around it stays as written. */
describe('substitution inside lists and mappings', () => {
  it.each<[string, string[], string[]]>([
    ['nothing to substitute', ['a:1', 'b:2', 'c:3'], ['a:1', 'b:2', 'c:3']],
    ['the first item', ['${env:X}', 'b:2', 'c:3'], ['x:9', 'b:2', 'c:3']],
    ['a middle item', ['a:1', '${env:X}', 'c:3'], ['a:1', 'x:9', 'c:3']],
    ['the last item', ['a:1', 'b:2', '${env:X}'], ['a:1', 'b:2', 'x:9']],
    ['every item', ['${env:X}', '${env:X}', '${env:X}'], ['x:9', 'x:9', 'x:9']],
  ])('%s', (_what, written, expected) => {
    const spec = specOf(brokers(written), { X: 'x:9' });
    expect(spec.type === 'kafka' && spec.brokers.map((b) => b.address)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['with nothing substituted', 'h'],
    ['with a value substituted before it', '${env:H}'],
  ])('a `__proto__` key is not a field of the object (%s)', (_what, host) => {
    const spec = specOf(`version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n    host: ${host}\n    __proto__: 1\n    user: u\n`, { H: 'h' });
    expect(spec).toEqual({ type: 'ssh-tunnel', host: 'h', user: 'u' });
  });
});
