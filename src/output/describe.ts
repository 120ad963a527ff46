import { displayName } from '../model/index.js';
import type { Plan, Step, StepAction } from '../plan/index.js';

export const MARKERS: Record<StepAction, string> = { create: '+', alter: '~', replace: '-/+', drop: '-' };

/** `connection materialize.public.kafka`, with what a half of a replace does. */
export function stepTitle(step: Step): string {
  const object = `${step.objectKind} ${displayName(step.name)}`;
  switch (step.action) {
    case 'create':
      return `${object} will be created`;
    case 'alter':
      return `${object} will be altered in place`;
    case 'drop':
      return `${object} will be dropped`;
    case 'replace':
      return step.phase === 'drop' ? `${object} will be dropped, to be created again` : `${object} will be created again`;
  }
}

export function summaryLine(plan: Pick<Plan, 'steps' | 'summary'>): string {
  if (plan.steps.length === 0) return 'No changes.';
  const s = plan.summary;
  return `Plan: ${s.create} to create, ${s.alter} to alter, ${s.replace} to replace, ${s.drop} to drop.`;
}

export const UNMANAGED_NOTE = 'Not in the manifest (kept; set `prune: true` in the manifest or pass --prune to drop them):';
