/**
 * A reader for the plain YAML that manifests are written in, in about a
 * tenth of the time the yaml package takes on a large manifest: block mappings
 * and sequences (`- key: value` items too), plain and one-line quoted
 * scalars, one-line flow sequences and mappings of scalars, comments and
 * blank lines.
 *
 * It is a shortcut, never a second opinion: whatever it does not read
 * exactly as the general parser would (anchors, aliases, merge keys, tags,
 * directives, block and multi-line scalars, tabs, `?` keys, keys that are not
 * strings, duplicate keys, document markers, escapes it does not know, any
 * error, ...) makes it give up, and the caller reads the text with the
 * general parser, which also reports every error. What it returns is the
 * value the general parser's toJS gives (YAML 1.2 core schema), and where
 * each key and value starts, by the general parser's conventions: a block
 * mapping starts at its first key, a block sequence at its first `-`, a flow
 * collection at its bracket, a quoted scalar at its quote, an empty value
 * just after its `:` or `-` and the spaces that follow on that line.
 */

/**
 * Where a value was written: a scalar's start offset (0 or more), or a
 * collection, as -1 - its offset in Positions' collections.
 */
type Node = number;

const MAP = 0;
const SEQ = 1;

/** Entries at least this many are looked up through an index built on first use (a section holds thousands of names). */
const INDEX_FROM = 16;

/**
 * Where every key and value starts, in two flat arrays: an object per
 * collection (and arrays of its entries) would be most of the memory reading
 * a large manifest takes, and copying entries into place most of its time.
 */
class Positions {
  /** Per collection, four numbers: where it starts, MAP or SEQ, its first entry (-1 if none), how many it holds. */
  readonly #collections: number[] = [];
  /** Per entry, four slots: its key ('' in a sequence), where the key starts (-1 in a sequence), its value, the next entry of its collection (-1 after the last). */
  readonly #entries: (string | number)[] = [];
  readonly #indexes = new Map<number, Map<string | number, number>>();

  /** Adds an entry after `previous` (-1 for a collection's first); returns the new entry. */
  add(key: string, keyStart: number, value: Node, previous: number): number {
    const entry = this.#entries.length;
    this.#entries.push(key, keyStart, value, -1);
    if (previous !== -1) this.#entries[previous + 3] = entry;
    return entry;
  }

  collection(kind: number, start: number, first: number, count: number): Node {
    const at = this.#collections.length;
    this.#collections.push(start, kind, first, count);
    return -1 - at;
  }

  startOf(node: Node): number {
    return node >= 0 ? node : this.#collections[-1 - node]!;
  }

  keyStart(entry: number): number {
    return this.#entries[entry + 1] as number;
  }

  value(entry: number): Node {
    return this.#entries[entry + 2] as Node;
  }

