import type { Engine } from './engine.js';
import { MzError, SQLSTATE } from './errors.js';
import type { FaultInjector } from './faults.js';
import type { QueryLog } from './query-log.js';
import { routeOf, splitStatements, type Route, type StatementText } from './statements.js';
import type { ClientSession } from './wire/server.js';
import {
  backendMessages,
  bindComplete,
  BodyReader,
  closeComplete,
  commandComplete,
  concat,
  cstring,
  dataRow,
  emptyQueryResponse,
  errorResponse,
  message,
  noData,
  noticeResponse,
  parameterDescription,
  parseComplete,
  readyForQuery,
  rowDescription,
  type ServerNotice,
  type TransactionStatus,
} from './wire/messages.js';

/** What a statement the emulator answers itself produced. */
export interface Outcome {
  readonly tag: string;
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly (string | null)[])[];
  readonly notices?: readonly ServerNotice[];
}

/** Session variables, lower-case names. */
export type SessionVars = Map<string, string>;

/** The parts of the emulator a client session uses. */
export interface SessionHost {
  readonly engine: Engine;
  readonly log: QueryLog;
  readonly faults: FaultInjector;
  readonly defaultVars: ReadonlyMap<string, string>;
  /** Parses and runs one DDL statement. */
  runDdl(text: string, vars: SessionVars): Promise<Outcome>;
  /** Checks one DDL statement (parse, names) without running it: for statements deferred to COMMIT. */
  checkDdl(text: string): { batchable: boolean };
  runShow(text: string, vars: SessionVars): Promise<Outcome>;
  /** The columns a SHOW returns, for Describe in the extended protocol. */
  describeShow(text: string): readonly string[];
  runControl(text: string): Promise<Outcome>;
  /** The statement as Materialize prints it in a "cannot be run inside a transaction block" error. */
  echo(text: string): string;
  /** The text to log: CREATE/ALTER SECRET values replaced. */
  redact(text: string): string;
}

type Transaction =
  | { readonly state: 'none' }
  | { state: 'open'; ops: 'none' | 'reads' | 'deferred' | 'batch'; pending: string[]; failed: boolean };

const REPORTED = ['server_version', 'server_encoding', 'client_encoding', 'datestyle', 'timezone', 'integer_datetimes', 'standard_conforming_strings', 'application_name', 'is_superuser', 'mz_version'];

/** The names clients see in ParameterStatus (Postgres spells two of them in mixed case). */
const REPORTED_SPELLING: Record<string, string> = { datestyle: 'DateStyle', timezone: 'TimeZone' };

interface Prepared {
  readonly text: string;
  readonly route: Route;
}

/**
 * One client connection. Statements go either to the emulator (DDL, SHOW,
 * SET, transactions, control) or to the embedded Postgres as written; the
 * ReadyForQuery status of forwarded replies is rewritten to the session's own
 * transaction state, since the shared Postgres never sees BEGIN.
 */
export class Session implements ClientSession {
  private readonly vars: SessionVars;
  private txn: Transaction = { state: 'none' };
  private readonly prepared = new Map<string, Prepared>();
  private readonly portals = new Map<string, Prepared>();
  /** Forwarded extended-protocol messages not yet sent: sent together so no other client slips in between. */
  private pendingForward: Uint8Array[] = [];
  private forwardedSinceSync = false;
  private skipUntilSync = false;

  constructor(
    private readonly host: SessionHost,
    readonly id: number,
    params: Readonly<Record<string, string>>,
  ) {
    this.vars = new Map(host.defaultVars);
    for (const [k, v] of Object.entries(params)) {
      const key = k.toLowerCase();
      if (key === 'user' || key === 'database' || key === 'options' || key === 'replication') continue;
      this.vars.set(key, v);
    }
    if (params['database']) this.vars.set('database', params['database']);
  }

  startupParameters(): readonly (readonly [string, string])[] {
    return REPORTED.map((k) => [REPORTED_SPELLING[k] ?? k, this.vars.get(k) ?? ''] as const);
  }

  closed(): void {}

  async handle(type: string, body: Uint8Array, raw: Uint8Array): Promise<readonly Uint8Array[] | 'close'> {
    switch (type) {
      case 'Q':
        return this.simpleQuery(new BodyReader(body).cstring());
      case 'P':
      case 'B':
      case 'D':
      case 'E':
      case 'C':
        if (this.skipUntilSync) return [];
        return this.extended(type, body, raw);
      case 'H':
        return this.flushForward(raw);
      case 'S':
        return this.sync(raw);
      default:
        return [errorResponse({ severity: 'ERROR', code: '08P01', message: `unsupported frontend message type ${type}` }), readyForQuery(this.status())];
    }
  }

