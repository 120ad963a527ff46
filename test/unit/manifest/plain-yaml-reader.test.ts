import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateManifest } from '../../../bench/generate-manifest.js';
import { YamlDocument, type DocPath } from '../../../src/manifest/yaml-document.js';
import { Prng } from '../../reliability/fuzz/prng.js';

/**
 * The plain-subset reader against the yaml package: for every document it
 * either gives up (and the yaml package reads it, as before), or it gives the
 * same value (same key order, same types, -0 and NaN told apart) and the same
 * position for every key and value, and for paths that go past the document.
 */

type Outcome = 'plain' | 'gave up';

function compare(text: string): Outcome {
  const fast = new YamlDocument(text);
  const reference = new YamlDocument(text, { plainReader: false });
  expect(reference.reader).toBe('yaml');
  if (fast.reader === 'yaml') return 'gave up';
  const context = `in ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}...` : text)}`;
  expect(fast.syntaxErrors, context).toEqual([]);
  expect(reference.syntaxErrors, context).toEqual(fast.syntaxErrors);
  const value = reference.toJS();
  expect(difference(fast.toJS(), value), context).toBeUndefined();
  for (const path of pathsOf(value)) {
    for (const probe of [path, ...pathsPast(path)]) {
      for (const target of ['value', 'key'] as const) {
        const got = fast.positionOf(probe, target);
        const want = reference.positionOf(probe, target);
        if (got.line !== want.line || got.column !== want.column) {
          expect({ path: probe, target, position: got }, context).toEqual({ path: probe, target, position: want });
        }
      }
    }
  }
  return 'plain';
}

/** The first difference between two plain values, or undefined; Object.is for scalars, own keys in order for objects. */
function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== typeof b) return `${at}: ${typeof a} vs ${typeof b}`;
  if (typeof a !== 'object' || a === null || b === null) return Object.is(a, b) ? undefined : `${at}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: different prototypes`;
  const keysA = Reflect.ownKeys(a).map(String);
  const keysB = Reflect.ownKeys(b as object).map(String);
  if (keysA.join('\n') !== keysB.join('\n')) return `${at}: keys ${JSON.stringify(keysA)} vs ${JSON.stringify(keysB)}`;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key)!;
    const db = Object.getOwnPropertyDescriptor(b, key)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${at}.${key}: property attributes differ`;
    const inner = difference(da.value, db.value, `${at}.${key}`);
    if (inner) return inner;
  }
  return undefined;
}

/** The root, then every key and index path of a plain value. */
function* pathsOf(value: unknown, path: (string | number)[] = []): Generator<DocPath> {
  yield path;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* pathsOf(value[i], [...path, i]);
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) yield* pathsOf((value as Record<string, unknown>)[key], [...path, key]);
}

/** Paths that leave the document below `path`, including segments JavaScript turns into indexes in odd ways. */
function pathsPast(path: DocPath): DocPath[] {
  return [[...path, 'missing'], [...path, 'missing', 'deeper'], [...path, 9999], [...path, -1], [...path, '0'], [...path, ''], [...path, '1.0'], [...path, 0, 'x']];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return filesUnder(full);
      return /\.ya?ml$/.test(name) ? [full] : [];
    });
}

/** The YAML examples of the README and the docs. */
function docSnippets(): string[] {
  const texts = ['README.md', ...readdirSync('docs').map((f) => join('docs', f))].filter((f) => f.endsWith('.md')).map((f) => readFileSync(f, 'utf8'));
  return texts.flatMap((text) => [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!));
}

