import { displayName, terminalSafe } from '../model/index.js';
import type { Step } from '../plan/index.js';
import type { StepProgress } from './execute.js';
import type { StepResult } from './report.js';
import { formatSeconds } from './report-describe.js';
import type { ProgressStream } from './wait/progress-writer.js';
import { formatElapsed } from './wait/progress-format.js';

/**
 * What `apply` prints while its steps run, each step once: a line as each
 * step ends, with how long it took. On a terminal a last line, redrawn in
 * place, counts the steps (`step 12/40`) and the time since the first began;
 * elsewhere (CI logs) only the plain lines, never an escape code.
 */
export interface StepProgressWriter {
  started(step: Step, progress: StepProgress): void;
  ended(result: StepResult, progress: StepProgress & { readonly durationMs: number }): void;
  /** A line of its own (a signal's notice) above the redrawn one, which is drawn again below it. */
  interject(line: string): void;
  /** Clears the redrawn line. Steps started after it are timed afresh (the next apply of a rollout). */
  finish(): void;
  /** From the first step's start to the last step's end (since the last finish); undefined when no step ran. */
  readonly elapsedMs: number | undefined;
}

export interface StepProgressOptions {
  /** Milliseconds, monotonic: performance.now by default. */
  readonly now?: () => number;
  /** How often the terminal line's elapsed time is redrawn while a statement runs. */
  readonly redrawMs?: number;
}

export function stepProgressWriter(stream: ProgressStream, options: StepProgressOptions = {}): StepProgressWriter {
  return new StepProgressLines(stream, options.now ?? (() => performance.now()), options.redrawMs ?? 1000);
}

/** `step 3/40: create connection materialize.public.kafka: done in 0.12 s`. */
export function stepEndLine(result: StepResult, progress: StepProgress & { readonly durationMs: number }): string {
  const status = result.status === 'done' ? 'done' : 'FAILED';
  return `step ${progress.index}/${progress.total}: ${stepWhat(result)}: ${status} in ${formatSeconds(progress.durationMs)}`;
}

function stepWhat(step: Pick<StepResult, 'action' | 'phase' | 'objectKind' | 'name'>): string {
  const action = step.action === 'replace' ? `replace (${step.phase ?? 'drop'})` : step.action;
  return `${action} ${step.objectKind} ${terminalSafe(displayName(step.name))}`;
}

class StepProgressLines implements StepProgressWriter {
  #firstStart: number | undefined;
  #lastEnd: number | undefined;
  /** The step under way, for the terminal line. */
  #current: { what: string; index: number; total: number } | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #finished = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number,
    private readonly redrawMs: number,
  ) {}

  get elapsedMs(): number | undefined {
    return this.#firstStart === undefined || this.#lastEnd === undefined ? undefined : this.#lastEnd - this.#firstStart;
  }

  started(step: Step, progress: StepProgress): void {
    if (this.#finished) {
      this.#finished = false;
      this.#firstStart = undefined;
      this.#lastEnd = undefined;
    }
    this.#firstStart ??= this.now();
    if (!this.stream.isTTY) return;
    this.#current = { what: stepWhat(step), index: progress.index, total: progress.total };
    this.#draw();
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#draw(), this.redrawMs);
      this.#timer.unref?.();
    }
  }

  ended(result: StepResult, progress: StepProgress & { readonly durationMs: number }): void {
    this.#lastEnd = this.now();
    // On a terminal the line replaces the redrawn one; the next step draws it again below.
    this.stream.write(`${this.stream.isTTY ? '\r\x1b[2K' : ''}${stepEndLine(result, progress)}\n`);
    this.#current = undefined;
  }

  interject(line: string): void {
    this.stream.write(`${this.stream.isTTY && this.#current !== undefined ? '\r\x1b[2K' : ''}${line}\n`);
    this.#draw();
  }

  finish(): void {
    this.#finished = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.stream.isTTY && this.#current !== undefined) this.stream.write('\r\x1b[2K');
    this.#current = undefined;
  }

  #draw(): void {
    const c = this.#current;
    if (c === undefined || this.#firstStart === undefined) return;
    const line = `step ${c.index}/${c.total}, ${formatElapsed(this.now() - this.#firstStart)} elapsed: ${c.what} ...`;
    // Cut to the width: a wrapped line could not be redrawn in place.
    const width = Math.max(20, (this.stream.columns ?? 100) - 1);
    const chars = [...line];
    this.stream.write(`\r\x1b[2K${chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : line}`);
  }
}
