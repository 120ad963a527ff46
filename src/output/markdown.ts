import { displayName } from '../model/index.js';
import type { Plan, Step } from '../plan/index.js';
import { MARKERS, stepTitle, summaryLine, UNMANAGED_NOTE } from './describe.js';
import { formatValue } from './format-value.js';

/**
 * The plan as a pull-request comment: the summary, a table of steps, then per
 * step its reason, hazards, field changes (a diff block) and SQL. Pure.
 */
export function renderPlanMarkdown(plan: Plan): string {
  const out: string[] = ['## mzform plan', '', `**${summaryLine(plan)}**`, ''];
  if (plan.steps.length > 0) {
    out.push('| Step | Action | Object | Hazards |', '|---:|:---:|---|---|');
    for (const s of plan.steps) {
      const action = s.action === 'replace' ? `replace (${s.phase})` : s.action;
      const hazards = s.hazards.map((h) => code(h.code)).join(' ');
      out.push(`| ${s.id} | ${code(MARKERS[s.action])} ${action} | ${s.objectKind} ${code(displayName(s.name))} | ${hazards} |`);
    }
    out.push('');
    for (const s of plan.steps) out.push(...stepSection(s));
  }
  if (plan.unmanaged.length > 0) {
    out.push(escapeText(UNMANAGED_NOTE), '');
    for (const u of plan.unmanaged) out.push(`- ${u.objectKind} ${code(displayName(u.name))} (${u.id})`);
    out.push('');
  }
  for (const w of plan.warnings) out.push(`> **Warning:** ${escapeText(w)}`, '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function stepSection(step: Step): string[] {
  const out = [`### ${step.id}. ${escapeText(MARKERS[step.action])} ${escapeText(stepTitle(step))}`, ''];
  if (step.reason !== undefined) out.push(`_${escapeText(step.reason)}_`, '');
  for (const h of step.hazards) out.push(`- :warning: **${h.code}**: ${escapeText(h.message)}`);
  if (step.hazards.length > 0) out.push('');
  if (step.fields.length > 0) {
    const lines = step.fields.flatMap((f) => [
      ...(f.before !== undefined ? [`- ${f.field}: ${formatValue(f.before)}`] : []),
      ...(f.after !== undefined ? [`+ ${f.field}: ${formatValue(f.after)}`] : []),
    ]);
    out.push(...fence(lines.join('\n'), 'diff'), '');
  }
  out.push(...fence(step.statements.map((s) => `${s.sql};`).join('\n'), 'sql'), '');
  return out;
}

/** A fenced block whose fence is longer than any backtick run inside, so names cannot close it. */
function fence(content: string, lang: string): string[] {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  return [`${f}${lang}`, content, f];
}

/** An inline code span that survives backticks and pipes in names (table cells). */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const body = text.replaceAll('|', '\\|').replace(/\n/g, ' ');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** Plain text in Markdown: characters that would start formatting are escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
