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
const ONE_CHAR_SYMBOLS = '[](),=.;:+-*/%<>|!~^&@#?{}';

/**
 * What each character code below 0x80 can be: the lexer looks codes up here
 * instead of testing a regular expression per character (it reads every
 * stored definition of the catalog, tens of thousands at a time).
 */
const IDENT_START = 1;
const IDENT_PART = 2;
const DIGIT = 4;
const UPPER = 8;
const SPACE = 16;
/** One of ONE_CHAR_SYMBOLS; the symbol's string is kept in SYMBOL_TEXT, so that no token makes its own. */
const SYMBOL = 32;
const CLASS = new Uint8Array(128);
const SYMBOL_TEXT: string[] = [];
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let bits = 0;
  if (/[A-Za-z_]/.test(ch)) bits |= IDENT_START;
  if (/[A-Za-z0-9_$]/.test(ch)) bits |= IDENT_PART;
  if (/[0-9]/.test(ch)) bits |= DIGIT;
  if (/[A-Z]/.test(ch)) bits |= UPPER;
  if ('\n \t\r\f\v'.includes(ch)) bits |= SPACE;
  if (ONE_CHAR_SYMBOLS.includes(ch)) {
    bits |= SYMBOL;
    SYMBOL_TEXT[c] = ch;
  }
  CLASS[c] = bits;
}

/** Whether the code unit can start an identifier: a letter, `_`, or anything outside ASCII. -1 (past the end) cannot. */
function isIdentStartCode(c: number): boolean {
  return c >= 0x80 || (c >= 0 && (CLASS[c]! & IDENT_START) !== 0);
}

