import { describe, expect, it } from 'vitest';
import { parseCreateSql, SqlParseError } from '../../src/sql/index.js';

const OPTIONS = { defaultDatabase: 'materialize', defaultSchema: 'public' };

/** Statements the create_sql fuzzer found that escaped as an uncaught exception. */
describe('create_sql inputs found by fuzzing', () => {
  it.each([
    { name: 'thousands of nested [ (stack overflow)', sql: `CREATE SECRET s AS ${'['.repeat(20_000)}`, column: 52 },
    { name: 'thousands of nested ( in an option', sql: `CREATE CONNECTION c TO AWS PRIVATELINK (SERVICE NAME = ${'('.repeat(20_000)}${')'.repeat(20_000)})`, column: 88 },
  ])('$name', ({ sql, column }) => {
    let caught: unknown;
    try {
      parseCreateSql(sql, OPTIONS);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlParseError);
    expect((caught as SqlParseError).reason).toBe('lists are nested more than 32 deep');
    expect((caught as SqlParseError).column).toBe(column);
  });

  it('two levels of lists, as BROKERS writes them, still parse', () => {
    const sql = `CREATE CONNECTION k TO KAFKA (BROKERS = ('b-1:9096' USING AWS PRIVATELINK pl (PORT 9001), 'b-2:9096'))`;
    expect(parseCreateSql(sql, OPTIONS).object.kind).toBe('connection');
  });
});