describe('the plain-subset YAML reader', () => {
  const examples = filesUnder('examples').filter((f) => f.endsWith('.yaml'));

  it.each(examples)('reads %s exactly as the yaml package does', (file) => {
    expect(compare(readFileSync(file, 'utf8'))).toBe('plain');
  });

  it('gives up on, or agrees on, every YAML file among the test fixtures and examples', () => {
    const files = [...filesUnder('test/fixtures'), ...filesUnder('examples')];
    expect(files.length).toBeGreaterThan(20);
    const outcomes = files.map((f) => compare(readFileSync(f, 'utf8')));
    expect(outcomes).toContain('plain');
  });

  it('gives up on, or agrees on, the YAML snippets of the README and docs', () => {
    const snippets = docSnippets();
    expect(snippets.length).toBeGreaterThan(10);
    const outcomes = snippets.map(compare);
    expect(outcomes.filter((o) => o === 'plain').length).toBeGreaterThan(snippets.length / 2);
  });

  it.each([10, 101, 1_000, 3_000])('reads the %i-object benchmark manifest exactly as the yaml package does', (objects) => {
    expect(compare(generateManifest(objects))).toBe('plain');
  });

  it('reads long sequences and mappings, which it looks up through an index, as the yaml package does', () => {
    const items = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `  - name: n${i}\n    port: ${i}` : i % 3 === 1 ? `  - [a${i}, ${i}]` : `  -  item ${i}`));
    const keys = Array.from({ length: 40 }, (_, i) => `  k${i}: { v: ${i} }`);
    expect(compare(`list:\n${items.join('\n')}\nmap:\n${keys.join('\n')}\n`)).toBe('plain');
  });

  it('reads the 10,000-object benchmark manifest itself', () => {
    const text = generateManifest(10_000);
    const fast = new YamlDocument(text);
    expect(fast.reader).toBe('plain');
    expect(difference(fast.toJS(), new YamlDocument(text, { plainReader: false }).toJS())).toBeUndefined();
  });

  // What the reader knows, near what it does not: it must read these itself and agree.
  it.each([
    ['a: a:b', 'a:b'],
    ['a: x #b', 'x'],
    ['a: x#b', 'x#b'],
    ['a: x   ', 'x'],
    ['a: x   # c', 'x'],
    ["a: 'it''s'", "it's"],
    ['a: "\\u00e9\\x41\\t\\"\\\\\\/"', 'éA\t"\\/'],
    ['a: "  spaced  "', '  spaced  '],
    ["a: ''", ''],
    ['a: 0x1F', 31],
    ['a: 0o17', 15],
    ['a: 012', 12],
    ['a: +1', 1],
    ['a: -0', -0],
    ['a: 1e3', 1000],
    ['a: .5', 0.5],
    ['a: -.5e-1', -0.05],
    ['a: 1.', 1],
    ['a: .inf', Number.POSITIVE_INFINITY],
    ['a: -.Inf', Number.NEGATIVE_INFINITY],
    ['a: .NaN', Number.NaN],
    ['a: 1_000', '1_000'],
    ['a: 0x', '0x'],
    ['a: 0o8', '0o8'],
    ['a: yes', 'yes'],
    ['a: on', 'on'],
    ['a: ~', null],
    ['a: Null', null],
    ['a: nULL', 'nULL'],
    ['a: True', true],
    ['a: FALSE', false],
    ['a: tRUE', 'tRUE'],
    ['a:', null],
    ['a:   # nothing', null],
    ['a: b]', 'b]'],
    ['a: x, y', 'x, y'],
    ['a: -x', '-x'],
    ['a: [use1-az1, use1-az2]', ['use1-az1', 'use1-az2']],
    ['a: [ "x", \'y\' , 1 ]', ['x', 'y', 1]],
    ['a: []', []],
    ['a: { secret: name }', { secret: 'name' }],
    ['a: {}', {}],
    ["'quoted key': 1", 1],
    ['a : spaced', 'spaced'],
    ['a:\n- x\n- y', ['x', 'y']],
    ['a:\n  - x\n  -\n  - k: v\n    j:', ['x', null, { k: 'v', j: null }]],
    ['a:\n\n  # comment\n\n  b: 1\n   # deeper comment\n  c: 2', { b: 1, c: 2 }],
    ['a:\n    b:\n     c: 1\n    d: 2', { b: { c: 1 }, d: 2 }],
    ['a:\n  - k:\n    - x\n    j: 1\n  - l: [1]', [{ k: ['x'], j: 1 }, { l: [1] }]],
  ])('reads %j itself, as the yaml package does', (text, value) => {
    const key = text.startsWith("'") ? 'quoted key' : 'a';
    expect(compare(`# before\n${text}\nlast: 1\n`)).toBe('plain');
    expect(difference((new YamlDocument(text).toJS() as Record<string, unknown>)[key], value)).toBeUndefined();
  });

  // Each of these is valid or invalid YAML the reader does not know exactly: the yaml package reads it.
  it.each([
    ['an anchor', 'a: &x 1\nb: 2'],
    ['an alias', 'a: &x 1\nb: *x'],
    ['a merge key', 'base: &b\n  x: 1\nc:\n  <<: *b'],
    ['a tag', 'a: !!str 1'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['a document start', '---\na: 1'],
    ['a document end', 'a: 1\n...\n'],
    ['a literal block scalar', 'a: |\n  x\n'],
    ['a folded block scalar', 'a: >-\n  x\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['a tab in a value', 'a: b\tc\n'],
    ['a complex key', '? a\n: b\n'],
    ['a number as key', '1: x\n'],
    ['a boolean as key', 'true: x\n'],
    ['null as key', 'null: x\n'],
    ['~ as key', '~: x\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['__proto__', '__proto__: x\n'],
    ['a quoted __proto__', '"__proto__": x\n'],
    ['a quoted merge key', "'<<': x\n"],
    ['a quoted merge key in a flow mapping', 'a: { "<<": x }\n'],
    ['a nested compact mapping', 'a: b: c\n'],
    ['an unclosed flow sequence', 'a: [b\n'],
    ['a flow sequence over two lines', 'a: [b,\n  c]\n'],
    ['a nested flow collection', 'a: [b, [c]]\n'],
    ['a trailing comma', 'a: [b, c,]\n'],
    ['an empty flow value', 'a: { b: }\n'],
    ['text after a flow collection', 'a: [b] c\n'],
    ['a comment touching a quoted scalar', "a: 'b'#c\n"],
    ['an escape it does not know', 'a: "\\U0001F600"\n'],
    ['an invalid escape', 'a: "\\q"\n'],
    ['a sequence of sequences', 'a:\n  - - x\n'],
    ['a sequence at the root', '- a\n- b\n'],
    ['a scalar at the root', 'hello\n'],
    ['an empty document', '# nothing\n'],
    ['a mapping indented at the root', '  a: 1\n'],
    ['inconsistent indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence entry after a key line', 'a: 1\n- b\n'],
    ['Windows line ends', 'a: 1\r\nb: 2\r\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a value after a sequence at the same column', 'a:\n  - x\n  b: 1\n'],
    ['a key of more than 1,000 characters', `${'k'.repeat(1_001)}: x\n`],
    ['nesting deeper than 64 levels', Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('gives up on %s', (_, text) => {
    expect(compare(text)).toBe('gave up');
  });

  it('gives up on, or agrees on, thousands of random documents in and around the subset', () => {
    const counts: Record<Outcome, number> = { plain: 0, 'gave up': 0 };
    for (let i = 0; i < 3_000; i++) {
      const text = randomDocument(new Prng(20261130, i));
      try {
        counts[compare(text)]++;
      } catch (error) {
        throw new Error(`random document ${i}: ${JSON.stringify(text)}\n${String(error)}`);
      }
    }
    // Both sides of the line must be exercised, or the comparison proves little.
    expect(counts.plain).toBeGreaterThan(600);
    expect(counts['gave up']).toBeGreaterThan(600);
  });
});

const WORDS = ['name', 'host', 'a', 'b-c', 'x_y', 'k8s', 'é', 'x.y', 'a/b', '${env:X}', 'Value', 'n', 'tx', 'f1', '😀'];

const KEYS = [
  ...WORDS,
  "'quoted key'",
  '"dq key"',
  "'it''s'",
  '"\\u00e9"',
  'a b',
  'a:b',
  '-a',
  'a#b',
  'a  ',
  // Near misses and keys the reader must give up on.
  '1',
  '0x1F',
  'true',
  'yes',
  'null',
  'Null',
  '~',
  '<<',
  "'<<'",
  '__proto__',
  '"__proto__"',
  'constructor',
  'toString',
  "'1'",
  '"true"',
  '? x',
  '&k key',
  '[a]',
  '- x',
  '*a',
  '!t key',
];

const SCALARS = [
  ...WORDS,
  'hello world',
  'a:b',
  'a #b',
  'a#b',
  'x,y',
  'b]',
  'b}',
  '-x',
  '-1',
  '- x',
  "'it''s'",
  "'a'",
  "''",
  '""',
  '"\\u00e9 \\x41 \\n \\" \\\\ \\/"',
  '"\\U0001F600"',
  '"\\N"',
  '"\\q"',
  '"\\u00e"',
  "'unterminated",
  '"a" x',
  "'a'#c",
  "'a' # c",
  '0x1F',
  '0X1F',
  '0x',
  '1e3',
  '1E+3',
  '1e',
  '.5',
  '5.',
  '-.5',
  '+1',
  '-0',
  '+0.0',
  '1_000',
  '0o17',
  '0o8',
  '012',
  '0b101',
  '12:30',
  '123456789012345678901234567890',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'nan',
  'inf',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'tRUE',
  'FALSE',
  '&a x',
  '*a',
  '!!str 1',
  '%x',
  '@x',
  '`x',
  '<<',
  '<x',
  '?x',
  ':x',
  '[a, b]',
  '[ a , "b" ]',
  '[]',
  '[ ]',
  '[a,b,]',
  '[a,,b]',
  '[a, [b]]',
  '[a #b]',
  '[a] x',
  '[a]#c',
  '[a: b]',
  '{ secret: name }',
  '{a: 1, b: two}',
  '{a:1}',
  '{a: }',
  '{ a }',
  '{}',
  '{ "k": v }',
  '{ a: 1, a: 2 }',
  "{ 'k''s': '' }",
  'a: b',
  '#c',
  'a\u00a0b',
  'a\u00a0',
  'a\u0085b',
];

/** A random document, mostly in the subset, with the near misses and give-up triggers above, then maybe a mutation. */
function randomDocument(prng: Prng): string {
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  const step = () => prng.pick([2, 2, 2, 4, 1, 3]);
  const noise = (indent: number) => {
    if (prng.chance(0.08)) lines.push('');
    if (prng.chance(0.06)) lines.push(`${pad(prng.pick([0, indent, indent + 2]))}# comment`);
    if (prng.chance(0.03)) lines.push(pad(prng.int(6)));
  };
  // Half the documents stay near the subset, so that both outcomes are common.
  const odd = prng.chance(0.5) ? 0.3 : 0.04;
  const scalar = () => {
    let s = prng.chance(odd) ? prng.pick(SCALARS) : prng.pick(WORDS);
    if (prng.chance(0.1)) s += pad(1 + prng.int(3));
    if (prng.chance(0.1)) s += ' # note';
    return s;
  };
  const map = (indent: number, depth: number, first?: string) => {
    const n = 1 + prng.int(4);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 && first !== undefined ? first : pad(indent);
      const key = prng.chance(odd) ? prng.pick(KEYS) : prng.pick(WORDS);
      const colon = prng.pick([':', ':', ':', ' :']);
      entry(`${lead}${key}${colon}`, indent, depth, true);
      noise(indent);
    }
  };
  const seq = (indent: number, depth: number, first?: string) => {
    const n = 1 + prng.int(3);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 && first !== undefined ? first : pad(indent);
      const dash = prng.pick(['-', '-', '-', '- ', '-  ']);
      if (depth < 4 && prng.chance(0.3)) {
        // `- key: value` with its next keys under the key.
        const col = indent + dash.length + (dash === '-' ? 1 : 0);
        map(col, depth + 1, `${lead}${dash === '-' ? '- ' : dash}`);
      } else entry(`${lead}${dash.trimEnd()}`, indent, depth, false);
      noise(indent);
    }
  };
  const entry = (head: string, indent: number, depth: number, inMap: boolean) => {
    const roll = prng.int(20);
    if (depth >= 4 || roll < 9 || (roll >= 17 && !prng.chance(odd))) lines.push(`${head} ${scalar()}`);
    else if (roll < 12) {
      lines.push(head + (prng.chance(0.2) ? '  # below' : ''));
      noise(indent);
      map(indent + step(), depth + 1);
    }
    else if (roll < 15) {
      const at = inMap && prng.chance(0.3) ? indent : indent + step();
      lines.push(head + (prng.chance(0.2) ? '  # below' : ''));
      seq(at, depth + 1);
    } else if (roll < 17) lines.push(head + prng.pick(['', ' ', '  # empty']));
    else if (roll < 18) lines.push(`${head} |\n${pad(indent + 2)}block text`);
    else if (roll < 19) lines.push(`${head} first\n${pad(indent + step())}continued`);
    else lines.push(`${head} - - x`);
  };
  map(0, 0);
  let text = `${lines.join('\n')}\n`;
  // Rarer changes to the whole text.
  const all = text.split('\n');
  const line = prng.int(all.length);
  switch (prng.chance(odd) ? prng.int(6) : 6) {
    case 0:
      all[line] = ` ${all[line]}`;
      break;
    case 1:
      all[line] = all[line]!.replace(/^ /, '');
      break;
    case 2:
      all[line] = all[line]!.replace(/ /, '\t');
      break;
    case 3:
      all.splice(line, 0, all[line]!);
      break;
    case 4:
      all.unshift(prng.pick(['---', '%YAML 1.2\n---', '--- # doc', '\ufeff# bom']));
      break;
    case 5:
      all.push(prng.pick(['...', '---', 'tail', '- tail', '  deeper: 1']));
      break;
    default:
      break;
  }
  text = all.join('\n');
  if (prng.chance(odd / 5)) text = text.replace(/\n/g, '\r\n');
  if (prng.chance(0.2)) text = text.replace(/\n$/, '');
  return text;
}
