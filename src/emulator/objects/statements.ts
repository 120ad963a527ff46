import type { Ident, ItemName } from '../../sql/ast.js';
import { tokenize, type Token } from '../../sql/lexer.js';
import { MzError, SQLSTATE } from '../errors.js';

/**
 * The user's own objects over the sources mzform manages: views,
 * materialized views, tables, indexes and Kafka sinks. The emulator keeps
 * them as opaque definitions: it reads their name, cluster, the relation an
 * index or sink is on, and the names after FROM / JOIN / ON (their
 * dependencies); the rest of the text is kept as written.
 */
export type RelationKind = 'view' | 'materialized-view' | 'table' | 'index' | 'sink';

/** A name in the definition that refers to a catalog item: where it is in `text`. */
export interface NameReference {
  readonly name: ItemName;
  readonly start: number;
  readonly end: number;
}

export interface CreateRelationStatement {
  readonly kind: 'create_relation';
  readonly objectKind: RelationKind;
  readonly ifNotExists: boolean;
  /** Absent for an index named by Materialize (`CREATE INDEX ON v (a)`, `CREATE DEFAULT INDEX ON v`). */
  readonly name?: ItemName;
  readonly inCluster?: Ident;
  /** Index: the relation it is on; sink: the relation it reads. */
  readonly on?: NameReference;
  /** Index: the indexed expressions as written, empty for DEFAULT INDEX. */
  readonly keys?: readonly string[];
  /** Sink: `INTO KAFKA CONNECTION c`. */
  readonly connection?: NameReference;
  /** The statement text. */
  readonly text: string;
  /** Where the definition starts in `text` (after the name and IN CLUSTER). */
  readonly bodyStart: number;
  /** Names of other relations in the body (views and materialized views: after FROM / JOIN). */
  readonly references: readonly NameReference[];
}

export interface DropRelationStatement {
  readonly kind: 'drop_relation';
  readonly objectKind: RelationKind;
  readonly ifExists: boolean;
  readonly names: readonly ItemName[];
  readonly cascade: boolean;
}

export interface AlterRelationOwnerStatement {
  readonly kind: 'alter_relation_owner';
  readonly objectKind: RelationKind;
  readonly ifExists: boolean;
  readonly name: ItemName;
  readonly role: Ident;
}

export type RelationStatement = CreateRelationStatement | DropRelationStatement | AlterRelationOwnerStatement;

/** The words naming each kind, as statements and messages write them. */
export const RELATION_WORDS: Record<RelationKind, string> = {
  view: 'VIEW',
  'materialized-view': 'MATERIALIZED VIEW',
  table: 'TABLE',
  index: 'INDEX',
  sink: 'SINK',
};

/** Whether a statement's first words make it one of these (routing). */
export function isRelationStatement(words: readonly string[]): boolean {
  const [verb, w1, w2] = words;
  if (verb !== 'create' && verb !== 'drop' && verb !== 'alter') return false;
  const kindWord = w1 === 'or' || w1 === 'default' ? w2 : w1;
  return kindWord === 'view' || kindWord === 'materialized' || kindWord === 'table' || kindWord === 'index' || kindWord === 'sink';
}

class Reader {
  i = 0;
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)]!;
  }
  next(): Token {
    return this.tokens[this.i++]!;
  }
  isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'word' && t.value === word;
  }
  eatWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.i++;
    return true;
  }
  eatWords(...words: string[]): boolean {
    if (!words.every((w, j) => this.isWord(w, j))) return false;
    this.i += words.length;
    return true;
  }
  expectWord(word: string): void {
    if (!this.eatWord(word)) throw syntax(word.toUpperCase(), this.peek());
  }
  isSymbol(symbol: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'symbol' && t.value === symbol;
  }
  isIdent(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'word' || t.kind === 'quoted-ident';
  }
  ident(): Ident {
    const t = this.peek();
    if (!this.isIdent()) throw syntax('identifier', t);
    this.next();
    return { value: t.value, quoted: t.kind === 'quoted-ident', pos: t };
  }
  name(): NameReference {
    const first = this.peek();
    const parts = [this.ident()];
    while (this.isSymbol('.') && this.isIdent(1)) {
      this.next();
      parts.push(this.ident());
    }
    return { name: { parts, pos: first }, start: first.offset, end: this.tokens[this.i - 1]!.end };
  }
  atEnd(): boolean {
    return this.peek().kind === 'eof' || (this.isSymbol(';') && this.peek(1).kind === 'eof');
  }
}

function syntax(expected: string, found: Token): MzError {
  return new MzError(`Expected ${expected}, found ${found.kind === 'eof' ? 'EOF' : found.text}`, { sqlstate: SQLSTATE.syntaxError });
}

function relationKind(r: Reader): RelationKind | undefined {
  if (r.eatWords('materialized', 'view')) return 'materialized-view';
  if (r.eatWord('view')) return 'view';
  if (r.eatWord('table')) return 'table';
  if (r.eatWord('index')) return 'index';
  if (r.eatWord('sink')) return 'sink';
  return undefined;
}

