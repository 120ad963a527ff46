import pg from 'pg';
import type { Sql } from '../sql/quote.js';
import { DatabaseError, connectError, statementError } from './errors.js';
import { resolveConnection } from './connection-config.js';

export interface ConnectOptions {
  /** The --url flag; falls back to MZFORM_URL, then the PG* variables. */
  readonly url?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly applicationName?: string;
  readonly connectTimeoutMs?: number;
  /**
   * How long one query or statement may wait for its answer (default 5
   * minutes; 0 for no limit). When it runs out the connection is closed, so
   * nothing waits behind a server that stopped answering.
   */
  readonly statementTimeoutMs?: number;
  /** Secret values to remove from every error this connection reports (all the manifest declares). */
  readonly redact?: readonly string[];
  /** Receives one line per query sent (and the count), for --debug. */
  readonly debug?: (line: string) => void;
  /** Gives up connecting when aborted (the caller no longer needs the connection). */
  readonly signal?: AbortSignal;
}

/** One connection to Materialize. Every call is one round trip, in autocommit. */
export interface Database {
  /** A catalog query (a constant from src/catalog/queries.ts), with `$n` parameters. */
  query<T extends object>(sql: Sql, params?: readonly unknown[]): Promise<T[]>;
  /**
   * One statement, as text ready to run (from `executableSql`). `secrets` are
   * the values it carries: they are removed from any error message.
   */
  execute(text: string, secrets?: readonly string[]): Promise<void>;
  /** Queries and statements sent so far. */
  readonly roundTrips: number;
  /**
   * An overall limit (epoch milliseconds): a round trip that would end after
   * it is cut short like a statement timeout. Undefined removes it (to
   * release a lock after the limit ran out).
   */
  setDeadline?(deadline: number | undefined, label?: string): void;
  readonly target: string;
  close(): Promise<void>;
}

export async function connect(options: ConnectOptions = {}): Promise<Database> {
  const resolved = resolveConnection(options.url, options.env ?? {});
  const client = new pg.Client({
    host: resolved.host,
    port: resolved.port,
    user: resolved.user,
    database: resolved.database,
    ...(resolved.password !== undefined ? { password: resolved.password } : {}),
    ssl: resolved.ssl,
    application_name: options.applicationName ?? 'mzform',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // A server that goes away between queries emits 'error' on the client; the next query reports it.
  client.on('error', () => {});
  const abort = () => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  if (options.signal?.aborted) throw new DatabaseError('db.connect', `gave up connecting to ${resolved.target}`);
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw connectError(err, resolved.target);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  options.debug?.(`connected to ${resolved.target}`);
  return new PgDatabase(client, resolved.target, options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS, options.redact ?? [], options.debug);
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5 * 60_000;

class PgDatabase implements Database {
  #roundTrips = 0;
  #deadline: { at: number; label: string } | undefined;

  constructor(
    private readonly client: pg.Client,
    readonly target: string,
    private readonly statementTimeoutMs: number,
    private readonly redactValues: readonly string[],
    private readonly debug?: (line: string) => void,
  ) {}

  setDeadline(deadline: number | undefined, label = 'the overall time limit'): void {
    this.#deadline = deadline === undefined ? undefined : { at: deadline, label };
  }

  /**
   * One round trip under the statement timeout and the deadline. `pg` has no
   * way to give up on a query and keep the connection, so the socket is
   * destroyed: the statement may or may not have run, which the caller reports.
   */
  private async limited<T>(run: () => Promise<T>): Promise<T> {
    const left = this.#deadline === undefined ? Infinity : this.#deadline.at - Date.now();
    const limit = Math.min(this.statementTimeoutMs > 0 ? this.statementTimeoutMs : Infinity, left);
    if (limit === Infinity) return run();
    const reason =
      limit === left && this.#deadline
        ? `${this.#deadline.label} ran out`
        : `Materialize did not answer within ${formatMs(this.statementTimeoutMs)} (the statement timeout)`;
    if (limit <= 0) throw new DatabaseError('db.timeout', `${reason} before the statement was sent`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        (this.client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        reject(new DatabaseError('db.timeout', `${reason}; the connection was closed, the statement may or may not have run`));
      }, limit);
    });
    try {
      return await Promise.race([run(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  get roundTrips(): number {
    return this.#roundTrips;
  }

  async query<T extends object>(sql: Sql, params: readonly unknown[] = []): Promise<T[]> {
    this.#roundTrips++;
    this.debug?.(`query ${this.#roundTrips}: ${sql.replace(/\s+/g, ' ').trim()}`);
    try {
      const result = await this.limited(() => this.client.query<T & pg.QueryResultRow>(sql, params as unknown[]));
      return result.rows;
    } catch (err) {
      if (err instanceof DatabaseError) throw err;
      throw statementError(err, this.redactValues);
    }
  }

  async execute(text: string, secrets: readonly string[] = []): Promise<void> {
    this.#roundTrips++;
    try {
      await this.limited(() => this.client.query(text));
    } catch (err) {
      if (err instanceof DatabaseError) throw err;
      throw statementError(err, [...this.redactValues, ...secrets]);
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

function formatMs(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
