import { type Plan, serializePlan } from '../plan/index.js';

/**
 * The plan as versioned JSON (schemas/plan.schema.json): what `--out` writes
 * less its `saved` member, plus the environment the plan was made for. Pure.
 */
export function renderPlanJson(plan: Plan, options: { environment?: string } = {}): string {
  if (options.environment === undefined) return serializePlan(plan);
  const { format_version, ...rest } = JSON.parse(serializePlan(plan)) as Record<string, unknown>;
  return `${JSON.stringify({ format_version, environment: options.environment, ...rest }, null, 2)}\n`;
}