  private status(): TransactionStatus {
    if (this.txn.state === 'none') return 'I';
    return this.txn.failed ? 'E' : 'T';
  }

  // ---------------------------------------------------------------------------
  // Simple query protocol

  private async simpleQuery(query: string): Promise<readonly Uint8Array[] | 'close'> {
    const statements = splitStatements(query);
    if (statements.length === 0) return [emptyQueryResponse(), readyForQuery(this.status())];
    const out: Uint8Array[] = [];
    for (const statement of statements) {
      const result = await this.runStatement(statement, { multi: statements.length > 1, extended: false });
      if (result === 'close') return 'close';
      out.push(...result.messages);
      if (result.failed) break;
    }
    out.push(readyForQuery(this.status()));
    return out;
  }

  /** Runs one statement; `messages` never include ReadyForQuery. */
  private async runStatement(
    statement: StatementText,
    context: { multi: boolean; extended: boolean },
  ): Promise<{ messages: Uint8Array[]; failed: boolean } | 'close'> {
    const route = routeOf(statement.words);
    if (route === 'control') return this.answer(() => this.host.runControl(statement.text), context.extended);

    this.host.log.record(this.id, this.host.redact(statement.text));
    const verdict = this.host.faults.next(statement.text);
    if (verdict.kind === 'close') return 'close';
    if (verdict.delayMs > 0) await this.host.faults.delay(verdict.delayMs);
    if (verdict.kind === 'fail') return this.failure(verdict.error);

    if (this.txn.state === 'open' && this.txn.failed && route !== 'transaction') {
      return this.failure(new MzError('current transaction is aborted, commands ignored until end of transaction block', { sqlstate: SQLSTATE.inFailedTransaction }));
    }
    switch (route) {
      case 'transaction':
        return this.answer(() => this.transaction(statement), context.extended);
      case 'set':
        return this.answer(async () => this.setVariable(statement.text), context.extended);
      case 'show':
        return this.answer(() => this.host.runShow(statement.text, this.vars), context.extended);
      case 'ddl':
        return this.answer(() => this.ddl(statement, context.multi), context.extended);
      case 'engine':
        return this.engine(statement.text);
    }
  }

  private failure(error: MzError): { messages: Uint8Array[]; failed: boolean } {
    if (this.txn.state === 'open') this.txn.failed = true;
    return {
      messages: [
        errorResponse({
          severity: 'ERROR',
          code: error.sqlstate,
          message: error.message,
          ...(error.detail !== undefined ? { detail: error.detail } : {}),
          ...(error.hint !== undefined ? { hint: error.hint } : {}),
        }),
      ],
      failed: true,
    };
  }

  private async answer(run: () => Promise<Outcome>, extended: boolean): Promise<{ messages: Uint8Array[]; failed: boolean }> {
    let outcome: Outcome;
    try {
      outcome = await run();
    } catch (err) {
      if (err instanceof MzError) return this.failure(err);
      throw err;
    }
    const messages: Uint8Array[] = [];
    for (const n of outcome.notices ?? []) messages.push(noticeResponse(n));
    if (outcome.columns) {
      if (!extended) messages.push(rowDescription(outcome.columns));
      for (const row of outcome.rows ?? []) messages.push(dataRow(row));
    }
    messages.push(commandComplete(outcome.tag));
    return { messages, failed: false };
  }

  private async engine(text: string): Promise<{ messages: Uint8Array[]; failed: boolean }> {
    if (this.txn.state === 'open') {
      if (this.txn.ops === 'deferred') return this.failure(singleStatementError());
      if (this.txn.ops === 'batch') return this.failure(restrictedError());
      this.txn.ops = 'reads';
    }
    const reply = await this.host.engine.protocol(message('Q', cstring(text)));
    const messages: Uint8Array[] = [];
    let failed = false;
    for (const m of backendMessages(reply)) {
      if (m.type === 'Z') continue;
      if (m.type === 'E') failed = true;
      messages.push(m.bytes);
    }
    if (failed && this.txn.state === 'open') this.txn.failed = true;
    return { messages, failed };
  }

  // ---------------------------------------------------------------------------
  // Transactions (materialize-semantics.md section 9)