/** Parses a CREATE / DROP / ALTER ... OWNER TO of a view, materialized view, table, index or sink; undefined for any other statement. */
function isTableFromSource(tokens: readonly Token[]): boolean {
  const words = tokens.map((t) => (t.kind === 'word' ? t.value : ''));
  if (words[0] !== 'create' || !words.slice(1, 3).includes('table')) return false;
  return words.some((w, i) => w === 'from' && words[i + 1] === 'source');
}

export function parseRelationStatement(text: string): RelationStatement | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return undefined;
  }
  const r = new Reader(text, tokens);
  // CREATE TABLE ... FROM SOURCE is DDL the emulator models (ddl/table-from-source.ts), not an opaque table.
  if (isTableFromSource(tokens)) return undefined;
  if (r.eatWord('create')) return parseCreate(r);
  if (r.eatWord('drop')) {
    const objectKind = relationKind(r);
    if (!objectKind) return undefined;
    const ifExists = r.eatWords('if', 'exists');
    const names = [r.name().name];
    while (r.isSymbol(',')) {
      r.next();
      names.push(r.name().name);
    }
    const cascade = r.eatWord('cascade');
    if (!cascade) r.eatWord('restrict');
    if (!r.atEnd()) throw syntax('end of statement', r.peek());
    return { kind: 'drop_relation', objectKind, ifExists, names, cascade };
  }
  if (r.eatWord('alter')) {
    const objectKind = relationKind(r);
    if (!objectKind) return undefined;
    const ifExists = r.eatWords('if', 'exists');
    const name = r.name().name;
    if (!r.eatWords('owner', 'to')) return undefined;
    const role = r.ident();
    if (!r.atEnd()) throw syntax('end of statement', r.peek());
    return { kind: 'alter_relation_owner', objectKind, ifExists, name, role };
  }
  return undefined;
}

function parseCreate(r: Reader): CreateRelationStatement | undefined {
  const isDefault = r.eatWord('default');
  const objectKind = relationKind(r);
  if (!objectKind || (isDefault && objectKind !== 'index')) return undefined;
  const ifNotExists = r.eatWords('if', 'not', 'exists');
  let name: ItemName | undefined;
  if (!(objectKind === 'index' && (r.isWord('on') || r.isWord('in')))) name = r.name().name;
  const inCluster = r.eatWords('in', 'cluster') ? r.ident() : undefined;
  const bodyStart = r.peek().offset;
  const base = { kind: 'create_relation' as const, objectKind, ifNotExists, ...(name ? { name } : {}), ...(inCluster ? { inCluster } : {}), text: r.text, bodyStart };
  switch (objectKind) {
    case 'index': {
      r.expectWord('on');
      const on = r.name();
      const keys = isDefault ? [] : indexKeys(r);
      return { ...base, on, keys, references: [] };
    }
    case 'sink': {
      r.expectWord('from');
      const on = r.name();
      r.expectWord('into');
      r.expectWord('kafka');
      r.expectWord('connection');
      const connection = r.name();
      return { ...base, on, connection, references: [] };
    }
    case 'view':
    case 'materialized-view':
      return { ...base, references: queryReferences(r) };
    case 'table':
      return { ...base, references: [] };
  }
}

/** `(a, b + 1)`: each key's text as written. */
function indexKeys(r: Reader): string[] {
  if (!r.isSymbol('(')) throw syntax('(', r.peek());
  r.next();
  const keys: string[] = [];
  let depth = 0;
  let start = r.peek().offset;
  while (!r.atEnd()) {
    const t = r.next();
    if (t.kind === 'symbol' && t.value === '(') depth++;
    else if (t.kind === 'symbol' && t.value === ')') {
      if (depth === 0) {
        keys.push(r.text.slice(start, t.offset).trim());
        return keys;
      }
      depth--;
    } else if (t.kind === 'symbol' && t.value === ',' && depth === 0) {
      keys.push(r.text.slice(start, t.offset).trim());
      start = r.peek().offset;
    }
  }
  throw syntax(')', r.peek());
}

/** The names right after FROM, JOIN and the commas of a FROM list: the relations a query reads. */
function queryReferences(r: Reader): NameReference[] {
  const out: NameReference[] = [];
  let inFromList = false;
  while (!r.atEnd()) {
    const t = r.peek();
    if (t.kind === 'word' && (t.value === 'from' || t.value === 'join')) {
      r.next();
      if (r.isIdent() && !r.isSymbol('(', 1)) {
        out.push(r.name());
        inFromList = true;
      }
      continue;
    }
    if (inFromList && t.kind === 'symbol' && t.value === ',' && r.isIdent(1)) {
      r.next();
      if (!r.isSymbol('(', 1)) out.push(r.name());
      continue;
    }
    if (t.kind === 'word' && ['where', 'group', 'having', 'order', 'limit', 'union', 'except', 'intersect', 'on', 'select'].includes(t.value)) inFromList = false;
    if (t.kind === 'symbol' && (t.value === '(' || t.value === ')')) inFromList = false;
    r.next();
  }
  return out;
}
