import { InputError } from '../errors.js';

/** Where in a SQL text something is: 0-based offset, 1-based line and column (in UTF-16 code units). */
export interface SqlPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * SQL text that could not be lexed, parsed or turned into the model. Carries
 * the position so that messages can point at it, and optionally the object
 * whose definition it was (for catalog `create_sql`).
 */
export class SqlParseError extends InputError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** The bare reason, without position or object: what tests and callers match on. */
  readonly reason: string;
  readonly object?: string;

  constructor(reason: string, position: SqlPosition, options?: { object?: string; hint?: string; cause?: unknown }) {
    const where = `line ${position.line}, column ${position.column}`;
    const subject = options?.object ? `${options.object}: ` : '';
    super('sql.parse', `${subject}${reason} (at ${where})`, {
      ...(options?.hint ? { hint: options.hint } : {}),
      ...(options?.cause === undefined ? {} : { cause: options.cause }),
    });
    this.reason = reason;
    this.offset = position.offset;
    this.line = position.line;
    this.column = position.column;
    if (options?.object) this.object = options.object;
  }

  /** The same error, attributed to an object (e.g. `connection materialize.public.kafka`). */
  forObject(object: string): SqlParseError {
    return new SqlParseError(this.reason, this, { object, ...(this.hint ? { hint: this.hint } : {}) });
  }
}
