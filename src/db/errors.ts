import { RuntimeError } from '../errors.js';
import { redact } from './redact.js';

/** A failure reported by the server or the network, with the SQLSTATE when the server gave one. */
export class DatabaseError extends RuntimeError {
  readonly sqlstate?: string;
  readonly detail?: string;

  constructor(code: string, message: string, options: { sqlstate?: string; detail?: string; hint?: string; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause, ...(options.hint ? { hint: options.hint } : {}) });
    if (options.sqlstate) this.sqlstate = options.sqlstate;
    if (options.detail) this.detail = options.detail;
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  errno?: number;
  syscall?: string;
}

/** Network error codes from Node, turned into the reason users understand. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed by the server',
};

/** Failures while connecting: one clear line, no stack. */
export function connectError(err: unknown, target: string): DatabaseError {
  const e = (err ?? {}) as PgLikeError;
  const code = e.code ?? '';
  if (code in NETWORK_REASONS) {
    return new DatabaseError('db.unreachable', `cannot connect to Materialize at ${target}: ${NETWORK_REASONS[code]}`, {
      cause: err,
      hint: 'Check --url (or MZFORM_URL / PGHOST), the network, and that the server is running.',
    });
  }
  if (code === '28P01' || code === '28000') {
    return new DatabaseError('db.auth', `cannot connect to Materialize at ${target}: authentication failed (${e.message ?? code})`, {
      sqlstate: code,
      cause: err,
      hint: 'Check the user and the password (an app password on Materialize Cloud).',
    });
  }
  const message = e.message ?? String(err);
  if (/timeout/i.test(message)) {
    return new DatabaseError('db.unreachable', `cannot connect to Materialize at ${target}: connection timed out`, { cause: err });
  }
  return new DatabaseError('db.connect', `cannot connect to Materialize at ${target}: ${message}`, {
    ...(code ? { sqlstate: code } : {}),
    cause: err,
  });
}

/** A failed statement or query; the message is redacted of the given secret values. */
export function statementError(err: unknown, secrets: readonly string[] = []): DatabaseError {
  const e = (err ?? {}) as PgLikeError;
  // The original error is not kept as `cause`: its message may hold the very values redacted here.
  const message = redact(e.message ?? String(err), secrets);
  if (e.code && e.code in NETWORK_REASONS) {
    return new DatabaseError('db.connection-lost', `lost the connection to Materialize: ${NETWORK_REASONS[e.code]}`, { cause: undefined });
  }
  if (/Connection terminated/i.test(message)) return new DatabaseError('db.connection-lost', 'lost the connection to Materialize');
  return new DatabaseError('db.statement-failed', message, {
    ...(e.code ? { sqlstate: e.code } : {}),
    ...(e.detail ? { detail: redact(e.detail, secrets) } : {}),
    ...(e.hint ? { hint: redact(e.hint, secrets) } : {}),
  });
}

/**
 * A failed query reported before the secret values to remove were known (the
 * catalog is read while the manifest is loaded), redacted now as statementError
 * would have. Anything else is returned as it is.
 */
export function redactedLater(err: unknown, secrets: readonly string[]): unknown {
  if (!(err instanceof DatabaseError) || err.code !== 'db.statement-failed' || secrets.length === 0) return err;
  const same = (text: string | undefined) => text === undefined || redact(text, secrets) === text;
  // Unchanged, the error keeps its cause (shown by --debug); a changed one drops it, as statementError does.
  if (same(err.message) && same(err.detail) && same(err.hint)) return err;
  return new DatabaseError(err.code, redact(err.message, secrets), {
    ...(err.sqlstate ? { sqlstate: err.sqlstate } : {}),
    ...(err.detail ? { detail: redact(err.detail, secrets) } : {}),
    ...(err.hint ? { hint: redact(err.hint, secrets) } : {}),
  });
}