  private async transaction(statement: StatementText): Promise<Outcome> {
    const [w0] = statement.words;
    if (w0 === 'begin' || w0 === 'start') {
      if (this.txn.state === 'open') {
        return { tag: 'BEGIN', notices: [{ severity: 'WARNING', code: SQLSTATE.activeSqlTransaction, message: 'there is already a transaction in progress' }] };
      }
      this.txn = { state: 'open', ops: 'none', pending: [], failed: false };
      return { tag: 'BEGIN' };
    }
    if (this.txn.state === 'none') {
      const tag = w0 === 'commit' || w0 === 'end' ? 'COMMIT' : 'ROLLBACK';
      return { tag, notices: [{ severity: 'WARNING', code: '25P01', message: 'there is no transaction in progress' }] };
    }
    const txn = this.txn;
    this.txn = { state: 'none' };
    if (w0 === 'rollback' || w0 === 'abort' || txn.failed) return { tag: 'ROLLBACK' };
    const notices: ServerNotice[] = [];
    // Deferred DDL runs now; its errors surface on COMMIT, as in Materialize.
    for (const text of txn.pending) {
      const outcome = await this.host.runDdl(text, this.vars);
      notices.push(...(outcome.notices ?? []));
    }
    return { tag: 'COMMIT', notices };
  }

  private async ddl(statement: StatementText, multi: boolean): Promise<Outcome> {
    if (this.txn.state === 'open') {
      const { batchable } = this.host.checkDdl(statement.text);
      const txn = this.txn;
      if (txn.ops === 'deferred') throw singleStatementError();
      if (txn.ops === 'reads' || (txn.ops === 'batch' && !batchable)) throw restrictedError();
      txn.ops = batchable ? 'batch' : 'deferred';
      txn.pending.push(statement.text);
      return { tag: tagOf(statement) };
    }
    if (multi) {
      throw new MzError(`${this.host.echo(statement.text)} cannot be run inside a transaction block`, { sqlstate: SQLSTATE.activeSqlTransaction });
    }
    return this.host.runDdl(statement.text, this.vars);
  }

  // ---------------------------------------------------------------------------
  // SET / RESET

