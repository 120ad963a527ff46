import { SqlParseError, type SqlPosition } from './errors.js';

/**
 * A tokenizer for the part of Materialize's SQL that mzform reads and writes.
 *
 * Keywords are not special here: they are unquoted `word`s, compared
 * case-insensitively by the parser, as in Materialize (whose keywords are
 * mostly unreserved).
 */
export type TokenKind =
  /** Unquoted identifier or keyword; `value` is folded to lower case as Materialize does. */
  | 'word'
  /** `"..."` with `""` for a quote; `value` is exact. */
  | 'quoted-ident'
  /** `'...'`, `E'...'` or `$$...$$`; `value` is the decoded text. */
  | 'string'
  /** Digits with an optional fraction and exponent; `value` is the text as written. */
  | 'number'
  /** `$1`: a bind parameter (Materialize refuses them in DDL, but they must lex). */
  | 'parameter'
  /** `[ ] ( ) , = . ; :` and operators; `value` is the symbol. */
  | 'symbol'
  | 'eof';

export interface Token extends SqlPosition {
  readonly kind: TokenKind;
  readonly value: string;
  /** Offset just past the token's last character. */
  readonly end: number;
  /** The source text of the token. */
  readonly text: string;
}

const TWO_CHAR_SYMBOLS = new Set(['||', '::', '<=', '>=', '<>', '!=', '=>', '->']);
const ONE_CHAR_SYMBOLS = new Set([...'[](),=.;:+-*/%<>|!~^&@#?{}']);

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80;
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) >= 0x80;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Splits `text` into tokens, ending with one `eof` token. Comments and
 * whitespace are dropped. Throws `SqlParseError` for an unterminated string,
 * quoted identifier or comment, or a character no token can start with.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const position = (offset: number): SqlPosition => {
    // Offsets before `i` on the current line only; callers pass token starts.
    return { offset, line, column: offset - lineStart + 1 };
  };
  /** Advances over text[from, to), keeping line bookkeeping right across newlines. */
  const advance = (to: number): void => {
    for (let k = i; k < to; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    i = to;
  };
  const push = (kind: TokenKind, start: SqlPosition, value: string): void => {
    tokens.push({ kind, value, ...start, end: i, text: text.slice(start.offset, i) });
  };
  const fail = (message: string, at: SqlPosition): never => {
    throw new SqlParseError(message, at);
  };

  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      advance(i + 1);
      continue;
    }
    if (c === '-' && next === '-') {
      const eol = text.indexOf('\n', i);
      advance(eol === -1 ? text.length : eol);
      continue;
    }
    if (c === '/' && next === '*') {
      const start = position(i);
      // Nested like Postgres and Materialize: `/* a /* b */ c */` is one comment.
      let depth = 0;
      let k = i;
      while (k < text.length) {
        if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
          if (depth === 0) break;
        } else k++;
      }
      if (depth !== 0) fail('unterminated /* comment', start);
      advance(k);
      continue;
    }
    const start = position(i);
    if (c === "'" || ((c === 'E' || c === 'e') && next === "'")) {
      const escapes = c !== "'";
      let k = escapes ? i + 2 : i + 1;
      let value = '';
      for (;;) {
        if (k >= text.length) fail('unterminated string literal', start);
        const ch = text[k]!;
        if (ch === "'") {
          if (text[k + 1] === "'") {
            value += "'";
            k += 2;
            continue;
          }
          k++;
          break;
        }
        if (escapes && ch === '\\' && k + 1 < text.length) {
          const e = text[k + 1]!;
          const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
          value += simple[e] ?? e;
          k += 2;
          continue;
        }
        value += ch;
        k++;
      }
      advance(k);
      push('string', start, value);
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      let value = '';
      for (;;) {
        if (k >= text.length) fail('unterminated quoted identifier', start);
        const ch = text[k]!;
        if (ch === '"') {
          if (text[k + 1] === '"') {
            value += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        value += ch;
        k++;
      }
      if (value === '') fail('zero-length delimited identifier', start);
      advance(k);
      push('quoted-ident', start, value);
      continue;
    }
    if (c === '$') {
      if (isDigit(next)) {
        let k = i + 1;
        while (isDigit(text[k])) k++;
        advance(k);
        push('parameter', start, text.slice(start.offset, k));
        continue;
      }
      // Dollar quoting: $$...$$ or $tag$...$tag$.
      const tagMatch = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i));
      if (tagMatch) {
        const delimiter = tagMatch[0];
        const bodyStart = i + delimiter.length;
        const close = text.indexOf(delimiter, bodyStart);
        if (close === -1) fail('unterminated dollar-quoted string', start);
        advance(close + delimiter.length);
        push('string', start, text.slice(bodyStart, close));
        continue;
      }
    }
    if (isDigit(c) || (c === '.' && isDigit(next))) {
      let k = i;
      while (isDigit(text[k])) k++;
      if (text[k] === '.' && isDigit(text[k + 1])) {
        k++;
        while (isDigit(text[k])) k++;
      } else if (text[k] === '.' && !isIdentStart(text[k + 1] ?? ' ')) {
        k++;
      }
      if ((text[k] === 'e' || text[k] === 'E') && (isDigit(text[k + 1]) || ((text[k + 1] === '+' || text[k + 1] === '-') && isDigit(text[k + 2])))) {
        k += 2;
        while (isDigit(text[k])) k++;
      }
      advance(k);
      push('number', start, text.slice(start.offset, k));
      continue;
    }
    if (isIdentStart(c)) {
      let k = i + 1;
      while (k < text.length && isIdentPart(text[k]!)) k++;
      advance(k);
      push('word', start, text.slice(start.offset, k).toLowerCase());
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_SYMBOLS.has(two)) {
      advance(i + 2);
      push('symbol', start, two);
      continue;
    }
    if (ONE_CHAR_SYMBOLS.has(c)) {
      advance(i + 1);
      push('symbol', start, c);
      continue;
    }
    fail(`unexpected character ${JSON.stringify(c)}`, start);
  }
  tokens.push({ kind: 'eof', value: '', ...position(i), end: i, text: '' });
  return tokens;
}

/** How a token reads in an error message: `end of input`, `keyword FROM`, `string 'x'`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'word':
      return `"${t.text}"`;
    case 'quoted-ident':
      return `identifier ${t.text.length > 40 ? t.text.slice(0, 40) + '…' : t.text}`;
    case 'string':
      return 'a string literal';
    case 'number':
      return `number ${t.text}`;
    case 'parameter':
      return `parameter ${t.text}`;
    case 'symbol':
      return `"${t.text}"`;
  }
}
