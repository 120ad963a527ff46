import {
  CONNECTION_OPTION_NAMES,
  type AlterConnectionAction,
  type AlterConnectionStatement,
  type AlterSourceStatement,
  type BrokerTunnel,
  type ClusterRef,
  type ConnectionOption,
  type ConnectionOptionName,
  type ConnectionOptionValue,
  type ConnectionTypeName,
  type CreateConnectionStatement,
  type CreateContainerStatement,
  type CreateSourceFormat,
  type CreateSourceStatement,
  type CreateTableFromSourceStatement,
  type EnvelopeSpec,
  type FormatSpec,
  type GenericOption,
  type Ident,
  type IncludeItem,
  type ItemKind,
  type ItemName,
  type KafkaBroker,
  type ParsedStatement,
  type ReferencedSubsources,
  type SchemaStrategy,
  type ShowStatement,
  type SourceConnection,
  type StatementAst,
  type Value,
} from './ast.js';
import { SqlParseError, type SqlPosition } from './errors.js';
import { describeToken, tokenize, type Token } from './lexer.js';

/**
 * A recursive-descent parser for the Materialize DDL mzform reads and writes.
 *
 * Deliberately more lenient than Materialize in one respect: inside option
 * lists a missing comma between two options, and a trailing comma before `)`,
 * are accepted, because Materialize's own documentation has examples with
 * both (Materialize rejects them). Everything else follows its grammar.
 */

/**
 * Each name of an option list split into lower-case words, grouped by their
 * first word, once per list: the parser tries only the names whose first
 * word is the one at the cursor, in the list's order. Splitting and trying
 * every name for every option read was a good part of reading 10,000 stored
 * definitions.
 */
type OptionNames = ReadonlyMap<string, readonly { name: string; words: readonly string[] }[]>;
const splitNames = new WeakMap<readonly string[], OptionNames>();
function namesByFirstWord(names: readonly string[]): OptionNames {
  let byFirst = splitNames.get(names);
  if (!byFirst) {
    const grouped = new Map<string, { name: string; words: readonly string[] }[]>();
    for (const name of names) {
      const words = name.toLowerCase().split(' ');
      const group = grouped.get(words[0]!);
      if (group) group.push({ name, words });
      else grouped.set(words[0]!, [{ name, words }]);
    }
    byFirst = grouped;
    splitNames.set(names, byFirst);
  }
  return byFirst;
}

/** Parses a script of `;`-separated statements. Throws `SqlParseError` at the first problem. */
export function parseStatements(text: string): ParsedStatement[] {
  const parser = new Parser(text);
  return parser.parseScript();
}

/** Parses exactly one statement (a trailing `;` is allowed). */
export function parseStatement(text: string): StatementAst {
  const statements = parseStatements(text);
  if (statements.length !== 1) {
    const at = statements[1]?.pos ?? { offset: 0, line: 1, column: 1 };
    throw new SqlParseError(statements.length === 0 ? 'expected a statement, found nothing' : 'expected one statement, found several', at);
  }
  return statements[0]!.statement;
}

const CONNECTION_OPTION_WORDS: readonly string[] = [...CONNECTION_OPTION_NAMES, 'USERNAME'];

const SOURCE_CONNECTION_OPTION_WORDS = [
  'TOPIC',
  'GROUP ID PREFIX',
  'START OFFSET',
  'START TIMESTAMP',
  'TOPIC METADATA REFRESH INTERVAL',
  'PUBLICATION',
  'TEXT COLUMNS',
  'EXCLUDE COLUMNS',
  'IGNORE COLUMNS',
  'DETAILS',
  'TICK INTERVAL',
  'AS OF',
  'UP TO',
  'SCALE FACTOR',
  'MAX CARDINALITY',
  'KEYS',
  'SNAPSHOT ROUNDS',
  'TRANSACTIONAL SNAPSHOT',
  'VALUE SIZE',
  'SEED',
  'PARTITIONS',
  'BATCH SIZE',
];

/** ALTER SOURCE SET / RESET take only these (parse_source_option_name in Materialize's parser). */
const ALTER_SOURCE_OPTION_WORDS = ['RETAIN HISTORY', 'TIMESTAMP INTERVAL'];
/** ALTER SOURCE ... ADD SUBSOURCE ... WITH (...); IGNORE COLUMNS is the older spelling of EXCLUDE COLUMNS. */
const ADD_SUBSOURCE_OPTION_WORDS = ['TEXT COLUMNS', 'EXCLUDE COLUMNS', 'IGNORE COLUMNS'];
const WITH_OPTION_WORDS = ['RETAIN HISTORY', 'TIMESTAMP INTERVAL', 'SIZE', 'VALIDATE', 'TEXT COLUMNS', 'EXCLUDE COLUMNS', 'DETAILS'];
const BROKER_OPTION_WORDS = ['PORT', 'AVAILABILITY ZONE'];
const CLUSTER_OPTION_WORDS = [
  'SIZE',
  'REPLICATION FACTOR',
  'MANAGED',
  'DISK',
  'INTROSPECTION INTERVAL',
  'INTROSPECTION DEBUGGING',
  'AVAILABILITY ZONES',
  'SCHEDULE',
  'WORKLOAD CLASS',
];
const CSR_FORMAT_OPTION_WORDS = ['AVRO KEY FULLNAME', 'AVRO VALUE FULLNAME', 'NULL DEFAULTS', 'KEY STRATEGY', 'VALUE STRATEGY'];

const CONNECTION_TYPES: readonly { words: readonly string[]; type: ConnectionTypeName }[] = [
  { words: ['kafka'], type: 'kafka' },
  { words: ['confluent', 'schema', 'registry'], type: 'confluent-schema-registry' },
  { words: ['postgres'], type: 'postgres' },
  { words: ['mysql'], type: 'mysql' },
  { words: ['aws', 'privatelink'], type: 'aws-privatelink' },
  { words: ['aws'], type: 'aws' },
  { words: ['ssh', 'tunnel'], type: 'ssh-tunnel' },
  { words: ['sql', 'server'], type: 'sql-server' },
  { words: ['iceberg', 'catalog'], type: 'iceberg-catalog' },
];

const LOAD_GENERATORS = ['COUNTER', 'AUCTION', 'MARKETING', 'TPCH', 'KEY VALUE', 'CLOCK', 'DATUMS'];

const ITEM_KINDS: Record<string, ItemKind> = { secret: 'secret', connection: 'connection', source: 'source', table: 'table' };
/** The WITH options of CREATE TABLE ... FROM SOURCE (src/sql-parser/src/ast/defs/statement.rs TableFromSourceOptionName). */
const TABLE_FROM_SOURCE_OPTION_WORDS = ['TEXT COLUMNS', 'EXCLUDE COLUMNS', 'DETAILS', 'PARTITION BY', 'RETAIN HISTORY'];
const ITEM_KINDS_PLURAL: Record<string, ItemKind> = { secrets: 'secret', connections: 'connection', sources: 'source', tables: 'table' };

