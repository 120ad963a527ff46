import { describe, expect, it } from 'vitest';
import type { MzObject } from '../../../src/model/objects.js';
import { SecretValue } from '../../../src/model/secret-value.js';
import { parseCreateSql, parseStatement, renderCreate, SqlParseError, statementToModel } from '../../../src/sql/index.js';
import { readStatementFixtures, type StatementFixture } from './fixture-file.js';

const OPTIONS = {
  defaultDatabase: 'materialize',
  defaultSchema: 'public',
  defaultCluster: 'quickstart',
  resolveCluster: (id: string) => (id === 'u1' ? 'quickstart' : undefined),
};

const fixtures: StatementFixture[] = [
  ...readStatementFixtures('test/fixtures/sql/seeds'),
  ...readStatementFixtures('test/fixtures/sql'),
  ...readStatementFixtures('test/fixtures/sql/semantics'),
];

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** Secrets have no value in the catalog; give one so that the CREATE renders. */
function renderable(object: MzObject): MzObject {
  return object.kind === 'secret' ? { ...object, value: new SecretValue({ kind: 'env', variable: 'X' }, 'v') } : object;
}

describe('statement fixtures (seeds, reference examples, doc fixes)', () => {
  it('covers every seed page and example', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  const parsing = fixtures.filter((f) => f.parseError === undefined);
  const failing = fixtures.filter((f) => f.parseError !== undefined);

  it.each(parsing.map((f) => [`${f.file}: ${f.origin}`, f] as const))('parses %s', (_, f) => {
    expect(() => parseStatement(f.sql)).not.toThrow();
  });

  it.each(failing.map((f) => [`${f.file}: ${f.origin}`, f] as const))('refuses %s with a positioned error', (_, f) => {
    const error = caught(() => parseStatement(f.sql));
    expect(error).toBeInstanceOf(SqlParseError);
    const e = error as SqlParseError;
    expect(e.reason).toContain(f.parseError);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  });

  const creates = parsing.filter((f) => /^CREATE\s+(SECRET|CONNECTION|SOURCE)\b/i.test(f.sql));

  it.each(creates.filter((f) => f.modelError === undefined).map((f) => [`${f.file}: ${f.origin}`, f] as const))(
    'converts %s to the model, and render(model) converts back to the same model',
    (_, f) => {
      const { object } = statementToModel(parseStatement(f.sql), OPTIONS);
      const rendered = renderCreate(renderable(object)).sql;
      const again = parseCreateSql(rendered, OPTIONS).object;
      expect(again).toEqual(object);
    },
  );

  it.each(creates.filter((f) => f.modelError !== undefined).map((f) => [`${f.file}: ${f.origin}`, f] as const))(
    'refuses to convert %s, naming the position',
    (_, f) => {
      const error = caught(() => parseCreateSql(f.sql, { ...OPTIONS, objectName: { database: 'materialize', schema: 'public', name: 'x' } }));
      expect(error).toBeInstanceOf(SqlParseError);
      expect((error as SqlParseError).reason).toContain(f.modelError);
      expect((error as SqlParseError).message).toMatch(/^materialize\.public\.x: .* \(at line \d+, column \d+\)$/);
    },
  );
});
