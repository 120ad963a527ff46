import { type Plan, serializePlan } from '../plan/index.js';

/** The plan as versioned JSON (schemas/plan.schema.json), the same bytes `--out` writes. Pure. */
export function renderPlanJson(plan: Plan): string {
  return serializePlan(plan);
}
