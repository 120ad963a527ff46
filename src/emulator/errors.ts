/**
 * An error the emulator reports to its client the way Materialize would:
 * message, SQLSTATE and optional detail and hint. Plan and catalog errors are
 * XX000 in Materialize, so that is the default: `AdapterError::code` maps every
 * other `PlanError` to `SqlState::INTERNAL_ERROR` (src/adapter/src/error.rs:631)
 * and every catalog error but a variable error likewise (src/adapter/src/error.rs:584).
 */
export class MzError extends Error {
  readonly sqlstate: string;
  readonly detail?: string;
  readonly hint?: string;

  constructor(message: string, options?: { sqlstate?: string; detail?: string; hint?: string }) {
    super(message);
    this.name = 'MzError';
    this.sqlstate = options?.sqlstate ?? 'XX000';
    if (options?.detail !== undefined) this.detail = options.detail;
    if (options?.hint !== undefined) this.hint = options.hint;
  }
}

/** SQLSTATEs the emulator uses besides XX000. */
export const SQLSTATE = {
  syntaxError: '42601',
  undefinedObject: '42704',
  duplicateObject: '42710',
  activeSqlTransaction: '25001',
  invalidTransactionState: '25000',
  inFailedTransaction: '25P02',
  connectionFailure: '58000',
  featureNotSupported: '0A000',
  undefinedParameter: '42704',
} as const;