function isIdentPartCode(c: number): boolean {
  return c >= 0x80 || (c >= 0 && (CLASS[c]! & IDENT_PART) !== 0);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const ESCAPED: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/**
 * Splits `text` into tokens, ending with one `eof` token. Comments and
 * whitespace are dropped. Throws `SqlParseError` for an unterminated string,
 * quoted identifier or comment, or a character no token can start with.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  /** The code unit at `k`, -1 past the end: reading past the end (NaN) would send the optimized lexer back to the interpreter. */
  const codeAt = (k: number): number => (k < length ? text.charCodeAt(k) : -1);

  /** The first newline at or after `i` (`length` when there is none): kept, so that no token searches the rest of the text for one. */
  let nextNewline = text.indexOf('\n');
  if (nextNewline === -1) nextNewline = length;
  const newlineSeen = (): void => {
    line++;
    lineStart = nextNewline + 1;
    nextNewline = text.indexOf('\n', nextNewline + 1);
    if (nextNewline === -1) nextNewline = length;
  };
  /** Moves to `to`, counting the newlines of text[i, to) (strings, identifiers and comments may span lines). */
  const advance = (to: number): void => {
    while (nextNewline < to) newlineSeen();
    i = to;
  };
  /** A token from `start` (on the current line) to `i`. */
  const push = (kind: TokenKind, start: number, startLine: number, startColumn: number, value: string, source: string): void => {
    tokens.push({ kind, value, offset: start, line: startLine, column: startColumn, end: i, text: source });
  };
  const fail = (message: string, offset: number): never => {
    throw new SqlParseError(message, { offset, line, column: offset - lineStart + 1 });
  };
  /** Where the last `quotedBody` ended: past its closing quote. */
  let bodyEnd = 0;
  /**
   * The body of a literal closed by `quote`, from `k` on, a doubled quote
   * standing for one; sets `bodyEnd`. Undefined when it never closes.
   */
  const quotedBody = (quote: string, k: number): string | undefined => {
    const quoteCode = quote.charCodeAt(0);
    let value = '';
    for (;;) {
      const close = text.indexOf(quote, k);
      if (close === -1) return undefined;
      if (codeAt(close + 1) === quoteCode) {
        value += text.slice(k, close + 1);
        k = close + 2;
        continue;
      }
      bodyEnd = close + 1;
      return value === '' ? text.slice(k, close) : value + text.slice(k, close);
    }
  };

  while (i < length) {
    const code = codeAt(i);
    const bits = code < 128 ? CLASS[code]! : 0;
    if ((bits & SPACE) !== 0) {
      if (code === 10) newlineSeen();
      i++;
      continue;
    }
    const nextCode = codeAt(i + 1);
    const column = i - lineStart + 1;
    const start = i;
    if ((bits & IDENT_START) !== 0 || code >= 0x80) {
      // `E'...'` is a string with escapes, not the word E.
      if (!((code === 69 || code === 101) && nextCode === 39)) {
        let k = i + 1;
        let fold = (bits & UPPER) !== 0 || code >= 0x80;
        for (;;) {
          const c = codeAt(k);
          if (c >= 0x80) fold = true;
          else if (c >= 0 && (CLASS[c]! & IDENT_PART) !== 0) fold ||= (CLASS[c]! & UPPER) !== 0;
          else break;
          k++;
        }
        i = k;
        const source = text.slice(start, k);
        push('word', start, line, column, fold ? source.toLowerCase() : source, source);
        continue;
      }
    }
    if ((bits & SYMBOL) !== 0) {
      if (code === 45 && nextCode === 45) {
        // `--` comment, to the end of the line.
        i = nextNewline;
        continue;
      }
      if (code === 47 && nextCode === 42) {
        // Nested like Postgres and Materialize: `/* a /* b */ c */` is one comment.
        let depth = 0;
        let k = i;
        while (k < length) {
          const c = codeAt(k);
          if (c === 47 && codeAt(k + 1) === 42) {
            depth++;
            k += 2;
          } else if (c === 42 && codeAt(k + 1) === 47) {
            depth--;
            k += 2;
            if (depth === 0) break;
          } else k++;
        }
        if (depth !== 0) fail('unterminated /* comment', start);
        advance(k);
        continue;
      }
      if (code === 46 && isDigitCode(nextCode)) {
        // `.5`: a number, read below.
      } else {
        const two = nextCode >= 0 && nextCode < 128 && (CLASS[nextCode]! & SYMBOL) !== 0 ? text.slice(i, i + 2) : undefined;
        if (two !== undefined && TWO_CHAR_SYMBOLS.has(two)) {
          i += 2;
          push('symbol', start, line, column, two, two);
          continue;
        }
        const symbol = SYMBOL_TEXT[code]!;
        i++;
        push('symbol', start, line, column, symbol, symbol);
        continue;
      }
    }
    if (code === 39 || code === 69 || code === 101) {
      // `'...'`, or `E'...'` with backslash escapes (only those reach here with E).
      const startLine = line;
      if (code === 39) {
        const body = quotedBody("'", i + 1);
        if (body === undefined) fail('unterminated string literal', start);
        advance(bodyEnd);
        push('string', start, startLine, column, body!, text.slice(start, i));
        continue;
      }
      let k = i + 2;
      let value = '';
      for (;;) {
        if (k >= length) fail('unterminated string literal', start);
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
        if (ch === '\\' && k + 1 < length) {
          const e = text[k + 1]!;
          value += ESCAPED[e] ?? e;
          k += 2;
          continue;
        }
        value += ch;
        k++;
      }
      advance(k);
      push('string', start, startLine, column, value, text.slice(start, i));
      continue;
    }
    if (code === 34) {
      const startLine = line;
      const body = quotedBody('"', i + 1);
      if (body === undefined) fail('unterminated quoted identifier', start);
      if (body === '') fail('zero-length delimited identifier', start);
      advance(bodyEnd);
      push('quoted-ident', start, startLine, column, body!, text.slice(start, i));
      continue;
    }
    if (code === 36) {
      if (isDigitCode(nextCode)) {
        let k = i + 1;
        while (isDigitCode(codeAt(k))) k++;
        i = k;
        const source = text.slice(start, k);
        push('parameter', start, line, column, source, source);
        continue;
      }
      // Dollar quoting: $$...$$ or $tag$...$tag$.
      let k = i + 1;
      if (isIdentStartCode(nextCode) && nextCode < 0x80) {
        k++;
        while (codeAt(k) < 0x80 && isIdentPartCode(codeAt(k)) && codeAt(k) !== 36) k++;
      }
      if (codeAt(k) === 36) {
        const startLine = line;
        const delimiter = text.slice(i, k + 1);
        const bodyStart = k + 1;
        const close = text.indexOf(delimiter, bodyStart);
        if (close === -1) fail('unterminated dollar-quoted string', start);
        advance(close + delimiter.length);
        push('string', start, startLine, column, text.slice(bodyStart, close), text.slice(start, i));
        continue;
      }
    }
    if ((bits & DIGIT) !== 0 || code === 46) {
      // A digit, or `.` before a digit (a lone `.` is a symbol, read above).
      let k = i;
      while (isDigitCode(codeAt(k))) k++;
      if (codeAt(k) === 46 && isDigitCode(codeAt(k + 1))) {
        k++;
        while (isDigitCode(codeAt(k))) k++;
      } else if (codeAt(k) === 46 && !isIdentStartCode(codeAt(k + 1))) {
        k++;
      }
      const e = codeAt(k);
      const sign = codeAt(k + 1);
      if ((e === 101 || e === 69) && (isDigitCode(sign) || ((sign === 43 || sign === 45) && isDigitCode(codeAt(k + 2))))) {
        k += 2;
        while (isDigitCode(codeAt(k))) k++;
      }
      i = k;
      const source = text.slice(start, k);
      push('number', start, line, column, source, source);
      continue;
    }
    fail(`unexpected character ${JSON.stringify(text[i])}`, start);
  }
  tokens.push({ kind: 'eof', value: '', offset: i, line, column: i - lineStart + 1, end: i, text: '' });
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
