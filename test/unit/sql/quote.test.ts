import { describe, expect, it } from 'vitest';
import { qualifiedName, quoteIdent, quoteLiteral, staticSql } from '../../../src/sql/quote.js';
import { parseStatements } from '../../../src/sql/parse-statement.js';
import { tokenize } from '../../../src/sql/lexer.js';

describe('quoteIdent', () => {
  it.each([
    ['plain', 'orders', '"orders"'],
    ['upper case kept', 'Orders', '"Orders"'],
    ['keyword', 'select', '"select"'],
    ['double quote doubled', 'a"b', '"a""b"'],
    ['only quotes', '""', '""""""'],
    ['single quote untouched', "it's", `"it's"`],
    ['backslash untouched', 'a\\b', '"a\\b"'],
    ['dot stays inside', 'a.b', '"a.b"'],
    ['unicode', 'zählung_😀', '"zählung_😀"'],
    ['newline', 'a\nb', '"a\nb"'],
  ])('%s', (_, input, expected) => {
    expect(quoteIdent(input)).toBe(expected);
  });

  it('refuses NUL', () => {
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
  });
});

describe('quoteLiteral', () => {
  it.each([
    ['plain', 'abc', "'abc'"],
    ['quote doubled', "it's", "'it''s'"],
    ['backslash stays one character (standard_conforming_strings)', 'C:\\dir\\', "'C:\\dir\\'"],
    ['dollar quoting is inert', '$$; DROP SOURCE x; $$', "'$$; DROP SOURCE x; $$'"],
    ['comment marker is inert', "'-- x", "'''-- x'"],
    ['newline', 'a\nb', "'a\nb'"],
    ['empty', '', "''"],
  ])('%s', (_, input, expected) => {
    expect(quoteLiteral(input)).toBe(expected);
  });

  it('refuses NUL', () => {
    expect(() => quoteLiteral('a\0')).toThrow(/NUL/);
  });

  it.each(["'", "''", "\\'", "'); DROP SOURCE s; --", "E'\\''", '$$', '*/', '/*', '\\', '\n;\n'])('lexes %j back to itself as one string token', (value) => {
    const tokens = tokenize(quoteLiteral(value));
    expect(tokens.map((t) => t.kind)).toEqual(['string', 'eof']);
    expect(tokens[0]!.value).toBe(value);
  });
});

describe('qualifiedName', () => {
  it('quotes every part', () => {
    expect(qualifiedName({ database: 'db', schema: 'My Schema', name: 'a"b' })).toBe('"db"."My Schema"."a""b"');
  });
});

describe('injection: a rendered name or value never ends the statement', () => {
  it.each([
    "x'; DROP SECRET y; --",
    'x"; DROP SECRET y; --',
    'x" AS \'v\'; DROP SECRET "y',
    '*/ DROP SECRET y /*',
  ])('%j', (evil) => {
    const sql = `COMMENT ON SECRET ${qualifiedName({ database: 'materialize', schema: 'public', name: evil })} IS ${quoteLiteral(evil)}`;
    const statements = parseStatements(sql);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.statement).toMatchObject({ kind: 'comment', comment: evil, name: { parts: [{ value: 'materialize' }, { value: 'public' }, { value: evil }] } });
  });
});

describe('staticSql', () => {
  it('brands constant text', () => {
    expect(staticSql`SELECT 1`).toBe('SELECT 1');
  });
});
