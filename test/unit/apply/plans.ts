import type { ActualState } from '../../../src/model/index.js';
import { loadDesired, planChanges } from '../../../src/pipeline/index.js';
import type { Plan } from '../../../src/plan/index.js';

/** A value with every character that could break out of a literal or a JSON string. */
export const SECRET = `s3cr3t-'"-Ω-value`;

/** Every `${env:NAME}` resolves to SECRET. */
export const env: Record<string, string | undefined> = new Proxy({}, { get: (_t, name) => (name === 'MZFORM_FINGERPRINT_KEY' ? 'unit-key' : SECRET) });

export const EMPTY: ActualState = { objects: [], foreign: [] };

/** The plan of an example manifest against an empty catalog (or the one given). */
export async function examplePlan(file: string, actual: ActualState = EMPTY, targets?: (changes: Parameters<NonNullable<Parameters<typeof planChanges>[2]['selectChanges']>>[0]) => { changes: never[] | readonly unknown[]; warnings: readonly string[] }): Promise<Plan> {
  const desired = await loadDesired(`examples/${file}`, env);
  return planChanges(desired, actual, { env, ...(targets ? { selectChanges: targets as never } : {}) });
}
