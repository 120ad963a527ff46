import { LOCK_QUERY, type LockRow } from '../../../src/catalog/index.js';
import { type Database, statementError } from '../../../src/db/index.js';
import type { Sql } from '../../../src/sql/index.js';

/**
 * Just enough of a server for apply's unit tests: it records statements,
 * keeps the lock secrets (CREATE fails when the name is taken, as in
 * Materialize), answers the lock query, and fails statements on demand with
 * a message that echoes the statement, as Materialize does for some errors.
 */
export class FakeServer {
  readonly executed: string[] = [];
  readonly locks = new Map<string, { id: string; comment: string | null }>();
  /** Fail the statement with this 0-based index (counted over every execute, failed ones included). */
  failAt?: number;
  /** Drop "the connection" at this index: the statement fails as a lost connection. */
  dropAt?: number;
  #ids = 0;
  #attempts = 0;

  connect(): Database {
    return new FakeDatabase(this);
  }

  run(text: string, secrets: readonly string[]): void {
    const index = this.#attempts++;
    if (index === this.dropAt) throw statementError({ code: 'ECONNRESET', message: 'read ECONNRESET' }, secrets);
    if (index === this.failAt) throw statementError({ code: '25001', message: `${text} cannot be run inside a transaction block` }, secrets);
    const lock = /^(CREATE|COMMENT ON|DROP) SECRET ("[^"]*"\."[^"]*")\."__mzform_lock"(?: IS '((?:[^']|'')*)')?/.exec(text);
    if (lock) {
      const [, verb, schema, comment] = lock as unknown as [string, string, string, string | undefined];
      if (verb === 'CREATE') {
        if (this.locks.has(schema)) throw statementError({ code: 'XX000', message: "catalog item '__mzform_lock' already exists" }, secrets);
        this.locks.set(schema, { id: `u${++this.#ids}`, comment: null });
      } else if (verb === 'DROP') {
        if (!this.locks.delete(schema)) throw statementError({ code: 'XX000', message: "unknown catalog item '__mzform_lock'" }, secrets);
      } else {
        const entry = this.locks.get(schema);
        if (entry) entry.comment = (comment ?? '').replaceAll("''", "'");
      }
    }
    this.executed.push(text);
  }

  lockRows(): LockRow[] {
    return [...this.locks.entries()].map(([schema, l]) => {
      const [database, name] = schema.split('.').map((p) => p.slice(1, -1)) as [string, string];
      return { id: l.id, database_name: database, schema_name: name, comment: l.comment };
    });
  }
}

class FakeDatabase implements Database {
  roundTrips = 0;
  readonly target = 'fake';
  constructor(private readonly server: FakeServer) {}

  async query<T extends object>(sql: Sql): Promise<T[]> {
    this.roundTrips++;
    if (sql === LOCK_QUERY) return this.server.lockRows() as unknown as T[];
    throw new Error(`the fake server does not answer ${sql.slice(0, 40)}`);
  }

  async execute(text: string, secrets: readonly string[] = []): Promise<void> {
    this.roundTrips++;
    this.server.run(text, secrets);
  }

  async close(): Promise<void> {}
}
