import { displayName, terminalSafeDeep } from '../model/index.js';
import type { Plan, Step, StepAction } from '../plan/index.js';
import { MARKERS, stepTitle, summaryLine, UNMANAGED_NOTE } from './describe.js';
import { formatField } from './format-value.js';

export interface TextOptions {
  /** ANSI colours: only when writing to a terminal. */
  readonly color?: boolean;
}

const COLORS: Record<StepAction, number> = { create: 32, alter: 33, replace: 35, drop: 31 };

/**
 * The plan as Terraform-like text: one block per step in the order apply runs
 * them, with the marker, why, hazards, field-level before/after and the exact
 * SQL; then unmanaged objects, warnings and the summary line. Pure.
 */
export function renderPlanText(shown: Plan, options: TextOptions = {}): string {
  // Names, SQL and messages come from the manifest and the catalog: no escape sequence of theirs reaches the terminal.
  // Only what is shown is neutralized: not the catalog fingerprints, nor the models behind each step's change.
  const plan = terminalSafeDeep({
    steps: shown.steps.map(({ change: _change, ...step }) => step),
    unmanaged: shown.unmanaged,
    warnings: shown.warnings,
    summary: shown.summary,
  });
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  if (plan.steps.length > 0) {
    lines.push('mzform will run these steps, in this order:', '');
    for (const step of plan.steps) lines.push(...stepLines(step, paint), '');
  }
  if (plan.unmanaged.length > 0) {
    lines.push(UNMANAGED_NOTE);
    for (const u of plan.unmanaged) lines.push(`  ? ${u.objectKind} ${displayName(u.name)} (${u.id})`);
    lines.push('');
  }
  for (const w of plan.warnings) lines.push(`${paint(33, 'Warning:')} ${w}`);
  if (plan.warnings.length > 0) lines.push('');
  lines.push(paint(1, summaryLine(plan)));
  return `${lines.join('\n')}\n`;
}

function stepLines(step: Step, paint: (code: number, s: string) => string): string[] {
  const marker = paint(COLORS[step.action], MARKERS[step.action].padStart(3));
  const lines = [`${marker} ${stepTitle(step)}  [step ${step.id}]`];
  if (step.reason !== undefined) lines.push(`      # ${step.reason}`);
  for (const h of step.hazards) lines.push(`      ${paint(31, `! ${h.code}`)}: ${h.message}`);
  for (const f of step.fields) {
    if (f.before === undefined) lines.push(`      ${paint(32, '+')} ${f.field}: ${formatField(f.after, f.shape)}`);
    else if (f.after === undefined) lines.push(`      ${paint(31, '-')} ${f.field}: ${formatField(f.before, f.shape)}`);
    else lines.push(`      ${paint(33, '~')} ${f.field}: ${formatField(f.before, f.shape)} -> ${formatField(f.after, f.shape)}`);
  }
  for (const st of step.statements) {
    const [first, ...rest] = `${st.sql};`.split('\n');
    lines.push(`      > ${first}`, ...rest.map((l) => `        ${l}`));
  }
  return lines;
}
