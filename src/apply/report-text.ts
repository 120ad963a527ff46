import { displayName, terminalSafeDeep } from '../model/index.js';
import { type ApplyReport, type ObjectOutput, type StepStatus, type ValidationResult, countByStatus } from './report.js';
import { AFTER_FAILURE, AFTER_INTERRUPT, changeCounts, formatSeconds, outputInstructions, stepLabel, stepNote } from './report-describe.js';

const STATUS: Record<StepStatus, string> = { done: 'done', failed: 'FAILED', 'not-run': 'not run' };

export interface ApplyTextOptions {
  /** How long the steps took, from the first one's start: said in the summary. */
  readonly elapsedMs?: number;
}

/**
 * The apply report as plain text: a summary with counts (each step was
 * printed as it ran, so steps are not listed again), the failed step with
 * the server's message, outputs, validations. Pure.
 */
export function renderApplyText(shown: ApplyReport, options: ApplyTextOptions = {}): string {
  const report = terminalSafeDeep(shown);
  const lines: string[] = [textSummary(report, options.elapsedMs)];
  const failed = report.steps.find((s) => s.status === 'failed');
  if (failed) {
    lines.push('', `  [${STATUS[failed.status]}] ${stepLabel(failed)}`);
    if (failed.error) {
      lines.push(`           ${failed.error.sqlstate ? `${failed.error.sqlstate}: ` : ''}${indent(failed.error.message, 11)}`);
      if (failed.error.detail) lines.push(`           detail: ${indent(failed.error.detail, 11)}`);
      if (failed.error.hint) lines.push(`           hint: ${indent(failed.error.hint, 11)}`);
    }
    const note = stepNote(failed);
    if (note) lines.push(`           ${note}`);
  }
  if (report.outcome === 'failed') lines.push('', AFTER_FAILURE);
  if (report.outcome === 'interrupted') lines.push('', AFTER_INTERRUPT);
  // report.warnings (--target's) are not repeated: the plan shown before the steps carries them.
  if (report.outputs.length > 0) lines.push('', renderOutputsText(report.outputs).trimEnd());
  if (report.validations) lines.push('', ...validationLines(report.validations));
  return `${lines.join('\n')}\n`;
}

/** `Apply complete: 2 created, 0 altered, 1 replaced, 0 dropped (4 steps in 1.20 s).` */
function textSummary(report: ApplyReport, elapsedMs: number | undefined): string {
  const total = report.steps.length;
  const counts = countByStatus(report.steps);
  const time = elapsedMs !== undefined ? ` in ${formatSeconds(elapsedMs)}` : '';
  const after = elapsedMs !== undefined ? ` after ${formatSeconds(elapsedMs)}` : '';
  const notRun = counts['not-run'] > 0 ? `; ${plural(counts['not-run'], 'step')} not run` : '';
  const at = report.steps.findIndex((s) => s.status === 'failed') + 1;
  const ran = counts.done + counts.failed;
  switch (report.outcome) {
    case 'no-changes':
      return 'No changes: nothing to apply.';
    case 'applied':
      return `Apply complete: ${changeCounts(report.steps)} (${plural(total, 'step')}${time}).`;
    case 'failed':
      return `Apply failed at step ${at} of ${total}${after}: ${changeCounts(report.steps)}${notRun}.`;
    case 'interrupted':
      return `Apply interrupted ${at > 0 ? `at step ${at}` : `after step ${ran}`} of ${total}${after}: ${changeCounts(report.steps)}${notRun}.`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Outputs alone, as `mzform outputs` prints them. Pure. */
export function renderOutputsText(shown: readonly ObjectOutput[]): string {
  const outputs = terminalSafeDeep(shown);
  if (outputs.length === 0) return 'No outputs: the manifest has no SSH tunnel, PrivateLink or AWS connection in the catalog.\n';
  const lines = ['Outputs:'];
  for (const output of outputs) {
    const { title, instruction, values } = outputInstructions(output);
    lines.push('', title, `  ${instruction}`, ...values.map((v) => `    ${v}`));
  }
  return `${lines.join('\n')}\n`;
}

export function validationLines(validations: readonly ValidationResult[], whenNone = 'no connection was created or altered, nothing to validate'): string[] {
  if (validations.length === 0) return [`Validation: ${whenNone}.`];
  return [
    'Validation:',
    ...validations.map((v) => `  ${v.ok ? '[valid]  ' : '[invalid]'} connection ${displayName(v.name)}${v.ok ? '' : `: ${indent(v.message ?? '', 4)}`}`),
  ];
}

function indent(text: string, by: number): string {
  return text.split('\n').join(`\n${' '.repeat(by)}`);
}