  /** The entry of `segment` in a collection, or -1; with the same conversions as the general parser's path. */
  entryOf(node: Node, segment: string | number): number {
    if (node >= 0) return -1;
    const at = -1 - node;
    const kind = this.#collections[at + 1]!;
    const count = this.#collections[at + 3]!;
    // A sequence is looked up as an array is, `items[Number(segment)]`.
    const key = kind === SEQ ? Number(segment) : String(segment);
    if (kind === SEQ && !(Number.isInteger(key) && (key as number) >= 0 && (key as number) < count)) return -1;
    if (count >= INDEX_FROM) return this.#index(at).get(key) ?? -1;
    let ordinal = 0;
    for (let e = this.#collections[at + 2]!; e !== -1; e = this.#entries[e + 3] as number, ordinal++) {
      if (kind === SEQ ? ordinal === key : this.#entries[e] === key) return e;
    }
    return -1;
  }

  /** A large collection's entries by name (a mapping) or by ordinal (a sequence), built once. */
  #index(at: number): Map<string | number, number> {
    let index = this.#indexes.get(at);
    if (!index) {
      index = new Map();
      const seq = this.#collections[at + 1] === SEQ;
      let ordinal = 0;
      for (let e = this.#collections[at + 2]!; e !== -1; e = this.#entries[e + 3] as number, ordinal++) {
        const key = seq ? ordinal : (this.#entries[e] as string);
        // The first occurrence wins, as in the general parser's lookup (this reader gives up on duplicates anyway).
        if (!index.has(key)) index.set(key, e);
      }
      this.#indexes.set(at, index);
    }
    return index;
  }
}

export interface PlainYaml {
  /** The document's value, as the general parser's toJS gives it. */
  readonly value: Record<string, unknown>;
  /**
   * The offset where the value at `path` (or, with `key`, its key) starts;
   * the deepest ancestor's when the path goes further than the document.
   */
  offsetOf(path: readonly (string | number)[], target: 'value' | 'key'): number;
}

/** The document read, or undefined when it is not (exactly) in the subset this reader knows. */
export function readPlainYaml(text: string): PlainYaml | undefined {
  // Characters whose handling differs between lines, scalars and the general parser's lexer: not worth the risk.
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    const positions = new Positions();
    const { value, node } = new Reader(text, positions).readDocument();
    return { value, offsetOf: (path, target) => offsetOf(positions, node, path, target) };
  } catch {
    // Giving up, or a case this reader did not foresee: either way the general parser decides.
    return undefined;
  }
}

const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;

/** Thrown to give up; caught in readPlainYaml. */
const GIVE_UP = Symbol('not in the plain subset');

/** Deeper nesting than any manifest needs is left to the general parser (and its limits). */
const MAX_DEPTH = 64;

