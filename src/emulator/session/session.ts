import type { Engine } from '../engine.js';
import { MzError, SQLSTATE } from '../errors.js';
import type { FaultInjector } from '../faults.js';
import type { Outcome, SessionVars } from '../outcome.js';
import { parseDdl } from '../parse.js';
import type { QueryLog } from '../query-log.js';
import { routeOf, splitStatements, type Route, type StatementText } from '../statements.js';
import type { ClientSession } from '../wire/server.js';
import { TransactionRules } from './transaction.js';
import { applySet } from './variables.js';
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
} from '../wire/messages.js';

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
  /** Runs `ALTER SYSTEM SET / RESET`. */
  runAlterSystem(text: string): Promise<Outcome>;
  /** The name of the role the session's statements run as: the owner of what it creates. */
  sessionRole(vars: SessionVars): Promise<string>;
  /** The columns a SHOW returns, for Describe in the extended protocol. */
  describeShow(text: string): readonly string[];
  runControl(text: string): Promise<Outcome>;
  /** The statement as Materialize prints it in a "cannot be run inside a transaction block" error. */
  echo(text: string): string;
  /** The text to log: CREATE/ALTER SECRET values replaced. */
  redact(text: string): string;
}

const REPORTED = ['server_version', 'server_encoding', 'client_encoding', 'datestyle', 'timezone', 'integer_datetimes', 'standard_conforming_strings', 'application_name', 'is_superuser', 'mz_version'];

/** The names clients see in ParameterStatus (Postgres spells two of them in mixed case). */
const REPORTED_SPELLING: Record<string, string> = { datestyle: 'DateStyle', timezone: 'TimeZone' };

interface Prepared {
  readonly text: string;
  readonly route: Route;
}

/**
 * One client connection: the wire protocol. Statements go either to the
 * emulator (DDL, SHOW, SET, transactions, control) or to the embedded
 * Postgres as written; the ReadyForQuery status of forwarded replies is
 * rewritten to the session's own transaction state (`TransactionRules`),
 * since the shared Postgres never sees BEGIN.
 */
export class Session implements ClientSession {
  private readonly vars: SessionVars;
  private readonly txn = new TransactionRules();
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
    // The login role: what the session creates is owned by it (a role the catalog does not hold falls back to `materialize`).
    if (params['user']) this.vars.set('user', params['user']);
  }

  startupParameters(): readonly (readonly [string, string])[] {
    return REPORTED.map((k) => [REPORTED_SPELLING[k] ?? k, this.vars.get(k) ?? ''] as const);
  }

  /** Resolves when the client connection is gone: what a stalled statement waits for. */
  #leave: () => void = () => {};
  readonly #gone = new Promise<void>((resolve) => (this.#leave = resolve));

  closed(): void {
    this.#leave();
  }

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
        return [errorResponse({ severity: 'ERROR', code: '08P01', message: `unsupported frontend message type ${type}` }), readyForQuery(this.txn.status())];
    }
  }

  // ---------------------------------------------------------------------------
  // Simple query protocol

  private async simpleQuery(query: string): Promise<readonly Uint8Array[] | 'close'> {
    const statements = splitStatements(query);
    if (statements.length === 0) return [emptyQueryResponse(), readyForQuery(this.txn.status())];
    const out: Uint8Array[] = [];
    for (const statement of statements) {
      const result = await this.runStatement(statement, { multi: statements.length > 1, extended: false });
      if (result === 'close') return 'close';
      out.push(...result.messages);
      if (result.failed) break;
    }
    out.push(readyForQuery(this.txn.status()));
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
    if (verdict.kind === 'stall') {
      // A server that stopped answering: nothing runs, nothing comes back until the client leaves.
      await this.#gone;
      return 'close';
    }
    if (verdict.delayMs > 0) await this.host.faults.delay(verdict.delayMs);
    if (verdict.kind === 'fail') return this.failure(verdict.error);
    if (verdict.kind === 'run-then-close') {
      // The change is made, and the reply is lost on the way back.
      await this.runRoute(route, statement, context);
      return 'close';
    }
    return this.runRoute(route, statement, context);
  }

  private async runRoute(
    route: Exclude<ReturnType<typeof routeOf>, 'control'>,
    statement: StatementText,
    context: { multi: boolean; extended: boolean },
  ): Promise<{ messages: Uint8Array[]; failed: boolean }> {
    const aborted = route === 'transaction' ? undefined : this.txn.refuseIfFailed();
    if (aborted) return this.failure(aborted);
    switch (route) {
      case 'transaction':
        return this.answer(() => this.txn.control(statement.words[0] ?? '', (text) => this.host.runDdl(text, this.vars)), context.extended);
      case 'set':
        return this.answer(async () => this.setVariable(statement.text), context.extended);
      case 'show':
        return this.answer(() => this.host.runShow(statement.text, this.vars), context.extended);
      case 'system':
        return this.answer(() => this.host.runAlterSystem(statement.text), context.extended);
      case 'role': {
        const column = statement.words[1] ?? 'current_user';
        return this.answer(async () => ({ tag: 'SELECT 1', columns: [column], rows: [[await this.host.sessionRole(this.vars)]] }), context.extended);
      }
      case 'ddl':
        return this.answer(() => this.ddl(statement, context.multi), context.extended);
      case 'engine':
        return this.engine(statement.text);
    }
  }

  private failure(error: MzError): { messages: Uint8Array[]; failed: boolean } {
    this.txn.markFailed();
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
    const refused = this.txn.refuseRead();
    if (refused) return this.failure(refused);
    const reply = await this.host.engine.protocol(message('Q', cstring(text)));
    const messages: Uint8Array[] = [];
    let failed = false;
    for (const m of backendMessages(reply)) {
      if (m.type === 'Z') continue;
      if (m.type === 'E') failed = true;
      messages.push(m.bytes);
    }
    if (failed) this.txn.markFailed();
    return { messages, failed };
  }

  // ---------------------------------------------------------------------------
  // DDL and SET

  private async ddl(statement: StatementText, multi: boolean): Promise<Outcome> {
    if (this.txn.open) {
      const { batchable } = this.host.checkDdl(statement.text);
      if (this.txn.defer(statement.text, batchable)) return { tag: tagOf(statement) };
    }
    if (multi) {
      throw new MzError(`${this.host.echo(statement.text)} cannot be run inside a transaction block`, { sqlstate: SQLSTATE.activeSqlTransaction });
    }
    return this.host.runDdl(statement.text, this.vars);
  }

  private setVariable(text: string): Outcome {
    const statement = parseDdl(text);
    if (statement.kind !== 'set_variable') throw new MzError(`Expected SET or RESET, found ${statement.kind}`, { sqlstate: SQLSTATE.syntaxError });
    return applySet(this.vars, this.host.defaultVars, statement);
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
        const columns =
          prepared.route === 'show'
            ? this.host.describeShow(prepared.text)
            : prepared.route === 'role'
              ? [splitStatements(prepared.text)[0]?.words[1] ?? 'current_user']
              : prepared.route === 'control'
                ? null
                : [];
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
      if (m.type === 'E') this.txn.markFailed();
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
    out.push(readyForQuery(this.txn.status()));
    return out;
  }
}

function tagOf(statement: StatementText): string {
  const words = statement.words.filter((w) => !w.startsWith('\u0000'));
  const [w0, w1] = words;
  if (w0 === 'comment') return 'COMMENT';
  if (w0 === 'validate') return 'VALIDATE CONNECTION';
  return `${(w0 ?? '').toUpperCase()} ${(w1 ?? '').toUpperCase()}`.trim();
}
