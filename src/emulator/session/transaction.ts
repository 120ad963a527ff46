import { MzError, SQLSTATE } from '../errors.js';
import type { Outcome, ServerNotice } from '../outcome.js';
import type { TransactionStatus } from '../wire/messages.js';

/**
 * Materialize's rules for explicit transactions, per session
 * (`TransactionOps`, src/adapter/src/session.rs:1556; messages in src/adapter/src/error.rs):
 * - a transaction that has read may not write, and the other way round
 *   ("transactions which modify objects are restricted to just modifying objects");
 * - DDL inside BEGIN runs at COMMIT; only CREATE SOURCE and renames batch,
 *   any other DDL must be the transaction's only statement;
 * - after an error, everything but COMMIT / ROLLBACK fails until the end.
 */
type State =
  | { readonly state: 'none' }
  | { state: 'open'; ops: 'none' | 'reads' | 'deferred' | 'batch'; pending: string[]; failed: boolean };

export class TransactionRules {
  private txn: State = { state: 'none' };

  /** The ReadyForQuery status: idle, in a transaction, or in a failed one. */
  status(): TransactionStatus {
    if (this.txn.state === 'none') return 'I';
    return this.txn.failed ? 'E' : 'T';
  }

  get open(): boolean {
    return this.txn.state === 'open';
  }

  /** An error inside the transaction: it is failed until COMMIT / ROLLBACK. */
  markFailed(): void {
    if (this.txn.state === 'open') this.txn.failed = true;
  }

  /** The error for any statement but COMMIT / ROLLBACK in a failed transaction. */
  refuseIfFailed(): MzError | undefined {
    if (this.txn.state === 'open' && this.txn.failed) {
      return new MzError('current transaction is aborted, commands ignored until end of transaction block', { sqlstate: SQLSTATE.inFailedTransaction });
    }
    return undefined;
  }

  /** A read (anything the engine runs): refused after DDL in the same transaction. */
  refuseRead(): MzError | undefined {
    if (this.txn.state !== 'open') return undefined;
    if (this.txn.ops === 'deferred') return singleStatementError();
    if (this.txn.ops === 'batch') return restrictedError();
    this.txn.ops = 'reads';
    return undefined;
  }

  /** DDL inside BEGIN: kept for COMMIT (true), or false outside a transaction (run it now). Throws what Materialize refuses. */
  defer(text: string, batchable: boolean): boolean {
    if (this.txn.state !== 'open') return false;
    const txn = this.txn;
    if (txn.ops === 'deferred') throw singleStatementError();
    if (txn.ops === 'reads' || (txn.ops === 'batch' && !batchable)) throw restrictedError();
    txn.ops = batchable ? 'batch' : 'deferred';
    txn.pending.push(text);
    return true;
  }

  /** BEGIN / START, COMMIT / END, ROLLBACK / ABORT; `runDeferred` runs DDL kept until COMMIT, whose errors surface on COMMIT, as in Materialize. */
  async control(verb: string, runDeferred: (text: string) => Promise<Outcome>): Promise<Outcome> {
    if (verb === 'begin' || verb === 'start') {
      if (this.txn.state === 'open') {
        return { tag: 'BEGIN', notices: [{ severity: 'WARNING', code: SQLSTATE.activeSqlTransaction, message: 'there is already a transaction in progress' }] };
      }
      this.txn = { state: 'open', ops: 'none', pending: [], failed: false };
      return { tag: 'BEGIN' };
    }
    if (this.txn.state === 'none') {
      const tag = verb === 'commit' || verb === 'end' ? 'COMMIT' : 'ROLLBACK';
      return { tag, notices: [{ severity: 'WARNING', code: '25P01', message: 'there is no transaction in progress' }] };
    }
    const txn = this.txn;
    this.txn = { state: 'none' };
    if (verb === 'rollback' || verb === 'abort' || txn.failed) return { tag: 'ROLLBACK' };
    const notices: ServerNotice[] = [];
    for (const text of txn.pending) notices.push(...((await runDeferred(text)).notices ?? []));
    return { tag: 'COMMIT', notices };
  }
}

function singleStatementError(): MzError {
  return new MzError('this transaction can only execute a single statement', { sqlstate: SQLSTATE.invalidTransactionState });
}

function restrictedError(): MzError {
  return new MzError('transactions which modify objects are restricted to just modifying objects', { sqlstate: SQLSTATE.invalidTransactionState });
}