/**
 * `u5`, `s20`, `si3`: the ids Materialize writes inside `[... AS ...]` and
 * `IN CLUSTER [...]` (`/^[a-z]+[0-9]+$/`, checked by hand: it is asked for
 * every name of every stored definition).
 */
function isCatalogId(text: string): boolean {
  let k = 0;
  while (k < text.length && text.charCodeAt(k) >= 97 && text.charCodeAt(k) <= 122) k++;
  if (k === 0 || k === text.length) return false;
  while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  return k === text.length;
}

/** Materialize's values nest two levels at most (`BROKERS = (... (PORT ...))`); far more is not DDL. */
const MAX_LIST_DEPTH = 32;

/** FORMAT, INCLUDE and ENVELOPE as they are read. */
interface DecodingClauses {
  format?: CreateSourceFormat;
  include?: IncludeItem[];
  envelope?: EnvelopeSpec;
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private listDepth = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  // -------------------------------------------------------------------------
  // Token helpers

  private peek(k = 0): Token {
    const at = this.i + k;
    const tokens = this.tokens;
    return at < tokens.length ? tokens[at]! : tokens[tokens.length - 1]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private previous(): Token {
    return this.tokens[Math.max(this.i - 1, 0)]!;
  }

  private isWord(word: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'word' && t.value === word;
  }

  private areWords(words: readonly string[], k = 0): boolean {
    return words.every((w, j) => this.isWord(w, k + j));
  }

  private eatWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.i++;
    return true;
  }

  private eatWords(...words: string[]): boolean {
    if (!this.areWords(words)) return false;
    this.i += words.length;
    return true;
  }

  private expectWord(...words: string[]): void {
    for (const w of words) {
      if (!this.eatWord(w)) this.fail(`expected ${w.toUpperCase()}, found ${describeToken(this.peek())}`);
    }
  }

  private isSymbol(symbol: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'symbol' && t.value === symbol;
  }

