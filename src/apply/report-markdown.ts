import { displayName } from '../model/index.js';
import type { ApplyReport, StepStatus } from './report.js';
import { AFTER_FAILURE, AFTER_INTERRUPT, outputInstructions, reportHeadline, stepNote } from './report-describe.js';
import { code, escapeText, fence } from '../output/markdown-syntax.js';

const STATUS: Record<StepStatus, string> = { done: ':white_check_mark: done', failed: ':x: failed', 'not-run': ':black_square_button: not run' };

/** The apply report as Markdown (a PR or job summary comment). Pure. */
export function renderApplyMarkdown(report: ApplyReport): string {
  const out: string[] = ['## mzform apply', '', `**${reportHeadline(report)}**`, ''];
  if (report.steps.length > 0) {
    out.push('| Step | Status | Action | Object |', '|---:|---|---|---|');
    for (const s of report.steps) {
      const action = s.action === 'replace' ? `replace (${s.phase ?? 'drop'})` : s.action;
      out.push(`| ${s.id} | ${STATUS[s.status]} | ${action} | ${s.objectKind} ${code(displayName(s.name))} |`);
    }
    out.push('');
  }
  for (const s of report.steps) {
    if (!s.error) continue;
    out.push(`### Step ${s.id} failed`, '');
    out.push(...fence([`${s.error.sqlstate ? `${s.error.sqlstate}: ` : ''}${s.error.message}`, ...(s.error.detail ? [`detail: ${s.error.detail}`] : []), ...(s.error.hint ? [`hint: ${s.error.hint}`] : [])].join('\n'), 'text'), '');
    const note = stepNote(s);
    if (note) out.push(escapeText(note), '');
  }
  if (report.outcome === 'failed') out.push(escapeText(AFTER_FAILURE), '');
  if (report.outcome === 'interrupted') out.push(escapeText(AFTER_INTERRUPT), '');
  // report.warnings (--target's) are not repeated: the plan shown before the steps carries them.
  if (report.outputs.length > 0) {
    out.push('### Outputs', '');
    for (const o of report.outputs) {
      const { title, instruction, values } = outputInstructions(o);
      out.push(`**${escapeText(title)}**: ${escapeText(instruction)}`, '', ...fence(values.join('\n'), 'text'), '');
    }
  }
  if (report.validations) {
    out.push('### Validation', '');
    if (report.validations.length === 0) out.push('No connection was created or altered, nothing to validate.', '');
    for (const v of report.validations) out.push(`- ${v.ok ? ':white_check_mark:' : ':x:'} connection ${code(displayName(v.name))}${v.ok ? '' : `: ${escapeText(v.message ?? '')}`}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
