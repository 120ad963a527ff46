import { MzError } from './errors.js';

/**
 * Faults tests can inject, at start or while running:
 * - `close-after`: the next `statements` statements run; the one after that is
 *   not run and its client connection is closed without a reply. Fires once.
 * - `fail-matching`: every statement whose text matches `pattern` (a
 *   case-insensitive JavaScript regular expression) fails with `message` and
 *   `sqlstate` (default XX000) and is not run. Stays until cleared.
 * - `latency`: every statement waits `ms` milliseconds first. Stays until cleared.
 * - `lose-reply-after`: the next `statements` statements run; the one after
 *   that runs too (its change is made), then its connection is closed without
 *   the reply, as when a network fails after the server committed. Fires once.
 * - `stall-matching`: every statement whose text matches `pattern` is never
 *   answered (the server stops answering); it is not run. Stays until cleared.
 */
export type Fault =
  | { readonly kind: 'close-after'; readonly statements: number }
  | { readonly kind: 'fail-matching'; readonly pattern: string; readonly message: string; readonly sqlstate?: string }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'lose-reply-after'; readonly statements: number }
  | { readonly kind: 'stall-matching'; readonly pattern: string };

/** What to do with the statement about to run. */
export type FaultVerdict =
  | { readonly kind: 'run'; readonly delayMs: number }
  | { readonly kind: 'run-then-close'; readonly delayMs: number }
  | { readonly kind: 'close' }
  | { readonly kind: 'stall' }
  | { readonly kind: 'fail'; readonly error: MzError; readonly delayMs: number };

interface CloseAfter {
  readonly kind: 'close-after' | 'lose-reply-after';
  remaining: number;
}

export class FaultInjector {
  private closeAfter: CloseAfter[] = [];
  private failures: { regex: RegExp; fault: Extract<Fault, { kind: 'fail-matching' }> }[] = [];
  private stalls: { regex: RegExp; fault: Extract<Fault, { kind: 'stall-matching' }> }[] = [];
  private latencyMs = 0;
  private readonly pendingDelays = new Set<NodeJS.Timeout>();
  private stopped = false;

  inject(fault: Fault): void {
    switch (fault.kind) {
      case 'close-after':
      case 'lose-reply-after':
        if (!Number.isInteger(fault.statements) || fault.statements < 0) throw new MzError(`${fault.kind} needs a whole number of statements, 0 or more`);
        this.closeAfter.push({ kind: fault.kind, remaining: fault.statements });
        break;
      case 'fail-matching':
        this.failures.push({ regex: faultPattern(fault.pattern), fault });
        break;
      case 'stall-matching':
        this.stalls.push({ regex: faultPattern(fault.pattern), fault });
        break;
      case 'latency':
        if (!(fault.ms >= 0)) throw new MzError('latency needs a number of milliseconds, 0 or more');
        this.latencyMs = fault.ms;
        break;
    }
  }

  clear(): void {
    this.closeAfter = [];
    this.failures = [];
    this.stalls = [];
    this.latencyMs = 0;
  }

  /**
   * The latency fault's wait. At stop every pending wait is dropped (it never
   * ends, so its statement never runs), so that a statement delayed by an hour
   * keeps neither the process alive nor Ctrl+C waiting.
   */
  delay(ms: number): Promise<void> {
    if (this.stopped) return new Promise<void>(() => {});
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.pendingDelays.delete(timer);
        resolve();
      }, ms);
      this.pendingDelays.add(timer);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pendingDelays) clearTimeout(timer);
    this.pendingDelays.clear();
  }

  /** The faults injected and still armed, for status output. */
  active(): readonly Fault[] {
    return [
      ...this.closeAfter.map((c) => ({ kind: c.kind, statements: c.remaining })),
      ...this.failures.map((f) => f.fault),
      ...this.stalls.map((f) => f.fault),
      ...(this.latencyMs > 0 ? [{ kind: 'latency' as const, ms: this.latencyMs }] : []),
    ];
  }

  /** Decides the fate of one statement; counts it against every armed close-after. */
  next(statement: string): FaultVerdict {
    if (this.stalls.some((f) => f.regex.test(statement))) return { kind: 'stall' };
    if (this.closeAfter.some((c) => c.remaining === 0 && c.kind === 'close-after')) {
      // The statement does not run, so it does not count against the others.
      this.closeAfter = this.closeAfter.filter((c) => c.remaining > 0);
      return { kind: 'close' };
    }
    const loseReply = this.closeAfter.some((c) => c.remaining === 0);
    this.closeAfter = this.closeAfter.filter((c) => c.remaining > 0);
    for (const c of this.closeAfter) c.remaining -= 1;
    if (loseReply) return { kind: 'run-then-close', delayMs: this.latencyMs };
    const failure = this.failures.find((f) => f.regex.test(statement));
    if (failure) {
      const error = new MzError(failure.fault.message, { sqlstate: failure.fault.sqlstate ?? 'XX000' });
      return { kind: 'fail', error, delayMs: this.latencyMs };
    }
    return { kind: 'run', delayMs: this.latencyMs };
  }
}

function faultPattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (err) {
    throw new MzError(`invalid fault pattern: ${err instanceof Error ? err.message : String(err)}`);
  }
}
