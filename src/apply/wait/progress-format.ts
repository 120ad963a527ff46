import { KIND_LABEL, MARK, type ObjectHealth, describeSnapshot, groupDigits, percent } from '../../health/index.js';
import { displayName, nameKey } from '../../model/index.js';

/**
 * How `apply --wait` shows progress, without I/O: the lines a terminal
 * redraws in place, and the single line a CI log gets every few seconds.
 */

/** Records per second of each source's snapshot, from successive reads. */
export class SnapshotRates {
  readonly #last = new Map<string, { at: number; staged: number }>();
  readonly #rates = new Map<string, number>();

  update(health: readonly ObjectHealth[], atMs: number): void {
    for (const o of health) {
      const staged = o.snapshot?.recordsStaged;
      if (staged === undefined) continue;
      const key = nameKey(o.name);
      const last = this.#last.get(key);
      if (last && atMs > last.at && staged >= last.staged) this.#rates.set(key, ((staged - last.staged) * 1000) / (atMs - last.at));
      this.#last.set(key, { at: atMs, staged });
    }
  }

  rateOf(o: ObjectHealth): number | undefined {
    return this.#rates.get(nameKey(o.name));
  }
}

/** `1m05s`, `12s`. */
export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

function snapshotInProgress(o: ObjectHealth): { staged: number; known: number } | undefined {
  const s = o.snapshot;
  if (!s || s.committed || s.recordsKnown === undefined) return undefined;
  return { staged: s.recordsStaged ?? 0, known: s.recordsKnown };
}

function rateText(rate: number | undefined): string | undefined {
  return rate === undefined ? undefined : `${groupDigits(Math.round(rate))} records/s`;
}

export function readyCount(health: readonly ObjectHealth[]): string {
  return `${health.filter((o) => o.verdict === 'healthy').length} of ${health.length} ready`;
}

/** The block a terminal redraws: a heading, one line per object (with a bar while it snapshots), and what to do. */
export function terminalLines(health: readonly ObjectHealth[], elapsedMs: number, timeoutMs: number, rates: SnapshotRates, barWidth = 24): string[] {
  const names = health.map((o) => displayName(o.name));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const statusWidth = Math.max(0, ...health.map((o) => (o.status ?? '-').length));
  const lines = [`Waiting: ${readyCount(health)} (${formatElapsed(elapsedMs)} of ${formatElapsed(timeoutMs)})`];
  health.forEach((o, i) => {
    const head = `  ${MARK[o.verdict].padEnd(7)} ${KIND_LABEL[o.kind].padEnd(11)} ${(names[i] ?? '').padEnd(nameWidth)}  ${(o.status ?? '-').padEnd(statusWidth)}`;
    const snap = snapshotInProgress(o);
    if (snap) {
      const parts = [progressBar(snap.known === 0 ? 1 : snap.staged / snap.known, barWidth), `${String(percent(snap.staged, snap.known)).padStart(3)}%`, `${groupDigits(snap.staged)} of ${groupDigits(snap.known)} records`];
      const rate = rateText(rates.rateOf(o));
      lines.push(`${head}  ${[...parts, ...(rate ? [rate] : [])].join('  ')}`);
    } else {
      const done = o.verdict === 'healthy' ? describeSnapshot(o.snapshot) : undefined;
      lines.push(`${head}${done ? `  ${done}` : ''}`.trimEnd());
    }
    if (o.error) lines.push(`          error: ${o.error}`);
    if (o.note && o.verdict !== 'healthy' && !snap) lines.push(`          ${o.note}`);
  });
  return lines;
}

/** One line for a log: what is not ready yet and how far each snapshot is. */
export function plainLine(health: readonly ObjectHealth[], elapsedMs: number, rates: SnapshotRates): string {
  const waiting = health.filter((o) => o.verdict !== 'healthy');
  const parts = waiting.map((o) => {
    const snap = snapshotInProgress(o);
    if (!snap) return `${displayName(o.name)} ${o.status ?? o.verdict}`;
    const rate = rateText(rates.rateOf(o));
    return `${displayName(o.name)} ${o.status ?? '-'}, snapshot ${percent(snap.staged, snap.known)}% (${groupDigits(snap.staged)} of ${groupDigits(snap.known)} records${rate ? `, ${rate}` : ''})`;
  });
  return `[wait ${formatElapsed(elapsedMs)}] ${readyCount(health)}${parts.length > 0 ? `; ${parts.join('; ')}` : ''}`;
}

/** What changed since the last read, worth a line of its own in a log: a new status, an error, what to do next. */
export function statusKey(o: ObjectHealth): string {
  return `${o.verdict}|${o.status ?? ''}|${o.error ?? ''}`;
}

export function changeLines(o: ObjectHealth): string[] {
  const lines = [`${displayName(o.name)}: ${o.status ?? o.verdict}${o.verdict === 'healthy' ? ' (ready)' : ''}`];
  if (o.error) lines.push(`  error: ${o.error}`);
  if (o.note && o.verdict !== 'healthy' && o.note !== 'snapshotting') lines.push(`  ${o.note}`);
  return lines;
}
