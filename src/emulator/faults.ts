import { MzError } from './errors.js';

/**
 * Faults tests can inject, at start or while running:
 * - `close-after`: the next `statements` statements run; the one after that is
 *   not run and its client connection is closed without a reply. Fires once.
 * - `fail-matching`: every statement whose text matches `pattern` (a
 *   case-insensitive JavaScript regular expression) fails with `message` and
 *   `sqlstate` (default XX000) and is not run. Stays until cleared.
 * - `latency`: every statement waits `ms` milliseconds first. Stays until cleared.
 */
export type Fault =
  | { readonly kind: 'close-after'; readonly statements: number }
  | { readonly kind: 'fail-matching'; readonly pattern: string; readonly message: string; readonly sqlstate?: string }
  | { readonly kind: 'latency'; readonly ms: number };

/** What to do with the statement about to run. */
export type FaultVerdict = { readonly kind: 'run'; readonly delayMs: number } | { readonly kind: 'close' } | { readonly kind: 'fail'; readonly error: MzError; readonly delayMs: number };

interface CloseAfter {
  readonly kind: 'close-after';
  remaining: number;
}

export class FaultInjector {
  private closeAfter: CloseAfter[] = [];
  private failures: { regex: RegExp; fault: Extract<Fault, { kind: 'fail-matching' }> }[] = [];
  private latencyMs = 0;

  inject(fault: Fault): void {
    switch (fault.kind) {
      case 'close-after':
        if (!Number.isInteger(fault.statements) || fault.statements < 0) throw new MzError('close-after needs a whole number of statements, 0 or more');
        this.closeAfter.push({ kind: 'close-after', remaining: fault.statements });
        break;
      case 'fail-matching': {
        let regex: RegExp;
        try {
          regex = new RegExp(fault.pattern, 'i');
        } catch (err) {
          throw new MzError(`invalid fault pattern: ${err instanceof Error ? err.message : String(err)}`);
        }
        this.failures.push({ regex, fault });
        break;
      }
      case 'latency':
        if (!(fault.ms >= 0)) throw new MzError('latency needs a number of milliseconds, 0 or more');
        this.latencyMs = fault.ms;
        break;
    }
  }

  clear(): void {
    this.closeAfter = [];
    this.failures = [];
    this.latencyMs = 0;
  }

  /** The faults injected and still armed, for status output. */
  active(): readonly Fault[] {
    return [
      ...this.closeAfter.map((c) => ({ kind: 'close-after' as const, statements: c.remaining })),
      ...this.failures.map((f) => f.fault),
      ...(this.latencyMs > 0 ? [{ kind: 'latency' as const, ms: this.latencyMs }] : []),
    ];
  }

  /** Decides the fate of one statement; counts it against every armed close-after. */
  next(statement: string): FaultVerdict {
    if (this.closeAfter.some((c) => c.remaining === 0)) {
      // The statement does not run, so it does not count against the others.
      this.closeAfter = this.closeAfter.filter((c) => c.remaining > 0);
      return { kind: 'close' };
    }
    for (const c of this.closeAfter) c.remaining -= 1;
    const failure = this.failures.find((f) => f.regex.test(statement));
    if (failure) {
      const error = new MzError(failure.fault.message, { sqlstate: failure.fault.sqlstate ?? 'XX000' });
      return { kind: 'fail', error, delayMs: this.latencyMs };
    }
    return { kind: 'run', delayMs: this.latencyMs };
  }
}
