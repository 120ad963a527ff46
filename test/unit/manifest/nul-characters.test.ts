import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import { diagnosticLines } from './diagnostic-lines.js';

const tunnel = 'connections:\n  t:\n    type: ssh-tunnel\n    host: h\n    user: u\n';

/** Materialize cannot store a NUL character: each one is reported where it is written, in any value or key. */
describe('NUL characters', () => {
  it.each([
    ['in a field', 'version: 1\nconnections:\n  t:\n    type: ssh-tunnel\n    host: "a\\0b"\n    user: u\n', ['m.yaml:5:11: contains a NUL character, which Materialize cannot store']],
    [
      'in a list item, inside a mapping, inside a list',
      `version: 1\n${tunnel}  k:\n    type: kafka\n    brokers:\n      - address: ok:9092\n      - address: "b\\0:9092"\n`,
      ['m.yaml:11:18: contains a NUL character, which Materialize cannot store'],
    ],
    ['in a key (reported at its value)', 'version: 1\nx-notes:\n  "a\\0": 1\n', ['m.yaml:3:10: contains a NUL character, which Materialize cannot store']],
    [
      'in several places, each reported',
      'version: 1\nx-notes:\n  list: ["a", "\\0", ["\\0"]]\n  "\\0": "\\0"\n',
      [
        'm.yaml:3:15: contains a NUL character, which Materialize cannot store',
        'm.yaml:3:22: contains a NUL character, which Materialize cannot store',
        // A key is reported at its value, as the value of that key.
        'm.yaml:4:9: contains a NUL character, which Materialize cannot store',
        'm.yaml:4:9: contains a NUL character, which Materialize cannot store',
      ],
    ],
  ])('%s', async (_what, text, expected) => {
    expect(await diagnosticLines(() => parseManifest(text, 'm.yaml', {}))).toEqual(expected);
  });
});