  private eatSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.i++;
    return true;
  }

  private expectSymbol(symbol: string): void {
    if (!this.eatSymbol(symbol)) this.fail(`expected "${symbol}", found ${describeToken(this.peek())}`);
  }

  private fail(message: string, at: SqlPosition = this.peek()): never {
    throw new SqlParseError(message, { offset: at.offset, line: at.line, column: at.column });
  }

  private pos(): SqlPosition {
    const t = this.peek();
    return { offset: t.offset, line: t.line, column: t.column };
  }

  /** Matches the longest of `names` (upper case, space-separated words) at the cursor and consumes it. */
  private eatOneOf(names: readonly string[]): string | undefined {
    const first = this.peek();
    if (first.kind !== 'word' && first.kind !== 'number') return undefined;
    const candidates = namesByFirstWord(names).get(first.value);
    if (candidates === undefined) return undefined;
    let best: string | undefined;
    let bestLength = 0;
    for (const { name, words } of candidates) {
      if (words.length > bestLength && this.wordsMatchFrom(words, 1)) {
        best = name;
        bestLength = words.length;
      }
    }
    if (best !== undefined) this.i += bestLength;
    return best;
  }

  /** Whether `words[from..]` are the tokens at `from..` ahead of the cursor. */
  private wordsMatchFrom(words: readonly string[], from: number): boolean {
    for (let j = from; j < words.length; j++) if (!this.tokenMatchesWord(this.peek(j), words[j]!)) return false;
    return true;
  }

  /** Option names may contain numbers (`PUBLIC KEY 1`). */
  private tokenMatchesWord(t: Token, word: string): boolean {
    return (t.kind === 'word' || t.kind === 'number') && t.value === word;
  }

  // -------------------------------------------------------------------------
  // Script

  parseScript(): ParsedStatement[] {
    const out: ParsedStatement[] = [];
    for (;;) {
      while (this.eatSymbol(';'));
      if (this.peek().kind === 'eof') return out;
      const first = this.peek();
      const statement = this.parseOne();
      const last = this.previous();
      if (!this.isSymbol(';') && this.peek().kind !== 'eof') {
        this.fail(`expected end of statement, found ${describeToken(this.peek())}`);
      }
      out.push({
        statement,
        text: this.text.slice(first.offset, last.end),
        pos: { offset: first.offset, line: first.line, column: first.column },
      });
    }
  }

  private parseOne(): StatementAst {
    const pos = this.pos();
    if (this.eatWord('create')) return this.parseCreate(pos);
    if (this.eatWord('alter')) return this.parseAlter(pos);
    if (this.eatWord('drop')) return this.parseDrop(pos);
    if (this.eatWord('comment')) return this.parseComment(pos);
    if (this.eatWord('validate')) {
      this.expectWord('connection');
      return { kind: 'validate_connection', name: this.parseItemName(), pos };
    }
    if (this.eatWord('set')) return this.parseSet(pos);
    if (this.eatWord('reset')) return this.parseReset(pos);
    if (this.eatWord('show')) return this.parseShow(pos);
    return this.fail(`expected a statement (CREATE, ALTER, DROP, COMMENT, VALIDATE, SET, RESET or SHOW), found ${describeToken(this.peek())}`);
  }

  // -------------------------------------------------------------------------
  // Names and values

  private parseIdent(): Ident {
    const t = this.peek();
    if (t.kind === 'word' || t.kind === 'quoted-ident') {
      this.i++;
      return { value: t.value, quoted: t.kind === 'quoted-ident', pos: { offset: t.offset, line: t.line, column: t.column } };
    }
    return this.fail(`expected an identifier, found ${describeToken(t)}`);
  }

  private isIdentStart(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'word' || t.kind === 'quoted-ident';
  }

  /** `[u5 AS "db"."s"."n"]` ahead? (As opposed to a `[a, b]` list.) */
  private isResolvedName(): boolean {
    const id = this.peek(1);
    return this.isSymbol('[') && id.kind === 'word' && isCatalogId(id.value) && this.isWord('as', 2);
  }

  private isItemNameStart(): boolean {
    return this.isIdentStart() || this.isResolvedName();
  }

  private parseItemName(): ItemName {
    const pos = this.pos();
    if (this.isResolvedName()) {
      this.next();
      const id = this.next().value;
      this.next();
      const parts = this.parseNameParts();
      this.expectSymbol(']');
      return { parts, id, pos };
    }
    return { parts: this.parseNameParts(), pos };
  }

  private parseUnresolvedItemName(): ItemName {
    const pos = this.pos();
    return { parts: this.parseNameParts(), pos };
  }

  private parseNameParts(): Ident[] {
    const parts = [this.parseIdent()];
    while (this.isSymbol('.') && this.isIdentStart(1)) {
      this.next();
      parts.push(this.parseIdent());
    }
    return parts;
  }

  private parseValue(): Value {
    const t = this.peek();
    const pos = this.pos();
    switch (t.kind) {
      case 'string':
        this.next();
        return { kind: 'string', value: t.value, pos };
      case 'number':
        this.next();
        return { kind: 'number', text: t.value, pos };
      case 'parameter':
        this.next();
        return { kind: 'parameter', text: t.value, pos };
      case 'symbol':
        if (t.value === '-' && this.peek(1).kind === 'number') {
          this.next();
          return { kind: 'number', text: `-${this.next().value}`, pos };
        }
        if ((t.value === '(' || t.value === '[') && !this.isResolvedName()) return this.parseList();
        if (t.value === '[') return { kind: 'name', name: this.parseItemName(), pos };
        break;
      case 'word':
        if (t.value === 'true' || t.value === 'false') {
          this.next();
          return { kind: 'boolean', value: t.value === 'true', pos };
        }
        if (t.value === 'null') {
          this.next();
          return { kind: 'null', pos };
        }
        if (t.value === 'secret' && (this.isIdentStart(1) || (this.isSymbol('[', 1) && this.peek(2).kind === 'word'))) {
          this.next();
          return { kind: 'secret', name: this.parseItemName(), pos };
        }
        if (t.value === 'for' && this.peek(1).kind === 'string') {
          this.next();
          return { kind: 'retain-history', value: this.parseValue(), pos };
        }
        return { kind: 'name', name: this.parseItemName(), pos };
      case 'quoted-ident':
        return { kind: 'name', name: this.parseItemName(), pos };
      case 'eof':
        break;
    }
    return this.fail(`expected a value, found ${describeToken(t)}`);
  }

  private parseList(): Value {
    const pos = this.pos();
    // Lists recurse through parseValue: a bound keeps thousands of `(` a parse error instead of a stack overflow.
    if (this.listDepth >= MAX_LIST_DEPTH) return this.fail(`lists are nested more than ${MAX_LIST_DEPTH} deep`);
    const open = this.next().value as '(' | '[';
    const close = open === '(' ? ')' : ']';
    const items: Value[] = [];
    this.listDepth++;
    try {
      if (!this.eatSymbol(close)) {
        do {
          items.push(this.parseValue());
        } while (this.eatSymbol(','));
        this.expectSymbol(close);
      }
    } finally {
      this.listDepth--;
    }
    return { kind: 'list', bracket: open, items, pos };
  }

  /** `AS <value>` of CREATE / ALTER SECRET: a literal, or a function call like `decode('..', 'base64')`. */
  private parseSecretValue(): Value {
    const pos = this.pos();
    if (this.isIdentStart() && this.isSymbol('(', this.peekNameLength())) {
      const fn = this.parseItemName();
      this.expectSymbol('(');
      const args: Value[] = [];
      if (!this.eatSymbol(')')) {
        do {
          args.push(this.parseValue());
        } while (this.eatSymbol(','));
        this.expectSymbol(')');
      }
      return { kind: 'call', function: fn, args, pos };
    }
    return this.parseValue();
  }

  /** How many tokens the dotted name at the cursor spans. */
  private peekNameLength(): number {
    let k = 1;
    while (this.isSymbol('.', k) && this.isIdentStart(k + 1)) k += 2;
    return k;
  }

  // -------------------------------------------------------------------------
  // Option lists

  /**
   * `( NAME [=] value, ... )`, lenient about a missing or trailing comma
   * (see the file comment). `known` lists the option names of the context,
   * matched longest first; an unknown name is accepted only when written as
   * words followed by `=`.
   */
  private parseGenericOptions(known: readonly string[], only?: string, nonEmpty = false): GenericOption[] {
    this.expectSymbol('(');
    const options: GenericOption[] = [];
    if (nonEmpty && this.isSymbol(')')) this.fail(`expected ${only}, found ${describeToken(this.peek())}`);
    while (!this.eatSymbol(')')) {
      options.push(only === undefined ? this.parseGenericOption(known) : this.parseKnownOption(known, only));
      this.eatOptionSeparator();
    }
    return options;
  }

  /** An option whose name must be one of `known` (Materialize's parser knows no other there). */
  private parseKnownOptionName(known: readonly string[], what: string): { name: string; pos: SqlPosition } {
    const pos = this.pos();
    const name = this.eatOneOf(known);
    if (name === undefined) this.fail(`expected ${what}, found ${describeToken(this.peek())}`);
    return { name, pos };
  }

  private parseKnownOption(known: readonly string[], what: string): GenericOption {
    const { name, pos } = this.parseKnownOptionName(known, what);
    const hasEquals = this.eatSymbol('=');
    if (!hasEquals && (this.isSymbol(',') || this.isSymbol(')'))) return { name, hasEquals, pos };
    return { name, hasEquals, value: this.parseValue(), pos };
  }

  private eatOptionSeparator(): void {
    if (this.eatSymbol(',')) return;
    if (this.isSymbol(')')) return;
    if (this.peek().kind === 'eof') this.fail(`expected ")", found ${describeToken(this.peek())}`);
    // A missing comma: tolerated, the next option name must follow.
  }

  private parseOptionName(known: readonly string[], what: string): { name: string; pos: SqlPosition } {
    const pos = this.pos();
    const name = this.eatOneOf(known);
    if (name !== undefined) return { name, pos };
    // Unknown to us but shaped like an option: words up to `=`.
    let k = 0;
    while (this.peek(k).kind === 'word') k++;
    if (k > 0 && this.isSymbol('=', k)) {
      const words: string[] = [];
      for (let j = 0; j < k; j++) words.push(this.next().value.toUpperCase());
      return { name: words.join(' '), pos };
    }
    return this.fail(`expected ${what}, found ${describeToken(this.peek())}`);
  }

  private parseGenericOption(known: readonly string[]): GenericOption {
    const { name, pos } = this.parseOptionName(known, 'an option name');
    const hasEquals = this.eatSymbol('=');
    if (!hasEquals && (this.isSymbol(',') || this.isSymbol(')'))) return { name, hasEquals, pos };
    return { name, hasEquals, value: this.parseValue(), pos };
  }

  private parseConnectionOptionName(): { name: ConnectionOptionName; spelledAs?: string; pos: SqlPosition } {
    const { name, pos } = this.parseOptionName(CONNECTION_OPTION_WORDS, 'a connection option');
    if (name === 'USERNAME') return { name: 'USER', spelledAs: 'USERNAME', pos };
    if (!(CONNECTION_OPTION_NAMES as readonly string[]).includes(name)) this.fail(`unknown connection option ${name}`, pos);
    return { name: name as ConnectionOptionName, pos };
  }

  private parseConnectionOption(): ConnectionOption {
    const { name, spelledAs, pos } = this.parseConnectionOptionName();
    const hasEquals = this.eatSymbol('=');
    let value: ConnectionOptionValue;
    switch (name) {
      case 'BROKER':
        value = { kind: 'broker', broker: this.parseBroker() };
        break;
      case 'BROKERS': {
        if (!this.isSymbol('(') && !this.isSymbol('[')) this.fail(`expected "(" or "[", found ${describeToken(this.peek())}`);
        const open = this.next().value as '(' | '[';
        const close = open === '(' ? ')' : ']';
        const brokers: KafkaBroker[] = [];
        while (!this.eatSymbol(close)) {
          brokers.push(this.isWord('matching') ? this.parseMatchingRule() : this.parseBroker());
          if (!this.eatSymbol(',') && !this.isSymbol(close)) this.fail(`expected "," or "${close}", found ${describeToken(this.peek())}`);
        }
        value = { kind: 'brokers', bracket: open, brokers };
        break;
      }
      case 'AWS PRIVATELINK': {
        if (!this.isItemNameStart()) {
          this.fail(`AWS PRIVATELINK needs a connection name, found ${describeToken(this.peek())}`);
        }
        const connection = this.parseItemName();
        const options = this.isSymbol('(') ? this.parseGenericOptions(BROKER_OPTION_WORDS) : [];
        value = { kind: 'privatelink', connection, options };
        break;
      }
      default:
        value = { kind: 'value', value: this.parseValue() };
    }
    return { name, ...(spelledAs ? { spelledAs } : {}), hasEquals, value, pos };
  }

  /** `MATCHING '*.use1-az1.*' USING AWS PRIVATELINK c [(...)]`: a rule routing matching brokers through PrivateLink. */
  private parseMatchingRule(): KafkaBroker {
    const pos = this.pos();
    this.expectWord('matching');
    const pattern = this.expectString('a broker pattern string');
    const inner = pattern.replace(/^\*/, '').replace(/\*$/, '');
    if (inner.includes('*')) this.fail('pattern may only contain `*` as a leading and/or trailing wildcard', pos);
    this.expectWord('using', 'aws', 'privatelink');
    const connection = this.parseItemName();
    const options = this.isSymbol('(') ? this.parseGenericOptions(BROKER_OPTION_WORDS) : [];
    return { address: pattern, tunnel: { kind: 'aws-privatelink', connection, options }, matching: true, pos };
  }

  /** `'host:port' [USING SSH TUNNEL t | USING AWS PRIVATELINK c [(PORT n, AVAILABILITY ZONE 'z')]]`. */
  private parseBroker(): KafkaBroker {
    const pos = this.pos();
    const t = this.peek();
    if (t.kind !== 'string') this.fail(`expected a broker address string, found ${describeToken(t)}`);
    this.next();
    let tunnel: BrokerTunnel = { kind: 'direct' };
    if (this.eatWord('using')) {
      if (this.eatWords('ssh', 'tunnel')) {
        tunnel = { kind: 'ssh-tunnel', connection: this.parseItemName() };
      } else if (this.eatWords('aws', 'privatelink')) {
        const connection = this.parseItemName();
        const options = this.isSymbol('(') ? this.parseGenericOptions(BROKER_OPTION_WORDS) : [];
        tunnel = { kind: 'aws-privatelink', connection, options };
      } else {
        this.fail(`expected SSH TUNNEL or AWS PRIVATELINK, found ${describeToken(this.peek())}`);
      }
    }
    return { address: t.value, tunnel, pos };
  }

  private parseWithOptions(): GenericOption[] {
    return this.eatWord('with') ? this.parseGenericOptions(WITH_OPTION_WORDS) : [];
  }

  // -------------------------------------------------------------------------
  // CREATE

  private parseIfNotExists(): boolean {
    return this.eatWords('if', 'not', 'exists');
  }

  private parseIfExists(): boolean {
    return this.eatWords('if', 'exists');
  }

  private parseCreate(pos: SqlPosition): StatementAst {
    if (this.eatWord('secret')) {
      const ifNotExists = this.parseIfNotExists();
      const name = this.parseItemName();
      let asKeyword: 'AS' | '=' = 'AS';
      if (this.eatSymbol('=')) asKeyword = '=';
      else this.expectWord('as');
      return { kind: 'create_secret', ifNotExists, name, value: this.parseSecretValue(), asKeyword, pos };
    }
    if (this.eatWord('connection')) return this.parseCreateConnection(pos);
    if (this.eatWord('source')) return this.parseCreateSource(pos);
    if (this.isWord('temp') || this.isWord('temporary')) {
      // src/sql-parser/tests/testdata/ddl:330-342.
      if (this.isWord('table', 1)) return this.fail('temporary tables FROM SOURCE are not supported');
    }
    if (this.eatWord('table')) return this.parseCreateTableFromSource(pos);
    for (const objectKind of ['cluster', 'schema', 'database', 'role'] as const) {
      if (this.eatWord(objectKind)) return this.parseCreateContainer(objectKind, pos);
    }
    return this.fail(`expected SECRET, CONNECTION, SOURCE, TABLE, CLUSTER, SCHEMA, DATABASE or ROLE after CREATE, found ${describeToken(this.peek())}`);
  }

  /** A clause written twice fails as in Materialize. */
  private once(present: unknown, clause: string, at: SqlPosition): void {
    if (present !== undefined) this.fail(`${clause} specified more than once`, at);
  }

  /**
   * One of FORMAT, KEY FORMAT ... VALUE FORMAT, INCLUDE, ENVELOPE into
   * `clauses`, if the next words start one: the clauses a legacy Kafka source
   * and a Kafka table share, in any order.
   */
  private parseDecodingClause(clauses: DecodingClauses): boolean {
    const at = this.pos();
    if (this.isWord('key') && this.isWord('format', 1)) {
      this.once(clauses.format, 'FORMAT', at);
      this.i += 2;
      const key = this.parseFormat();
      this.expectWord('value', 'format');
      clauses.format = { kind: 'key-value', key, value: this.parseFormat() };
    } else if (this.eatWord('format')) {
      this.once(clauses.format, 'FORMAT', at);
      clauses.format = { kind: 'bare', format: this.parseFormat() };
    } else if (this.eatWord('include')) {
      this.once(clauses.include, 'INCLUDE', at);
      clauses.include = this.parseInclude();
    } else if (this.eatWord('envelope')) {
      this.once(clauses.envelope, 'ENVELOPE', at);
      clauses.envelope = this.parseEnvelope(at);
    } else return false;
    return true;
  }

  private parseCreateTableFromSource(pos: SqlPosition): CreateTableFromSourceStatement {
    const ifNotExists = this.parseIfNotExists();
    const name = this.parseItemName();
    const columns = this.isSymbol('(') ? this.parseTableColumns() : undefined;
    this.expectWord('from', 'source');
    const source = this.parseItemName();
    let reference: ItemName | undefined;
    if (this.eatSymbol('(')) {
      if (!this.eatWord('reference')) this.fail(`Expected REFERENCE, found ${describeToken(this.peek())}`);
      this.eatSymbol('=');
      reference = this.parseItemName();
      this.expectSymbol(')');
    }
    const decoding: DecodingClauses = {};
    let withOptions: GenericOption[] | undefined;
    for (;;) {
      const at = this.pos();
      if (this.parseDecodingClause(decoding)) continue;
      if (this.eatWord('with')) {
        this.once(withOptions, 'WITH', at);
        withOptions = this.parseGenericOptions(TABLE_FROM_SOURCE_OPTION_WORDS);
      } else break;
    }
    const { format, include, envelope } = decoding;
    return {
      kind: 'create_table_from_source',
      ifNotExists,
      name,
      ...(columns ? { columns } : {}),
      source,
      ...(reference ? { reference } : {}),
      ...(format ? { format } : {}),
      include: include ?? [],
      ...(envelope ? { envelope } : {}),
      withOptions: withOptions ?? [],
      pos,
    };
  }

  /**
   * `(a, b)`: column names; anything else between the parentheses (column
   * definitions and constraints, as purification writes them) is kept as
   * text. Mixing both fails as in Materialize (src/sql-parser/tests/testdata/ddl:281).
   */
  private parseTableColumns(): NonNullable<CreateTableFromSourceStatement['columns']> {
    const open = this.next();
    let depth = 1;
    const groups: Token[][] = [[]];
    while (depth > 0) {
      const t = this.next();
      if (t.kind === 'eof') this.fail('expected ), found end of input');
      if (t.kind === 'symbol' && t.value === '(') depth++;
      if (t.kind === 'symbol' && t.value === ')') depth--;
      if (depth === 0) break;
      if (depth === 1 && t.kind === 'symbol' && t.value === ',') groups.push([]);
      else groups[groups.length - 1]!.push(t);
    }
    const close = this.previous();
    const isName = (g: Token[]) => g.length === 1 && (g[0]!.kind === 'word' || g[0]!.kind === 'quoted-ident');
    const named = groups.filter(isName).length;
    if (named === groups.length) {
      return { kind: 'named', names: groups.map((g) => ({ value: g[0]!.value, quoted: g[0]!.kind === 'quoted-ident', pos: { line: g[0]!.line, column: g[0]!.column, offset: g[0]!.offset } })) };
    }
    if (named > 0) this.fail('cannot mix column definitions and column names', open);
    return { kind: 'defined', text: this.text.slice(open.end, close.offset) };
  }

  private parseCreateContainer(objectKind: CreateContainerStatement['objectKind'], pos: SqlPosition): CreateContainerStatement {
    const ifNotExists = this.parseIfNotExists();
    const name = this.parseItemName();
    let options: GenericOption[] = [];
    if (objectKind === 'cluster' && this.isSymbol('(')) options = this.parseGenericOptions(CLUSTER_OPTION_WORDS);
    if (objectKind === 'role') {
      this.eatWord('with');
      // Role attributes are bare words (LOGIN, SUPERUSER, ...).
      while (this.peek().kind === 'word') options.push({ name: this.next().value.toUpperCase(), hasEquals: false, pos: this.pos() });
    }
    return { kind: 'create_container', objectKind, ifNotExists, name, options, pos };
  }

  private parseCreateConnection(pos: SqlPosition): CreateConnectionStatement {
    const ifNotExists = this.parseIfNotExists();
    const name = this.parseItemName();
    if (!this.eatWord('to') && !this.eatWord('for')) this.fail(`expected TO, found ${describeToken(this.peek())}`);
    const match = CONNECTION_TYPES.find((c) => this.areWords(c.words));
    if (!match) return this.fail(`expected a connection type (KAFKA, CONFLUENT SCHEMA REGISTRY, POSTGRES, MYSQL, AWS, AWS PRIVATELINK, SSH TUNNEL), found ${describeToken(this.peek())}`);
    this.i += match.words.length;
    const options: ConnectionOption[] = [];
    if (this.eatSymbol('(')) {
      while (!this.eatSymbol(')')) {
        options.push(this.parseConnectionOption());
        this.eatOptionSeparator();
      }
    } else {
      // The old form without parentheses: `FOR KAFKA BROKER 'x', SSH TUNNEL t`.
      do {
        options.push(this.parseConnectionOption());
      } while (this.eatSymbol(','));
    }
    const withOptions = this.parseWithOptions();
    return { kind: 'create_connection', ifNotExists, name, connectionType: match.type, options, withOptions, pos };
  }

  private parseCreateSource(pos: SqlPosition): CreateSourceStatement {
    const ifNotExists = this.parseIfNotExists();
    const name = this.parseItemName();
    const columns = this.isSymbol('(') ? this.parseSourceColumns() : undefined;
    const inCluster = this.parseInCluster();
    this.expectWord('from');
    const connection = this.parseSourceConnection();
    let referencedSubsources: ReferencedSubsources | undefined;
    const decoding: DecodingClauses = {};
    let exposeProgress: ItemName | undefined;
    let withOptions: GenericOption[] | undefined;
    for (;;) {
      const at = this.pos();
      if (this.parseDecodingClause(decoding)) continue;
      if (this.isWord('for')) {
        this.once(referencedSubsources, 'FOR', at);
        referencedSubsources = this.parseReferencedSubsources();
      } else if (this.eatWords('expose', 'progress', 'as')) {
        this.once(exposeProgress, 'EXPOSE PROGRESS', at);
        exposeProgress = this.parseItemName();
      } else if (this.isWord('with')) {
        this.once(withOptions, 'WITH', at);
        withOptions = this.parseWithOptions();
      } else break;
    }
    const { format, include, envelope } = decoding;
    return {
      kind: 'create_source',
      ifNotExists,
      name,
      ...(columns ? { columns } : {}),
      ...(inCluster ? { inCluster } : {}),
      connection,
      ...(referencedSubsources ? { referencedSubsources } : {}),
      ...(format ? { format } : {}),
      include: include ?? [],
      ...(envelope ? { envelope } : {}),
      ...(exposeProgress ? { exposeProgress } : {}),
      withOptions: withOptions ?? [],
      pos,
    };
  }

  /** `(a, b, PRIMARY KEY (a) NOT ENFORCED)`: one key constraint at most. */
  private parseSourceColumns(): NonNullable<CreateSourceStatement['columns']> {
    const pos = this.pos();
    this.expectSymbol('(');
    const names: Ident[] = [];
    let primaryKeyNotEnforced: Ident[] | undefined;
    do {
      const at = this.pos();
      if (this.isWord('primary') && this.isWord('key', 1)) {
        if (primaryKeyNotEnforced) this.fail('Multiple key constraints not allowed', at);
        this.i += 2;
        this.expectSymbol('(');
        primaryKeyNotEnforced = [];
        do primaryKeyNotEnforced.push(this.parseIdent());
        while (this.eatSymbol(','));
        this.expectSymbol(')');
        this.expectWord('not', 'enforced');
      } else {
        names.push(this.parseIdent());
      }
    } while (this.eatSymbol(','));
    this.expectSymbol(')');
    return { names, ...(primaryKeyNotEnforced ? { primaryKeyNotEnforced } : {}), pos };
  }

  private parseInCluster(): ClusterRef | undefined {
    if (!this.isWord('in') || !this.isWord('cluster', 1)) return undefined;
    this.i += 2;
    const pos = this.pos();
    if (this.eatSymbol('[')) {
      const id = this.peek();
      if (id.kind !== 'word' || !isCatalogId(id.value)) this.fail(`expected a cluster id, found ${describeToken(id)}`);
      this.next();
      this.expectSymbol(']');
      return { kind: 'id', id: id.value, pos };
    }
    return { kind: 'name', name: this.parseIdent(), pos };
  }

  private parseSourceConnection(): SourceConnection {
    const pos = this.pos();
    const options = () => (this.isSymbol('(') ? this.parseGenericOptions(SOURCE_CONNECTION_OPTION_WORDS) : []);
    for (const kind of ['kafka', 'postgres', 'mysql'] as const) {
      if (this.eatWord(kind)) {
        this.expectWord('connection');
        const connection = this.parseItemName();
        return { kind, connection, options: options(), pos };
      }
    }
    if (this.eatWords('load', 'generator')) {
      const generator = this.eatOneOf(LOAD_GENERATORS);
      if (!generator) this.fail(`expected a load generator (${LOAD_GENERATORS.join(', ')}), found ${describeToken(this.peek())}`);
      return { kind: 'load-generator', generator, options: options(), pos };
    }
    return this.fail(`expected KAFKA, POSTGRES, MYSQL or LOAD GENERATOR, found ${describeToken(this.peek())}`);
  }

  private parseReferencedSubsources(): ReferencedSubsources {
    const pos = this.pos();
    this.expectWord('for');
    if (this.eatWords('all', 'tables')) return { kind: 'all', pos };
    if (this.eatWord('schemas')) {
      this.expectSymbol('(');
      const schemas: Ident[] = [];
      do schemas.push(this.parseIdent());
      while (this.eatSymbol(','));
      this.expectSymbol(')');
      return { kind: 'schemas', schemas, pos };
    }
    if (this.eatWord('tables')) {
      this.expectSymbol('(');
      const tables = this.parseSubsourceList();
      this.expectSymbol(')');
      return { kind: 'tables', tables, pos };
    }
    return this.fail(`expected ALL TABLES, TABLES or SCHEMAS, found ${describeToken(this.peek())}`);
  }

  /**
   * `t [AS | INTO name], ...`: written names only. Materialize's parser refuses
   * the resolved `[u1 AS ...]` form here ("Expected identifier, found left
   * square bracket"), in the reference and in the name alike.
   */
  private parseSubsourceList(): { reference: ItemName; alias?: ItemName; pos: SqlPosition }[] {
    const out: { reference: ItemName; alias?: ItemName; pos: SqlPosition }[] = [];
    do {
      const pos = this.pos();
      const reference = this.parseUnresolvedItemName();
      const alias = this.eatWord('as') || this.eatWord('into') ? this.parseUnresolvedItemName() : undefined;
      out.push({ reference, ...(alias ? { alias } : {}), pos });
    } while (this.eatSymbol(','));
    return out;
  }

  private expectString(what: string): string {
    const t = this.peek();
    if (t.kind !== 'string') this.fail(`expected ${what}, found ${describeToken(t)}`);
    this.next();
    return t.value;
  }

  private parseFormat(): FormatSpec {
    const pos = this.pos();
    if (this.eatWord('json')) return { kind: 'json', pos };
    if (this.eatWord('text')) return { kind: 'text', pos };
    if (this.eatWord('bytes')) return { kind: 'bytes', pos };
    if (this.eatWord('regex')) return { kind: 'regex', pattern: this.expectString('a regular expression string'), pos };
    if (this.eatWord('csv')) {
      this.expectWord('with');
      let columns: Extract<FormatSpec, { kind: 'csv' }>['columns'];
      if (this.eatWord('header')) {
        const names: Ident[] = [];
        if (this.eatSymbol('(')) {
          do names.push(this.parseIdent());
          while (this.eatSymbol(','));
          this.expectSymbol(')');
        }
        columns = { kind: 'header', names };
      } else {
        const n = this.peek();
        if (n.kind !== 'number' || !/^[0-9]+$/.test(n.value)) this.fail(`expected HEADER or a column count, found ${describeToken(n)}`);
        this.next();
        this.expectWord('columns');
        columns = { kind: 'count', count: Number(n.value) };
      }
      const delimiter = this.eatWords('delimited', 'by') ? this.expectString('a delimiter string') : undefined;
      return { kind: 'csv', columns, ...(delimiter !== undefined ? { delimiter } : {}), pos };
    }
    const isAvro = this.isWord('avro');
    if (isAvro || this.isWord('protobuf')) {
      this.next();
      const kind = isAvro ? 'avro' : 'protobuf';
      if (!isAvro && this.eatWord('message')) {
        const message = this.expectString('a message name');
        this.expectWord('using', 'schema');
        return { kind: 'protobuf-inline', message, schema: this.expectString('a schema'), pos };
      }
      this.expectWord('using');
      if (this.eatWord('schema')) {
        const schema = this.expectString('a schema');
        const options = isAvro && this.isSymbol('(') ? this.parseGenericOptions(['CONFLUENT WIRE FORMAT']) : [];
        return { kind: isAvro ? 'avro-inline' : 'protobuf-inline', schema, ...(options.length > 0 ? { options } : {}), pos };
      }
      this.expectWord('confluent', 'schema', 'registry', 'connection');
      const connection = this.parseItemName();
      const options = this.isSymbol('(') ? this.parseGenericOptions(CSR_FORMAT_OPTION_WORDS) : [];
      const seedStart = this.peek();
      let seed: Extract<FormatSpec, { using: 'csr' }>['seed'] = undefined;
      if (this.eatWord('seed')) {
        let keySchema: string | undefined;
        let valueSchema: string | undefined;
        let keyReferences: string[] | undefined;
        let valueReferences: string[] | undefined;
        const references = (): string[] => {
          this.expectSymbol('(');
          const list: string[] = [];
          do list.push(this.expectString('a referenced schema'));
          while (this.eatSymbol(','));
          this.expectSymbol(')');
          return list;
        };
        if (this.eatWords('key', 'schema')) {
          keySchema = this.expectString('a key schema');
          if (this.eatWord('message')) this.expectString('a message name');
          if (isAvro && this.eatWords('key', 'references')) keyReferences = references();
        }
        if (this.eatWords('value', 'schema')) {
          valueSchema = this.expectString('a value schema');
          if (this.eatWord('message')) this.expectString('a message name');
          if (isAvro && this.eatWords('value', 'references')) valueReferences = references();
        }
        if (keySchema === undefined && valueSchema === undefined) this.fail(`expected KEY SCHEMA or VALUE SCHEMA, found ${describeToken(this.peek())}`);
        seed = {
          ...(keySchema !== undefined ? { keySchema } : {}),
          ...(valueSchema !== undefined ? { valueSchema } : {}),
          ...(keyReferences ? { keyReferences } : {}),
          ...(valueReferences ? { valueReferences } : {}),
          text: this.text.slice(seedStart.offset, this.previous().end),
        };
      }
      const keyStrategy = isAvro ? this.parseSchemaStrategy('key') : undefined;
      const valueStrategy = isAvro ? this.parseSchemaStrategy('value') : undefined;
      return { kind, using: 'csr', connection, options, ...(seed ? { seed } : {}), ...(keyStrategy ? { keyStrategy } : {}), ...(valueStrategy ? { valueStrategy } : {}), pos };
    }
    return this.fail(`expected a format (JSON, TEXT, BYTES, CSV, AVRO, PROTOBUF, REGEX), found ${describeToken(this.peek())}`);
  }

  private parseInclude(): IncludeItem[] {
    const items: IncludeItem[] = [];
    do {
      const pos = this.pos();
      const word = this.peek();
      const simple = ['key', 'partition', 'offset', 'timestamp', 'headers'] as const;
      const found = simple.find((s) => word.kind === 'word' && word.value === s);
      if (found) {
        this.next();
        const alias = this.eatWord('as') ? this.parseIdent() : undefined;
        items.push({ item: found, ...(alias ? { alias } : {}), pos });
      } else if (this.eatWord('header')) {
        const headerKey = this.expectString('a header key');
        this.expectWord('as');
        const alias = this.parseIdent();
        const bytes = this.eatWord('bytes');
        items.push({ item: 'header', headerKey, alias, ...(bytes ? { bytes } : {}), pos });
      } else {
        this.fail(`expected KEY, PARTITION, OFFSET, TIMESTAMP, HEADERS or HEADER, found ${describeToken(word)}`);
      }
    } while (this.eatSymbol(','));
    return items;
  }

  /** `KEY STRATEGY` / `VALUE STRATEGY` followed by `ID n`, `LATEST` or `INLINE '<schema>'` (src/sql-parser/src/parser.rs:2303-2327). */
  private parseSchemaStrategy(side: 'key' | 'value'): SchemaStrategy | undefined {
    const pos = this.pos();
    if (!this.eatWords(side, 'strategy')) return undefined;
    if (this.eatWord('latest')) return { kind: 'latest', pos };
    if (this.eatWord('inline')) return { kind: 'inline', schema: this.expectString('a reader schema'), pos };
    this.expectWord('id');
    const t = this.peek();
    if (t.kind !== 'number' || !/^[0-9]+$/.test(t.value) || Number(t.value) > 2147483647) this.fail('Expected a 32-bit integer');
    this.next();
    return { kind: 'id', id: Number(t.value), pos };
  }

  private parseEnvelope(pos: SqlPosition): EnvelopeSpec {
    if (this.eatWord('none')) return { kind: 'none', pos };
    if (this.eatWord('debezium')) return { kind: 'debezium', pos };
    if (this.eatWord('upsert')) {
      if (!this.eatSymbol('(')) return { kind: 'upsert', options: [], pos };
      // `(VALUE DECODING ERRORS [=] INLINE [AS c])` or `(... = (INLINE [AS c]))`: the only option, and its value is required.
      const at = this.pos();
      this.expectWord('value', 'decoding', 'errors');
      const hasEquals = this.eatSymbol('=');
      const inner = this.eatSymbol('(');
      const valuePos = this.pos();
      if (!this.isWord('inline')) this.fail(`expected INLINE, found ${describeToken(this.peek())}`);
      const inline = this.parseIdent();
      const inlineAlias = this.eatWord('as') ? this.parseIdent() : undefined;
      if (inner) this.expectSymbol(')');
      this.expectSymbol(')');
      const value: Value = { kind: 'name', name: { parts: [inline], pos: valuePos }, pos: valuePos };
      return { kind: 'upsert', options: [{ name: 'VALUE DECODING ERRORS', hasEquals, value, pos: at }], ...(inlineAlias ? { inlineAlias } : {}), pos };
    }
    return this.fail(`expected NONE, UPSERT or DEBEZIUM, found ${describeToken(this.peek())}`);
  }

  // -------------------------------------------------------------------------
  // ALTER

  private parseItemKind(): ItemKind {
    const t = this.peek();
    const kind = t.kind === 'word' ? ITEM_KINDS[t.value] : undefined;
    if (!kind) return this.fail(`expected SECRET, CONNECTION, SOURCE or TABLE, found ${describeToken(t)}`);
    this.next();
    return kind;
  }

  private parseAlter(pos: SqlPosition): StatementAst {
    if (this.eatWord('cluster')) {
      const ifExists = this.parseIfExists();
      const name = this.parseIdent();
      this.expectWord('set');
      return { kind: 'alter_cluster', ifExists, name, options: this.parseGenericOptions(CLUSTER_OPTION_WORDS), pos };
    }
    const objectKind = this.parseItemKind();
    const ifExists = this.parseIfExists();
    const name = this.parseItemName();
    if (this.eatWords('rename', 'to')) return { kind: 'rename', objectKind, ifExists, name, newName: this.parseIdent(), pos };
    if (this.eatWords('owner', 'to')) return { kind: 'alter_owner', objectKind, ifExists, name, role: this.parseIdent(), pos };
    switch (objectKind) {
      case 'secret':
        this.expectWord('as');
        return { kind: 'alter_secret', ifExists, name, value: this.parseSecretValue(), pos };
      case 'connection':
        return this.parseAlterConnection(ifExists, name, pos);
      case 'source':
        return this.parseAlterSource(ifExists, name, pos);
      case 'table':
        return this.fail(`expected RENAME TO or OWNER TO, found ${describeToken(this.peek())}`);
    }
  }

  private parseAlterConnection(ifExists: boolean, name: ItemName, pos: SqlPosition): AlterConnectionStatement {
    if (this.eatWords('rotate', 'keys')) {
      const withOptions = this.parseWithOptions();
      return { kind: 'alter_connection', action: 'rotate-keys', ifExists, name, ...(withOptions.length > 0 ? { withOptions } : {}), pos };
    }
    const actions: AlterConnectionAction[] = [];
    do {
      const at = this.pos();
      if (this.eatWord('set')) {
        this.expectSymbol('(');
        const option = this.parseConnectionOption();
        this.expectSymbol(')');
        actions.push({ kind: 'set', option, pos: at });
      } else if (this.isWord('reset') || this.isWord('drop')) {
        const keyword = this.next().value === 'reset' ? 'RESET' : 'DROP';
        this.expectSymbol('(');
        const option = this.parseConnectionOptionName().name;
        this.expectSymbol(')');
        actions.push({ kind: 'reset', keyword, option, pos: at });
      } else {
        this.fail(`expected SET, RESET, DROP, ROTATE KEYS, RENAME TO or OWNER TO, found ${describeToken(this.peek())}`);
      }
    } while (this.eatSymbol(','));
    const withOptions = this.parseWithOptions();
    return { kind: 'alter_connection', action: 'options', ifExists, name, actions, withOptions, pos };
  }

  private parseAlterSource(ifExists: boolean, name: ItemName, pos: SqlPosition): AlterSourceStatement {
    if (this.eatWord('set')) {
      const options = this.parseGenericOptions(ALTER_SOURCE_OPTION_WORDS, 'TIMESTAMP INTERVAL or RETAIN HISTORY');
      return { kind: 'alter_source', ifExists, name, action: { kind: 'set', options }, pos };
    }
    if (this.eatWord('reset')) {
      this.expectSymbol('(');
      const options: string[] = [];
      do options.push(this.parseKnownOptionName(ALTER_SOURCE_OPTION_WORDS, 'TIMESTAMP INTERVAL or RETAIN HISTORY').name);
      while (this.eatSymbol(','));
      this.expectSymbol(')');
      return { kind: 'alter_source', ifExists, name, action: { kind: 'reset', options }, pos };
    }
    if (this.eatWord('add')) {
      if (!this.eatWord('subsource') && !this.eatWord('subsources') && !this.eatWord('table') && !this.eatWord('tables')) {
        this.fail(`expected SUBSOURCE, found ${describeToken(this.peek())}`);
      }
      const subsources = this.parseSubsourceList();
      const withOptions = this.eatWord('with') ? this.parseGenericOptions(ADD_SUBSOURCE_OPTION_WORDS, 'TEXT COLUMNS, EXCLUDE COLUMNS or IGNORE COLUMNS', true) : [];
      return { kind: 'alter_source', ifExists, name, action: { kind: 'add-subsource', subsources, withOptions }, pos };
    }
    if (this.eatWords('refresh', 'references')) return { kind: 'alter_source', ifExists, name, action: { kind: 'refresh-references' }, pos };
    // Materialize's planner refuses it with this message (src/sql/src/plan/statement/ddl.rs, `plan_alter_source`).
    if (this.eatWord('drop')) return this.fail('ALTER SOURCE...DROP SUBSOURCE no longer supported; use DROP SOURCE');
    return this.fail(`expected SET, RESET, ADD SUBSOURCE, REFRESH REFERENCES, RENAME TO or OWNER TO, found ${describeToken(this.peek())}`);
  }

  // -------------------------------------------------------------------------
  // DROP, COMMENT, SET, SHOW

  private parseDrop(pos: SqlPosition): StatementAst {
    const objectKind = this.parseItemKind();
    const ifExists = this.parseIfExists();
    const names: ItemName[] = [];
    do names.push(this.parseItemName());
    while (this.eatSymbol(','));
    const behavior = this.eatWord('cascade') ? 'CASCADE' : this.eatWord('restrict') ? 'RESTRICT' : undefined;
    return { kind: 'drop', objectKind, ifExists, names, ...(behavior ? { behavior } : {}), pos };
  }

  private parseComment(pos: SqlPosition): StatementAst {
    this.expectWord('on');
    const objectKind = this.parseItemKind();
    const name = this.parseItemName();
    this.expectWord('is');
    if (this.eatWord('null')) return { kind: 'comment', objectKind, name, comment: null, pos };
    return { kind: 'comment', objectKind, name, comment: this.expectString("a string or NULL"), pos };
  }

  private parseSet(pos: SqlPosition): StatementAst {
    if (this.eatWords('session', 'characteristics', 'as') || this.isWord('transaction')) return this.parseSetTransaction(pos);
    if (!this.eatWord('session')) this.eatWord('local');
    const variable = this.parseNameParts()
      .map((p) => p.value)
      .join('.');
    if (!this.eatSymbol('=') && !this.eatWord('to')) this.fail(`expected "=" or TO, found ${describeToken(this.peek())}`);
    if (this.eatWord('default')) return { kind: 'set_variable', verb: 'SET', variable, pos };
    const value: Value[] = [];
    do value.push(this.parseValue());
    while (this.eatSymbol(','));
    return { kind: 'set_variable', verb: 'SET', variable, value, pos };
  }

  /** `TRANSACTION ISOLATION LEVEL <words>`: the session's `transaction_isolation`. */
  private parseSetTransaction(pos: SqlPosition): StatementAst {
    this.expectWord('transaction');
    this.expectWord('isolation');
    this.expectWord('level');
    const at = this.pos();
    const words: string[] = [];
    while (this.peek().kind === 'word') words.push(this.next().value);
    if (words.length === 0) this.fail(`expected an isolation level, found ${describeToken(this.peek())}`);
    return { kind: 'set_variable', verb: 'SET', variable: 'transaction_isolation', value: [{ kind: 'string', value: words.join(' '), pos: at }], pos };
  }

  private parseReset(pos: SqlPosition): StatementAst {
    const variable = this.parseNameParts()
      .map((p) => p.value)
      .join('.');
    return { kind: 'set_variable', verb: 'RESET', variable, pos };
  }

  private parseShow(pos: SqlPosition): ShowStatement {
    if (this.eatWord('create')) {
      const objectKind = this.parseItemKind();
      return { kind: 'show', what: 'create', objectKind, name: this.parseItemName(), pos };
    }
    const t = this.peek();
    const plural = t.kind === 'word' ? ITEM_KINDS_PLURAL[t.value] : undefined;
    if (plural) {
      this.next();
      const from = this.eatWord('from') || this.eatWord('in') ? this.parseItemName() : undefined;
      return { kind: 'show', what: 'objects', objectKind: plural, ...(from ? { from } : {}), pos };
    }
    const variable = this.parseNameParts()
      .map((p) => p.value)
      .join('.');
    return { kind: 'show', what: 'variable', variable, pos };
  }
}
