import { displayName, terminalSafeDeep } from '../model/index.js';
import type { ApplyReport, ObjectOutput, StepStatus, ValidationResult } from './report.js';
import { AFTER_FAILURE, AFTER_INTERRUPT, outputInstructions, reportHeadline, stepLabel, stepNote } from './report-describe.js';

const STATUS: Record<StepStatus, string> = { done: 'done', failed: 'FAILED', 'not-run': 'not run' };

/** The apply report as plain text: one line per step, the failure, outputs, validations. Pure. */
export function renderApplyText(shown: ApplyReport): string {
  const report = terminalSafeDeep(shown);
  const lines: string[] = [reportHeadline(report)];
  if (report.steps.length > 0) {
    lines.push('');
    for (const step of report.steps) {
      lines.push(`  ${`[${STATUS[step.status]}]`.padEnd(10)} ${stepLabel(step)}`);
      if (step.error) {
        lines.push(`             ${step.error.sqlstate ? `${step.error.sqlstate}: ` : ''}${indent(step.error.message, 13)}`);
        if (step.error.detail) lines.push(`             detail: ${indent(step.error.detail, 13)}`);
        if (step.error.hint) lines.push(`             hint: ${indent(step.error.hint, 13)}`);
      }
      const note = stepNote(step);
      if (note) lines.push(`             ${note}`);
    }
  }
  if (report.outcome === 'failed') lines.push('', AFTER_FAILURE);
  if (report.outcome === 'interrupted') lines.push('', AFTER_INTERRUPT);
  // report.warnings (--target's) are not repeated: the plan shown before the steps carries them.
  if (report.outputs.length > 0) lines.push('', renderOutputsText(report.outputs).trimEnd());
  if (report.validations) lines.push('', ...validationLines(report.validations));
  return `${lines.join('\n')}\n`;
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
