import pg from 'pg';
import type { Sql } from '../sql/quote.js';
import { connectError, statementError } from './errors.js';
import { resolveConnection } from './connection-config.js';

export interface ConnectOptions {
  /** The --url flag; falls back to MZFORM_URL, then the PG* variables. */
  readonly url?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly applicationName?: string;
  readonly connectTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
  /** Receives one line per query sent (and the count), for --debug. */
  readonly debug?: (line: string) => void;
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
    ...(options.statementTimeoutMs !== undefined ? { query_timeout: options.statementTimeoutMs } : {}),
  });
  // A server that goes away between queries emits 'error' on the client; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw connectError(err, resolved.target);
  }
  options.debug?.(`connected to ${resolved.target}`);
  return new PgDatabase(client, resolved.target, options.debug);
}

class PgDatabase implements Database {
  #roundTrips = 0;

  constructor(
    private readonly client: pg.Client,
    readonly target: string,
    private readonly debug?: (line: string) => void,
  ) {}

  get roundTrips(): number {
    return this.#roundTrips;
  }

  async query<T extends object>(sql: Sql, params: readonly unknown[] = []): Promise<T[]> {
    this.#roundTrips++;
    this.debug?.(`query ${this.#roundTrips}: ${sql.replace(/\s+/g, ' ').trim()}`);
    try {
      const result = await this.client.query<T & pg.QueryResultRow>(sql, params as unknown[]);
      return result.rows;
    } catch (err) {
      throw statementError(err);
    }
  }

  async execute(text: string, secrets: readonly string[] = []): Promise<void> {
    this.#roundTrips++;
    try {
      await this.client.query(text);
    } catch (err) {
      throw statementError(err, secrets);
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
