import type { ObjectHealth } from '../../health/index.js';
import { nameKey } from '../../model/index.js';
import { SnapshotRates, changeLines, plainLine, statusKey, terminalLines } from './progress-format.js';

/** Where progress goes: stderr, so that stdout keeps only the report. */
export interface ProgressStream {
  write(text: string): void;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressWriter {
  update(health: readonly ObjectHealth[], elapsedMs: number): void;
  /** Leaves the last state on screen. */
  finish(): void;
}

/** The default gap between plain lines in a log. */
export const PLAIN_INTERVAL_MS = 5000;

/**
 * A terminal gets a block redrawn in place (cursor up, clear line) with a
 * bar per snapshotting source; anything else (CI) gets a line per status
 * change and a progress line at most every `intervalMs`, never escape codes.
 */
export function progressWriter(stream: ProgressStream, options: { timeoutMs: number; intervalMs?: number }): ProgressWriter {
  return stream.isTTY ? new TerminalProgress(stream, options.timeoutMs) : new PlainProgress(stream, options.intervalMs ?? PLAIN_INTERVAL_MS);
}

class TerminalProgress implements ProgressWriter {
  readonly #rates = new SnapshotRates();
  #drawn = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly timeoutMs: number,
  ) {}

  update(health: readonly ObjectHealth[], elapsedMs: number): void {
    this.#rates.update(health, elapsedMs);
    const width = Math.max(40, this.stream.columns ?? 100);
    // Long lines (a principal to copy) wrap rather than being cut; each piece is a line the next redraw must climb back over.
    const lines = terminalLines(health, elapsedMs, this.timeoutMs, this.#rates).flatMap((l) => wrap(l, width - 1));
    // Up to the first line of the previous block, then rewrite every line and clear what is left below.
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}F` : '';
    this.stream.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join('')}\x1b[J`);
    this.#drawn = lines.length;
  }

  finish(): void {
    this.#drawn = 0;
  }
}

class PlainProgress implements ProgressWriter {
  readonly #rates = new SnapshotRates();
  readonly #seen = new Map<string, string>();
  #lastLineAt: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly intervalMs: number,
  ) {}

  update(health: readonly ObjectHealth[], elapsedMs: number): void {
    this.#rates.update(health, elapsedMs);
    const changed: string[] = [];
    for (const o of health) {
      const key = statusKey(o);
      if (this.#seen.get(nameKey(o.name)) === key) continue;
      this.#seen.set(nameKey(o.name), key);
      changed.push(...changeLines(o));
    }
    if (changed.length > 0) this.stream.write(`${changed.join('\n')}\n`);
    if (this.#lastLineAt === undefined || elapsedMs - this.#lastLineAt >= this.intervalMs) {
      this.stream.write(`${plainLine(health, elapsedMs, this.#rates)}\n`);
      this.#lastLineAt = elapsedMs;
    }
  }

  finish(): void {}
}

function wrap(line: string, width: number): string[] {
  const chars = [...line];
  if (chars.length <= width) return [line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}