/** The general parser refuses implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY_LENGTH = 1000;

const LF = 10;
const SPACE = 32;
const HASH = 35;
const SQUOTE = 39;
const DQUOTE = 34;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

function giveUp(): never {
  throw GIVE_UP;
}

/** Blank lines and lines holding only a comment, from the start of a line. */
const NOT_CONTENT = /(?: *(?:#[^\n]*)?\n)*/y;
const SPACES = / */y;
/**
 * A plain scalar in block context: up to a line break, a `:` followed by a
 * space, a line break or the end (a mapping indicator), or a space followed
 * by `#` (a comment).
 */
const PLAIN = /(?:[^\n :]|:(?=[^ \n])| (?!#))*/y;

/**
 * The reader keeps its results in fields rather than in returned objects:
 * a manifest of 10,000 objects is read once per run, mostly before the
 * optimising compiler has caught up, so every allocation per line counts.
 */
class Reader {
  readonly #text: string;
  readonly #length: number;
  readonly #positions: Positions;
  /** On a content line: the offset of its first character that is not a space; the text's length at the end. */
  #pos = 0;
  /** That character's column (0-based), or -1 at the end of the text. */
  #indent = -1;
  #depth = 0;
  /** Where the value just read was written. */
  #node: Node = 0;
  /** After scanning a scalar: the offset after its last character that is not a space, and where the scan stopped. */
  #end = 0;
  #stop = 0;

  constructor(text: string, positions: Positions) {
    this.#text = text;
    this.#length = text.length;
    this.#positions = positions;
  }

  readDocument(): { value: Record<string, unknown>; node: Node } {
    this.#skipToContent(0);
    // A manifest is a mapping at column 0; anything else (empty, a list, a scalar) is the general parser's.
    if (this.#indent !== 0) giveUp();
    const value = this.#readMap(0);
    // The mapping at column 0 reads to the end or gives up; this only guards that.
    if (this.#pos !== this.#length) giveUp();
    return { value, node: this.#node };
  }

  #code(at: number): number {
    return at < this.#length ? this.#text.charCodeAt(at) : -1;
  }

  #skipSpaces(at: number): number {
    SPACES.lastIndex = at;
    SPACES.test(this.#text);
    return SPACES.lastIndex;
  }

  /** From the start of a line, past blank and comment lines, to the next content line (or the end). */
  #skipToContent(lineStart: number): void {
    NOT_CONTENT.lastIndex = lineStart;
    NOT_CONTENT.test(this.#text);
    const start = NOT_CONTENT.lastIndex;
    const first = this.#skipSpaces(start);
    // A last line of spaces or of a comment, with no line break after it.
    if (first >= this.#length || this.#text.charCodeAt(first) === HASH) {
      this.#pos = this.#length;
      this.#indent = -1;
      return;
    }
    // Document markers start a new document or end this one.
    if (first === start && (this.#startsMarker(first, DASH) || this.#startsMarker(first, DOT))) giveUp();
    this.#pos = first;
    this.#indent = first - start;
  }

  #startsMarker(at: number, char: number): boolean {
    return this.#code(at) === char && this.#code(at + 1) === char && this.#code(at + 2) === char;
  }

  /** After a value on a line: only spaces and a comment may follow; then on to the next content line. */
  #endLine(at: number): void {
    const after = this.#skipSpaces(at);
    const c = this.#code(after);
    if (c === LF) this.#skipToContent(after + 1);
    else if (c === -1) this.#skipToContent(this.#length);
    else if (c === HASH && after > at) {
      const end = this.#text.indexOf('\n', after);
      this.#skipToContent(end === -1 ? this.#length : end + 1);
    } else giveUp();
  }

  /** `-` followed by a space or the end of the line: a block sequence entry. */
  #isEntry(at: number): boolean {
    if (this.#code(at) !== DASH) return false;
    const next = this.#code(at + 1);
    return next === SPACE || next === LF || next === -1;
  }

  #enter(): void {
    if (++this.#depth > MAX_DEPTH) giveUp();
  }

  /** A block mapping whose keys are at column `indent`; the current position is its first key. */
  #readMap(indent: number): Record<string, unknown> {
    this.#enter();
    const value: Record<string, unknown> = {};
    const start = this.#pos;
    let first = -1;
    let last = -1;
    let count = 0;
    for (;;) {
      const keyStart = this.#pos;
      const key = this.#readKey(keyStart, false);
      // #stop is the `:`, followed by a space or a line break (checked by readKey).
      const entry = this.#readValue(this.#stop + 1, indent, true);
      // A name declared twice is an error the general parser's caller reports.
      if (Object.hasOwn(value, key)) giveUp();
      value[key] = entry;
      last = this.#positions.add(key, keyStart, this.#node, last);
      if (count++ === 0) first = last;
      if (this.#indent === indent) continue;
      if (this.#indent > indent) giveUp();
      break;
    }
    this.#depth--;
    this.#node = this.#positions.collection(MAP, start, first, count);
    return value;
  }

  /** A block sequence whose `-` are at column `indent`; the current position is its first `-`. */
  #readSeq(indent: number): unknown[] {
    this.#enter();
    const value: unknown[] = [];
    const start = this.#pos;
    let first = -1;
    let last = -1;
    for (;;) {
      const dash = this.#pos;
      const at = this.#skipSpaces(dash + 1);
      const c = this.#code(at);
      if (c === LF || c === -1 || c === HASH) value.push(this.#readValue(dash + 1, indent, false));
      // `- - x` (a sequence in a sequence on one line) is valid, but no manifest needs it.
      else if (this.#isEntry(at)) giveUp();
      else if (this.#isKey(at)) {
        this.#pos = at;
        value.push(this.#readMap(indent + (at - dash)));
      } else value.push(this.#readInline(at));
      last = this.#positions.add('', -1, this.#node, last);
      if (first === -1) first = last;
      if (this.#indent === indent && this.#isEntry(this.#pos)) continue;
      if (this.#indent > indent) giveUp();
      break;
    }
    this.#depth--;
    this.#node = this.#positions.collection(SEQ, start, first, value.length);
    return value;
  }

  /**
   * The value after a mapping's `:` or a sequence's `-` (at `after`, just past
   * it), which belongs to a collection at column `indent`: on the same line,
   * on the lines below (more indented; a sequence may also sit at the
   * mapping's own column), or empty.
   */
  #readValue(after: number, indent: number, inMap: boolean): unknown {
    const at = this.#skipSpaces(after);
    const c = this.#code(at);
    // `key: - x` and `key: a: b` are errors; readInline refuses both.
    if (c !== LF && c !== -1 && c !== HASH) return this.#readInline(at);
    this.#endLine(after);
    if (this.#indent > indent) return this.#isEntry(this.#pos) ? this.#readSeq(this.#indent) : this.#readMap(this.#indent);
    if (inMap && this.#indent === indent && this.#isEntry(this.#pos)) return this.#readSeq(indent);
    // An empty value starts after the spaces that follow the indicator, as the general parser places it.
    this.#node = at;
    return null;
  }

  /** A scalar or a flow collection that ends its line. */
  #readInline(at: number): unknown {
    const c = this.#code(at);
    let value: unknown;
    if (c === LBRACKET) value = this.#readFlowSeq(at);
    else if (c === LBRACE) value = this.#readFlowMap(at);
    else if (c === SQUOTE || c === DQUOTE) {
      value = this.#readQuoted(at);
      this.#node = at;
    } else {
      if (this.#scanPlain(at)) giveUp();
      value = plainScalarValue(this.#text.slice(at, this.#end));
      this.#node = at;
    }
    this.#endLine(this.#stop);
    return value;
  }

  /** Whether a key (a scalar followed by `: ` or `:` at the end of the line) starts at `at`. */
  #isKey(at: number): boolean {
    const c = this.#code(at);
    if (c === SQUOTE || c === DQUOTE) {
      try {
        this.#readQuoted(at);
      } catch (error) {
        if (error === GIVE_UP) return false;
        throw error;
      }
      return this.#isMappingIndicator(this.#skipSpaces(this.#stop), false);
    }
    return isPlainStart(c, this.#code(at + 1)) && this.#scanPlain(at);
  }

  /** `:` followed by a space or (in block context) a line break or the end. */
  #isMappingIndicator(at: number, inFlow: boolean): boolean {
    if (this.#code(at) !== COLON) return false;
    const next = this.#code(at + 1);
    return next === SPACE || (!inFlow && (next === LF || next === -1));
  }

  /** A key and its `:` indicator, whose offset is left in #stop. */
  #readKey(at: number, inFlow: boolean): string {
    const c = this.#code(at);
    let key: string;
    if (c === SQUOTE || c === DQUOTE) {
      key = this.#readQuoted(at);
      this.#stop = this.#skipSpaces(this.#stop);
      if (!this.#isMappingIndicator(this.#stop, inFlow)) giveUp();
    } else {
      if (!(inFlow ? this.#scanFlowPlain(at, true) : this.#scanPlain(at))) giveUp();
      key = this.#text.slice(at, this.#end);
      // `1:`, `true:`, `null:`, `~:` are keys of other types; toJS turns them into strings its own way.
      if (typeof plainScalarValue(key) !== 'string') giveUp();
    }
    // `<<` merges mappings; `__proto__` is an own property only by the general parser's care.
    if (key === '<<' || key === '__proto__' || this.#stop - at > MAX_KEY_LENGTH) giveUp();
    return key;
  }

  /**
   * A plain scalar in block context from `at`: #end after its last character
   * that is not a space, #stop where it stopped (a line break, the end, the
   * space before a comment, or a `:` indicator); true for the `:`.
   */
  #scanPlain(at: number): boolean {
    if (!isPlainStart(this.#code(at), this.#code(at + 1))) giveUp();
    const text = this.#text;
    PLAIN.lastIndex = at;
    PLAIN.test(text);
    const stop = PLAIN.lastIndex;
    let end = stop;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.#end = end;
    this.#stop = stop;
    return text.charCodeAt(stop) === COLON;
  }

  /**
   * A plain scalar in a flow collection: it ends at `,`, `]` or `}` (or, for
   * a key, at `: `). Any other indicator inside it (`:`, `#`, `[`, `{`) is left
   * to the general parser. Sets #end and #stop as scanPlain does.
   */
  #scanFlowPlain(at: number, key: boolean): boolean {
    if (!isPlainStart(this.#code(at), this.#code(at + 1))) giveUp();
    const text = this.#text;
    const length = this.#length;
    let end = at;
    for (let i = at; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === RBRACKET || c === RBRACE) {
        if (key) giveUp();
        this.#end = end;
        this.#stop = i;
        return false;
      }
      if (c === COLON) {
        if (!key || text.charCodeAt(i + 1) !== SPACE) giveUp();
        this.#end = end;
        this.#stop = i;
        return true;
      }
      if (c === LF || c === HASH || c === LBRACKET || c === LBRACE) giveUp();
      if (c !== SPACE) end = i + 1;
    }
    return giveUp();
  }

  /** `[a, b]` on one line; #stop is after the `]`. */
  #readFlowSeq(at: number): unknown[] {
    this.#enter();
    const value: unknown[] = [];
    let first = -1;
    let last = -1;
    this.#readFlowEntries(at, RBRACKET, (i) => {
      value.push(this.#readFlowScalar(i));
      last = this.#positions.add('', -1, i, last);
      if (first === -1) first = last;
    });
    this.#depth--;
    this.#node = this.#positions.collection(SEQ, at, first, value.length);
    return value;
  }

  /** `{ a: b, c: d }` on one line; #stop is after the `}`. */
  #readFlowMap(at: number): Record<string, unknown> {
    this.#enter();
    const value: Record<string, unknown> = {};
    let first = -1;
    let last = -1;
    let count = 0;
    this.#readFlowEntries(at, RBRACE, (i) => {
      const key = this.#readKey(i, true);
      const valueAt = this.#skipSpaces(this.#stop + 1);
      const c = this.#code(valueAt);
      // `{ a: }` and `{ a: , b: c }` hold empty values; leave them to the general parser.
      if (c === COMMA || c === RBRACE || c === RBRACKET) giveUp();
      const entry = this.#readFlowScalar(valueAt);
      if (Object.hasOwn(value, key)) giveUp();
      value[key] = entry;
      last = this.#positions.add(key, i, valueAt, last);
      if (count++ === 0) first = last;
    });
    this.#depth--;
    this.#node = this.#positions.collection(MAP, at, first, count);
    return value;
  }

  /**
   * The entries of a one-line flow collection whose bracket is at `at`, up
   * to its closing bracket `close`: `readEntry` reads each (leaving #stop
   * after it), this the commas between them. #stop is after the closing bracket.
   */
  #readFlowEntries(at: number, close: number, readEntry: (at: number) => void): void {
    let i = this.#skipSpaces(at + 1);
    if (this.#code(i) !== close) {
      for (;;) {
        readEntry(i);
        i = this.#skipSpaces(this.#stop);
        const c = this.#code(i);
        if (c === close) break;
        if (c !== COMMA) giveUp();
        i = this.#skipSpaces(i + 1);
        // A trailing comma is valid, but rare enough to leave to the general parser.
        if (this.#code(i) === close) giveUp();
      }
    }
    this.#stop = i + 1;
  }

  /** A scalar in a flow collection; #stop is after it. */
  #readFlowScalar(at: number): unknown {
    const c = this.#code(at);
    if (c === SQUOTE || c === DQUOTE) return this.#readQuoted(at);
    this.#scanFlowPlain(at, false);
    return plainScalarValue(this.#text.slice(at, this.#end));
  }

  /** A single- or double-quoted scalar on one line; #stop is after the closing quote. */
  #readQuoted(at: number): string {
    const text = this.#text;
    const quote = text.charCodeAt(at);
    let value = '';
    let from = at + 1;
    for (let i = at + 1; ; i++) {
      const c = this.#code(i);
      if (c === LF || c === -1) giveUp();
      if (c === quote) {
        // `''` is a single quote inside single quotes.
        if (quote === SQUOTE && this.#code(i + 1) === SQUOTE) {
          value += text.slice(from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
        this.#stop = i + 1;
        return value + text.slice(from, i);
      }
      if (c === BACKSLASH && quote === DQUOTE) {
        const escaped = readEscape(text, i + 1);
        value += text.slice(from, i) + escaped.value;
        i = escaped.end - 1;
        from = escaped.end;
      }
    }
  }
}

/** The escapes of double-quoted scalars this reader knows; any other is left to the general parser. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** The escape whose letter is at `at` (after the backslash); `end` is after it. */
function readEscape(text: string, at: number): { value: string; end: number } {
  const letter = text[at] ?? '';
  const simple = Object.hasOwn(ESCAPES, letter) ? ESCAPES[letter] : undefined;
  if (simple !== undefined) return { value: simple, end: at + 1 };
  const digits = letter === 'x' ? 2 : letter === 'u' ? 4 : 0;
  if (digits === 0) giveUp();
  const hex = text.slice(at + 1, at + 1 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
  return { value: String.fromCodePoint(parseInt(hex, 16)), end: at + 1 + digits };
}

/**
 * Whether a plain scalar may start with `c` (then `next`). Indicators that
 * start something else (`&` `*` `!` `|` `>` `%` `@` `` ` `` `#` quotes,
 * brackets, `,`) are refused, as are `?` and `:` (keys and values of complex
 * mappings), and `<` (the merge key `<<`); `-` only before a letter, digit or `.`.
 */
function isPlainStart(c: number, next: number): boolean {
  if (c === DASH) return isAlphanumeric(next) || next === DOT;
  if (c < 0 || c === SPACE || c === LF) return false;
  return !PLAIN_START_REFUSED.has(c);
}

const PLAIN_START_REFUSED = new Set([...'-?:,[]{}#&*!|>\'"%@`<'].map((ch) => ch.charCodeAt(0)));

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * A plain scalar's value by the YAML 1.2 core schema: null (`~`, `null`,
 * `Null`, `NULL`), booleans (`true`, `True`, `TRUE` and the same for false),
 * integers (decimal with a sign, `0o` octal, `0x` hexadecimal), floats
 * (decimal, exponent, `.inf`, `.nan`), otherwise the text itself.
 */
function plainScalarValue(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most manifest values start with a letter no null, boolean or number starts with.
  if (!MAY_BE_TYPED[c]) return text;
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (HEXADECIMAL.test(text)) return parseInt(text.slice(2), 16);
  if (INFINITY.test(text)) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (NOT_A_NUMBER.test(text)) return Number.NaN;
  if (FLOAT.test(text)) return parseFloat(text);
  return text;
}

const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NOT_A_NUMBER = /^\.(?:nan|NaN|NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** First characters of the typed forms above: digits, signs, `.`, `~`, n N t T f F. */
const MAY_BE_TYPED: readonly boolean[] = (() => {
  const table: boolean[] = [];
  for (const ch of '0123456789+-.~nNtTfF') table[ch.charCodeAt(0)] = true;
  return table;
})();

/** The general parser's positionOf, over the positions this reader keeps. */
function offsetOf(positions: Positions, root: Node, path: readonly (string | number)[], target: 'value' | 'key'): number {
  let node = root;
  let best = positions.startOf(root);
  for (let i = 0; i < path.length; i++) {
    const entry = positions.entryOf(node, path[i]!);
    if (entry === -1) return best;
    const keyStart = positions.keyStart(entry);
    if (i === path.length - 1 && target === 'key' && keyStart !== -1) return keyStart;
    node = positions.value(entry);
    best = positions.startOf(node);
  }
  return best;
}
