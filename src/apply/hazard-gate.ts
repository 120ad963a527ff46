import { InputError, RefusedError } from '../errors.js';
import { displayName } from '../model/index.js';
import { HAZARD_CODES, type HazardCode, type Plan, type Step } from '../plan/index.js';

/** A step apply will not run: hazards on it that `--allow-hazards` does not name. */
export interface BlockedStep {
  readonly step: Step;
  readonly codes: readonly HazardCode[];
}

/** `--allow-hazards drop,source-recreate` (repeatable, comma-separated) → the set of codes; unknown codes are an input error. */
export function parseAllowedHazards(values: readonly string[]): ReadonlySet<HazardCode> {
  const codes = values.flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '');
  const known = Object.keys(HAZARD_CODES);
  const unknown = codes.filter((c) => !known.includes(c));
  if (unknown.length > 0) {
    throw new InputError('flags.unknown-hazard', `--allow-hazards: unknown hazard code${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`, {
      hint: `Known codes: ${known.join(', ')}.`,
    });
  }
  return new Set(codes as HazardCode[]);
}

/** Pure: every step with a hazard not allowed, in plan order. */
export function blockedSteps(plan: Plan, allowed: ReadonlySet<HazardCode>): BlockedStep[] {
  return plan.steps.flatMap((step) => {
    const codes = [...new Set(step.hazards.map((h) => h.code))].filter((c) => !allowed.has(c));
    return codes.length > 0 ? [{ step, codes }] : [];
  });
}

/** The refusal, naming each blocked step and the exact flag that would allow them all. */
export function hazardGateError(blocked: readonly BlockedStep[], allowed: ReadonlySet<HazardCode>): RefusedError {
  const lines = blocked.map((b) => `  step ${b.step.id}: ${b.step.action} ${b.step.objectKind} ${displayName(b.step.name)}: ${b.codes.join(', ')}`);
  const needed = [...new Set([...allowed, ...blocked.flatMap((b) => b.codes)])];
  // In the order HAZARD_CODES documents them, so the suggested flag is the same for the same plan.
  const flag = `--allow-hazards ${Object.keys(HAZARD_CODES).filter((c) => needed.includes(c as HazardCode)).join(',')}`;
  return new RefusedError('apply.hazards', `the plan has hazards that are not allowed; nothing was changed:\n${lines.join('\n')}`, {
    hint: `Read the hazards in the plan above. To run it anyway, add: ${flag}`,
  });
}

/** Throws the refusal when any step is blocked. */
export function checkHazards(plan: Plan, allowed: ReadonlySet<HazardCode>): void {
  const blocked = blockedSteps(plan, allowed);
  if (blocked.length > 0) throw hazardGateError(blocked, allowed);
}
