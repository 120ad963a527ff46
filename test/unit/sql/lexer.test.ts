import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/sql/lexer.js';
import { SqlParseError } from '../../../src/sql/errors.js';

const kinds = (text: string) => tokenize(text).map((t) => [t.kind, t.value]);

describe('tokenize', () => {
  it.each<[string, string, (string)[][]]>([
    ['keywords fold to lower case', 'CREATE Source', [['word', 'create'], ['word', 'source'], ['eof', '']]],
    ['quoted identifier keeps case and doubles quotes', '"My ""x"""', [['quoted-ident', 'My "x"'], ['eof', '']]],
    ['string with doubled quote', "'it''s'", [['string', "it's"], ['eof', '']]],
    ['escape string', "E'a\\nb\\''", [['string', "a\nb'"], ['eof', '']]],
    ['dollar string', '$$a;b$$', [['string', 'a;b'], ['eof', '']]],
    ['tagged dollar string', '$x$a$$b$x$', [['string', 'a$$b'], ['eof', '']]],
    ['parameter', '$1', [['parameter', '$1'], ['eof', '']]],
    ['numbers', '5432 1.5 1e3', [['number', '5432'], ['number', '1.5'], ['number', '1e3'], ['eof', '']]],
    ['no space after a string', "'k:9092'USING", [['string', 'k:9092'], ['word', 'using'], ['eof', '']]],
    ['resolved reference', '[u5 AS "d"]', [['symbol', '['], ['word', 'u5'], ['word', 'as'], ['quoted-ident', 'd'], ['symbol', ']'], ['eof', '']]],
    ['comments dropped', "a -- x\n/* y /* nested */ */ b", [['word', 'a'], ['word', 'b'], ['eof', '']]],
    ['unicode identifier', 'zählung', [['word', 'zählung'], ['eof', '']]],
  ])('%s', (_, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('gives line and column', () => {
    const t = tokenize("a\n  'b'\n\n   c");
    expect(t.map((x) => [x.line, x.column, x.offset])).toEqual([
      [1, 1, 0],
      [2, 3, 4],
      [4, 4, 12],
      [4, 5, 13],
    ]);
  });

  it.each([
    ['unterminated string', "x 'abc", 'unterminated string literal', 1, 3],
    ['unterminated identifier', 'x\n "abc', 'unterminated quoted identifier', 2, 2],
    ['unterminated comment', '/* a', 'unterminated /* comment', 1, 1],
    ['unterminated dollar string', '$$ab', 'unterminated dollar-quoted string', 1, 1],
    ['empty identifier', '""', 'zero-length delimited identifier', 1, 1],
  ])('%s is a positioned error', (_, text, reason, line, column) => {
    try {
      tokenize(text);
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(SqlParseError);
      expect(error).toMatchObject({ reason, line, column });
    }
  });

  it('never echoes a string literal in an error', () => {
    expect(() => tokenize("CREATE SECRET s AS 'hunter2' 'x")).toThrow(/unterminated/);
    try {
      tokenize("'hunter2' ~~ `");
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
