import { displayName } from '../model/index.js';
import type { Plan, Step } from '../plan/index.js';
import { MARKERS, stepTitle, summaryLine, UNMANAGED_NOTE } from './describe.js';
import { formatField } from './format-value.js';
import { fitBlocks, type Block } from './markdown-budget.js';
import { code, escapeText, fence } from './markdown-syntax.js';

export interface MarkdownOptions {
  /** A hidden first line (an HTML comment) by which a CI job finds its own comment again. */
  readonly marker?: string;
  /** Said after the heading, e.g. the manifest and environment: `mzform plan: materialize.yaml (production)`. */
  readonly subject?: string;
  /**
   * The longest output allowed, in UTF-16 code units (GitHub counts no fewer
   * characters than that). Beyond it, per-step detail, SQL and the lists are
   * cut from the end, and a visible note says what was cut.
   */
  readonly maxLength?: number;
}

/**
 * The plan as a pull-request comment or job summary. Above the fold: the
 * summary line, every hazard, warnings and the table of steps; then per step
 * its reason and field changes, with the SQL folded in `<details>`; then the
 * objects not in the manifest. Pure.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const head: string[] = [];
  if (options.marker !== undefined) head.push(options.marker);
  const title = options.subject === undefined ? 'mzform plan' : `mzform plan: ${escapeText(options.subject)}`;
  head.push(`## ${title}`, '', `**${summaryLine(plan)}**`, '');

  const blocks: Block[] = [];
  const hazards = plan.steps.flatMap((s) => s.hazards.map((h) => ({ step: s, hazard: h })));
  if (hazards.length > 0) {
    blocks.push({ text: `### Hazards (${hazards.length})\n`, cut: 'hazards' });
    for (const { step, hazard } of hazards) {
      blocks.push({ text: `- :warning: **${hazard.code}** (step ${step.id}): ${escapeText(hazard.message)}`, cut: 'hazards', item: 'hazard' });
    }
    blocks.push({ text: '', cut: 'hazards' });
  }
  for (const w of plan.warnings) blocks.push({ text: `> **Warning:** ${escapeText(w)}\n`, cut: 'warnings', item: 'warning' });
  if (plan.steps.length > 0) {
    blocks.push({ text: '| Step | Action | Object | Hazards |\n|---:|:---:|---|---|', cut: 'table' });
    for (const s of plan.steps) {
      const action = s.action === 'replace' ? `replace (${s.phase})` : s.action;
      const codes = s.hazards.map((h) => code(h.code)).join(' ');
      blocks.push({ text: `| ${s.id} | ${code(MARKERS[s.action])} ${action} | ${s.objectKind} ${code(displayName(s.name))} | ${codes} |`, cut: 'table', item: 'row' });
    }
    blocks.push({ text: '', cut: 'table' });
    for (const s of plan.steps) blocks.push({ text: stepSection(s).join('\n'), cut: 'steps', item: s.id });
  }
  if (plan.unmanaged.length > 0) {
    blocks.push({ text: `${escapeText(UNMANAGED_NOTE)}\n`, cut: 'unmanaged' });
    for (const u of plan.unmanaged) blocks.push({ text: `- ${u.objectKind} ${code(displayName(u.name))} (${u.id})`, cut: 'unmanaged', item: 'object' });
    blocks.push({ text: '', cut: 'unmanaged' });
  }

  const finish = (lines: readonly string[]) => `${lines.join('\n').replace(/\n+$/, '')}\n`;
  if (options.maxLength === undefined) return finish([...head, ...blocks.map((b) => b.text)]);
  return fitBlocks(head, blocks, options.maxLength, finish);
}

function stepSection(step: Step): string[] {
  const out = [`### ${step.id}. ${escapeText(MARKERS[step.action])} ${escapeText(stepTitle(step))}`, ''];
  if (step.reason !== undefined) out.push(`_${escapeText(step.reason)}_`, '');
  if (step.fields.length > 0) {
    const lines = step.fields.flatMap((f) => [
      ...(f.before !== undefined ? [`- ${f.field}: ${formatField(f.before, f.shape)}`] : []),
      ...(f.after !== undefined ? [`+ ${f.field}: ${formatField(f.after, f.shape)}`] : []),
    ]);
    out.push(...fence(lines.join('\n'), 'diff'), '');
  }
  const count = step.statements.length;
  out.push(
    '<details><summary>SQL (' + `${count} statement${count === 1 ? '' : 's'})</summary>`,
    '',
    ...fence(step.statements.map((s) => `${s.sql};`).join('\n'), 'sql'),
    '',
    '</details>',
    '',
  );
  return out;
}