  private setVariable(text: string): Outcome {
    const m = /^\s*(set|reset)\s+(?:(?:session|local)\s+)?(.*)$/is.exec(text);
    if (!m) throw new MzError(`Expected a variable name, found end of statement`, { sqlstate: SQLSTATE.syntaxError });
    const verb = m[1]!.toLowerCase();
    const rest = m[2]!.trim();
    if (verb === 'reset') {
      const name = normalizeVarName(rest);
      if (name === 'all') for (const [k, v] of this.host.defaultVars) this.vars.set(k, v);
      else this.vars.set(name, this.host.defaultVars.get(name) ?? '');
      return { tag: 'RESET' };
    }
    const transaction = /^transaction\s+isolation\s+level\s+(.*)$/is.exec(rest);
    if (transaction) {
      this.vars.set('transaction_isolation', transaction[1]!.trim().toLowerCase());
      return { tag: 'SET' };
    }
    const assignment = /^("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_.]*)\s*(?:=|\bto\b)\s*(.*)$/is.exec(rest);
    if (!assignment) throw new MzError(`Expected equals sign or TO, found end of statement`, { sqlstate: SQLSTATE.syntaxError });
    const name = normalizeVarName(assignment[1]!);
    const value = assignment[2]!.trim();
    if (/^default$/i.test(value)) this.vars.set(name, this.host.defaultVars.get(name) ?? '');
    else this.vars.set(name, parseSetValue(value));
    return { tag: 'SET' };
  }

  // ---------------------------------------------------------------------------
  // Extended query protocol

  private async extended(type: string, body: Uint8Array, raw: Uint8Array): Promise<readonly Uint8Array[] | 'close'> {
    const reader = new BodyReader(body);
    switch (type) {
      case 'P': {
        const name = reader.cstring();
        const text = reader.cstring();
        const statements = splitStatements(text);
        const route = statements.length === 1 ? routeOf(statements[0]!.words) : 'engine';
        if (route === 'engine') {
          this.prepared.delete(name);
          return this.forward(raw);
        }
        this.prepared.set(name, { text, route });
        return this.own([parseComplete()]);
      }
      case 'B': {
        const portal = reader.cstring();
        const name = reader.cstring();
        const prepared = this.prepared.get(name);
        if (!prepared) {
          this.portals.delete(portal);
          return this.forward(raw);
        }
        this.portals.set(portal, prepared);
        return this.own([bindComplete()]);
      }
      case 'D': {
        const which = String.fromCharCode(reader.byte());
        const name = reader.cstring();
        const prepared = which === 'S' ? this.prepared.get(name) : this.portals.get(name);
        if (!prepared) return this.forward(raw);
        const columns = prepared.route === 'show' ? this.host.describeShow(prepared.text) : prepared.route === 'control' ? null : [];
        const messages: Uint8Array[] = which === 'S' ? [parameterDescription([])] : [];
        if (columns === null) messages.push(noData());
        else messages.push(columns.length > 0 ? rowDescription(columns) : noData());
        return this.own(messages);
      }
      case 'E': {
        const portal = reader.cstring();
        const prepared = this.portals.get(portal);
        if (!prepared) return this.forward(raw);
        const flushed = await this.flushPending();
        const statement = splitStatements(prepared.text)[0];
        if (!statement) return [...flushed, emptyQueryResponse()];
        const result = await this.runStatement(statement, { multi: false, extended: true });
        if (result === 'close') return 'close';
        if (result.failed) this.skipUntilSync = true;
        return [...flushed, ...result.messages];
      }
      case 'C': {
        const which = String.fromCharCode(reader.byte());
        const name = reader.cstring();
        const map = which === 'S' ? this.prepared : this.portals;
        if (!map.has(name)) return this.forward(raw);
        map.delete(name);
        return this.own([closeComplete()]);
      }
      default:
        return [];
    }
  }

  private forward(raw: Uint8Array): readonly Uint8Array[] {
    this.pendingForward.push(raw);
    return [];
  }

  /** Sends what is waiting for the engine first, so replies keep the order of the messages. */
  private async own(messages: Uint8Array[]): Promise<readonly Uint8Array[]> {
    const flushed = await this.flushPending();
    return [...flushed, ...messages];
  }

  private async flushPending(extra?: Uint8Array): Promise<Uint8Array[]> {
    if (this.pendingForward.length === 0 && !extra) return [];
    const batch = [...this.pendingForward, ...(extra ? [extra] : [])];
    this.pendingForward = [];
    this.forwardedSinceSync = true;
    const reply = await this.host.engine.protocol(concat(batch));
    const out: Uint8Array[] = [];
    for (const m of backendMessages(reply)) {
      if (m.type === 'Z') continue;
      if (m.type === 'E' && this.txn.state === 'open') this.txn.failed = true;
      out.push(m.bytes);
    }
    return out;
  }

  private async flushForward(raw: Uint8Array): Promise<readonly Uint8Array[]> {
    if (this.pendingForward.length === 0) return [];
    return this.flushPending(raw);
  }

  private async sync(raw: Uint8Array): Promise<readonly Uint8Array[]> {
    this.skipUntilSync = false;
    const out: Uint8Array[] = [];
    if (this.pendingForward.length > 0 || this.forwardedSinceSync) out.push(...(await this.flushPending(raw)));
    this.forwardedSinceSync = false;
    out.push(readyForQuery(this.status()));
    return out;
  }
}

function singleStatementError(): MzError {
  return new MzError('this transaction can only execute a single statement', { sqlstate: SQLSTATE.invalidTransactionState });
}

function restrictedError(): MzError {
  return new MzError('transactions which modify objects are restricted to just modifying objects', { sqlstate: SQLSTATE.invalidTransactionState });
}

function normalizeVarName(raw: string): string {
  const name = raw.trim();
  if (name.startsWith('"')) return name.slice(1, -1).replaceAll('""', '"');
  return name.toLowerCase();
}

/** `'x'`, `x`, `1`, `a, b`: the value as Materialize shows it back (list items joined by `, `). */
function parseSetValue(text: string): string {
  return text
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((part) => {
      const p = part.trim();
      if (p.startsWith("'") && p.endsWith("'")) return p.slice(1, -1).replaceAll("''", "'");
      if (p.startsWith('"') && p.endsWith('"')) return p.slice(1, -1).replaceAll('""', '"');
      return p.toLowerCase();
    })
    .join(', ');
}

function tagOf(statement: StatementText): string {
  const words = statement.words.filter((w) => !w.startsWith('\u0000'));
  const [w0, w1] = words;
  if (w0 === 'comment') return 'COMMENT';
  if (w0 === 'validate') return 'VALIDATE CONNECTION';
  return `${(w0 ?? '').toUpperCase()} ${(w1 ?? '').toUpperCase()}`.trim();
}
