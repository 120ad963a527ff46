import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/sql/lexer.js';
import { parseCreateSql, parseStatements } from '../../../src/sql/index.js';
import { updatingGolden } from '../../golden-mode.js';
import { mutate } from '../../reliability/fuzz/mutate.js';
import { Prng } from '../../reliability/fuzz/prng.js';
import { readStatementFixtures } from './fixture-file.js';

/**
 * Everything the lexer, the statement parser and the create_sql reader make
 * of a fixed set of inputs, pinned by a digest per input: tokens (kind, value,
 * text, position), the statement trees with their positions, the model and
 * outputs (key order and undefined members included), and each error's
 * message and position. Any change of result, for a well-formed statement or
 * a broken one, fails here, so the parser can be made faster without changing
 * what it reads.
 *
 * Inputs: every statement fixture (documentation, server output, mzform's
 * renders, what the emulator stores for every example and the benchmark's
 * objects), the stored forms of test/fixtures/fidelity/stored-options.json,
 * and mutations of all of them (cuts, splices, odd characters) from a fixed seed.
 */
const GOLDEN = 'test/fixtures/sql/parse-differential.golden.txt';
const FIXTURE_DIRS = ['test/fixtures/sql', 'test/fixtures/sql/golden', 'test/fixtures/sql/seeds', 'test/fixtures/sql/semantics', 'test/fixtures/sql/emulator-stored'];
const SEED = 20_251_130;
const MUTATED = 3_000;

const SQL_INTERESTING = [
  "''", "'it''s'", "E'a\\nb'", "'unterminated", '"unterminated', '""', '"a""b"', '$$dollar$$', '$t$x$t$', '$1', '[u5 AS "a"."b"."c"]', '[u5',
  'SECRET', 'USING', 'SSH TUNNEL', 'AWS PRIVATELINK', '=', '(', ')', ',', ';', '.', '0', '-1', '1e5', '.5', '1.', 'NULL', 'TRUE', 'FALSE',
  'KEY', 'FORMAT', 'FOR ALL TABLES', 'IN CLUSTER [u1]', 'WITH (VALIDATE = false)', '--c\n', '/* c */', '/* /* */', 'İ', 'Ω', '\u{1F600}', 'ABC_$d',
];

function fixtureInputs(): string[] {
  const statements = FIXTURE_DIRS.flatMap((dir) => readStatementFixtures(dir).map((f) => f.sql));
  const stored = (JSON.parse(readFileSync('test/fixtures/fidelity/stored-options.json', 'utf8')) as { cases: { stored: string }[] }).cases.map((c) => c.stored);
  return [...new Set([...statements, ...stored])];
}

function inputs(): string[] {
  const base = fixtureInputs();
  const ctx = { corpus: base, tokenPattern: /(\s+|[(),;=.[\]'"])/, interesting: SQL_INTERESTING };
  const mutated = Array.from({ length: MUTATED }, (_, i) => {
    const rng = new Prng(SEED, i);
    return mutate(rng.pick(base), rng, ctx).text;
  });
  return [...new Set([...base, ...mutated, ...EDGES])];
}

/** Inputs at the edges of what the lexer and parser tell apart, beside the mutations. */
const EDGES = [
  ...['u5', 'si3', 'u', 'abc', '5', 'u5a', 'U5', 'u_5', 'ü5', '"u5"'].flatMap((id) => [
    `CREATE SOURCE s IN CLUSTER [${id}] FROM LOAD GENERATOR COUNTER`,
    `CREATE CONNECTION k TO KAFKA (BROKER 'b:9092' USING SSH TUNNEL [${id} AS "materialize"."public"."t"])`,
    `CREATE CONNECTION p TO POSTGRES (HOST h, PASSWORD = SECRET [${id} AS "materialize"."public"."pw"], USER u)`,
  ]),
  "CREATE CONNECTION c TO SSH TUNNEL (HOST 'h', PORT 1e3, USER E'\\x', PUBLIC KEY 1 = $$k$$, PUBLIC KEY 2 = $t$k$t$)",
  'CREATE CONNECTION c TO SSH TUNNEL (HOST .5, PORT 1., USER 12e, SSH TUNNEL 1.e5)',
  'CREATE SECRET "a""b" AS \'x\'\'y\'',
  'CREATE SECRET s AS $',
  'CREATE SECRET s AS $a',
  'CREATE SECRET s AS $1',
  "CREATE SECRET s AS 'x' -- trailing\n",
  'CREATE SECRET s AS /* a /* b */ c */ \'x\'',
  'CREATE SECRET s AS /* unterminated',
  'CREATE SECRET "İ" AS \'\u{1F600}\'',
  'CREATE\n  SECRET\r\n  "multi\nline" AS \'a\nb\'\n  ;',
];

/** JSON that tells an undefined member from a missing one. */
function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '(undefined)' : v));
}

function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { ...error, error: error.name, message: error.message };
  }
}

/** What the three readers make of `sql`. */
function readings(sql: string): string {
  const tokens = outcome(() => tokenize(sql).map((t) => [t.kind, t.value, t.text, t.offset, t.line, t.column, t.end]));
  const statements = outcome(() => parseStatements(sql));
  const model = outcome(() =>
    parseCreateSql(sql, {
      defaultDatabase: 'materialize',
      defaultSchema: 'public',
      objectName: { database: 'materialize', schema: 'public', name: 'x' },
      resolveCluster: (id) => (id === 'u1' ? 'quickstart' : undefined),
      defaultCluster: 'default_cluster',
    }),
  );
  return serialize({ tokens, statements, model });
}

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

describe('lexer, parser and create_sql reader give the pinned results', () => {
  it(`for every fixture statement and ${MUTATED} mutations (UPDATE_GOLDEN=1 regenerates the digests)`, () => {
    const lines = inputs().map((sql) => `${digest(sql, 12)} ${digest(readings(sql), 16)}`);
    const actual = lines.join('\n') + '\n';
    if (updatingGolden()) writeFileSync(GOLDEN, actual);
    const expected = new Map(readFileSync(GOLDEN, 'utf8').trim().split('\n').map((l) => l.split(' ') as [string, string]));
    const byInput = new Map(inputs().map((sql) => [digest(sql, 12), sql]));
    const changed = lines
      .map((l) => l.split(' ') as [string, string])
      .filter(([input, result]) => expected.get(input) !== result)
      .map(([input]) => `${expected.has(input) ? 'changed' : 'not in the golden file'}: ${JSON.stringify(byInput.get(input)).slice(0, 300)}\n  now: ${readings(byInput.get(input)!).slice(0, 600)}`);
    expect(changed.slice(0, 5)).toEqual([]);
    expect(lines.length).toBe(expected.size);
  });
});
