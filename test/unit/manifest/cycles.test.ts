import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/manifest/index.js';
import { diagnosticLines } from './diagnostic-lines.js';

const kafka = (name: string, tunnel: string) => `  ${name}:\n    type: kafka\n    broker: b:9092\n    ssh_tunnel: ${tunnel}\n`;
const source = (name: string, connection: string) => `  ${name}:\n    type: kafka\n    connection: ${connection}\n    topic: t\n    format: json\n`;
const manifest = (connections: string, sources = '') => `version: 1\ndefaults: { cluster: c }\nsecrets:\n  pw:\n    value: x\nconnections:\n${connections}${sources ? `sources:\n${sources}` : ''}`;
const cycles = (lines: string[]) => lines.filter((l) => l.includes('dependency cycle'));

/**
 * Each cycle is reported once, where the search by name first walks into it:
 * the object the search starts from decides which member comes first.
 */
describe('dependency cycles', () => {
  it.each<[string, string, string[]]>([
    ['two connections', manifest(kafka('a', 'b') + kafka('b', 'a')), ['m.yaml:7:3: connection a: dependency cycle: materialize.public.a → materialize.public.b → materialize.public.a']],
    [
      'entered from a source that sorts first, at the member it refers to',
      manifest(kafka('c1', 'c2') + kafka('c2', 'c1'), source('a_source', 'c2')),
      ['m.yaml:11:3: connection c2: dependency cycle: materialize.public.c2 → materialize.public.c1 → materialize.public.c2'],
    ],
    [
      'entered from a source that sorts last: at the first member by name',
      manifest(kafka('c1', 'c2') + kafka('c2', 'c1'), source('z_source', 'c2')),
      ['m.yaml:7:3: connection c1: dependency cycle: materialize.public.c1 → materialize.public.c2 → materialize.public.c1'],
    ],
    [
      'three members, with a tunnel and a secret outside the cycle',
      manifest(kafka('x', 'y') + kafka('y', 'z') + kafka('z', 'x') + '  t:\n    type: ssh-tunnel\n    host: h\n    user: u\n' + kafka('k', 't').replace('    broker', '    sasl_password: { secret: pw }\n    broker')),
      ['m.yaml:7:3: connection x: dependency cycle: materialize.public.x → materialize.public.y → materialize.public.z → materialize.public.x'],
    ],
    [
      'two separate cycles, each once',
      manifest(kafka('p', 'q') + kafka('q', 'p') + kafka('e', 'f') + kafka('f', 'e')),
      [
        'm.yaml:15:3: connection e: dependency cycle: materialize.public.e → materialize.public.f → materialize.public.e',
        'm.yaml:7:3: connection p: dependency cycle: materialize.public.p → materialize.public.q → materialize.public.p',
      ],
    ],
    ['no cycle through a shared tunnel', manifest('  t:\n    type: ssh-tunnel\n    host: h\n    user: u\n' + kafka('a', 't') + kafka('b', 't')), []],
  ])('%s', async (_what, text, expected) => {
    const lines = await diagnosticLines(() => parseManifest(text, 'm.yaml', {})).catch(() => []);
    expect(cycles(lines).sort()).toEqual(expected);
  });
});
