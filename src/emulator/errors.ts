/**
 * An error the emulator reports to its client the way Materialize would:
 * message, SQLSTATE and optional detail and hint. Plan and catalog errors are
 * XX000 in Materialize (materialize-semantics.md section 8), so that is the default.
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
