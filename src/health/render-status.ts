import { displayName } from '../model/index.js';
import { type HealthVerdict, type ObjectHealth, countVerdicts, describeSnapshot, overallVerdict } from './evaluate.js';

/** The status report in the three formats of `mzform status`. Pure and deterministic: the same health, the same bytes. */

export const MARK: Record<HealthVerdict, string> = { healthy: 'ok', pending: 'wait', unhealthy: 'FAIL', missing: 'missing' };
export const KIND_LABEL: Record<ObjectHealth['kind'], string> = { source: 'source', table: 'table', 'aws-privatelink': 'privatelink', 'ssh-tunnel': 'ssh-tunnel' };

/** The lines under an object: snapshot, error, subsource errors, what to do. */
export function detailLines(o: ObjectHealth): string[] {
  const lines: string[] = [];
  const snapshot = describeSnapshot(o.snapshot);
  if (snapshot && o.verdict !== 'unhealthy') lines.push(snapshot);
  if (o.error) lines.push(`error: ${o.error}`);
  for (const s of o.subsources ?? []) lines.push(`subsource ${displayName(s.name)} ${s.status}${s.error && s.error !== o.error ? `: ${s.error}` : ''}`);
  if (o.note && !(o.subsources && o.subsources.length > 0)) lines.push(o.note);
  return lines;
}

export function summaryLine(list: readonly ObjectHealth[]): string {
  const c = countVerdicts(list);
  const parts = [`${c.healthy} healthy`, `${c.pending} pending`, `${c.unhealthy} unhealthy`, ...(c.missing > 0 ? [`${c.missing} missing`] : [])];
  return `${list.length} object${list.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

export function renderStatusText(list: readonly ObjectHealth[]): string {
  if (list.length === 0) return 'The manifest declares no sources or PrivateLink connections.\n';
  const rows = list.map((o) => [MARK[o.verdict], KIND_LABEL[o.kind], displayName(o.name), o.status ?? '-', o.lastChangeAt ? `since ${o.lastChangeAt}` : '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const out: string[] = [];
  list.forEach((o, n) => {
    const row = rows[n] as string[];
    out.push(row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ').trimEnd());
    for (const line of detailLines(o)) out.push(`      ${line}`);
  });
  out.push('', `${summaryLine(list)}.`);
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('`', "'");
}

export function renderStatusMarkdown(list: readonly ObjectHealth[]): string {
  const verdict = overallVerdict(list);
  const title = verdict === 'healthy' ? 'all healthy' : verdict === 'pending' ? 'not ready yet' : 'unhealthy objects';
  const out = [`### mzform status: ${title}`, '', `${summaryLine(list)}.`, ''];
  if (list.length > 0) {
    out.push('| | object | kind | status | since | details |', '|---|---|---|---|---|---|');
    for (const o of list) {
      out.push(
        `| ${MARK[o.verdict]} | \`${cell(displayName(o.name))}\` | ${KIND_LABEL[o.kind]} | ${cell(o.status ?? '-')} | ${o.lastChangeAt ?? ''} | ${detailLines(o).map(cell).join('<br>')} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export const STATUS_JSON_FORMAT_VERSION = 1;

export function toStatusJson(list: readonly ObjectHealth[]) {
  return {
    format_version: STATUS_JSON_FORMAT_VERSION,
    verdict: overallVerdict(list),
    counts: countVerdicts(list),
    objects: list.map((o) => ({
      name: displayName(o.name),
      database: o.name.database,
      schema: o.name.schema,
      object: o.name.name,
      kind: o.kind,
      verdict: o.verdict,
      status: o.status,
      last_status_change_at: o.lastChangeAt ?? null,
      error: o.error ?? null,
      note: o.note ?? null,
      snapshot: o.snapshot
        ? { records_known: o.snapshot.recordsKnown ?? null, records_staged: o.snapshot.recordsStaged ?? null, committed: o.snapshot.committed }
        : null,
      principal: o.principal ?? null,
      subsources: (o.subsources ?? []).map((s) => ({ name: displayName(s.name), status: s.status, error: s.error ?? null })),
    })),
  };
}

export function renderStatusJson(list: readonly ObjectHealth[]): string {
  return `${JSON.stringify(toStatusJson(list), null, 2)}\n`;
}
