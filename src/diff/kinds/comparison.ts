import type { ValueShape } from '../../model/index.js';
import type { Alteration, FieldChange } from '../change.js';
import { differingKeys, manifestFieldName, sameValue } from '../values.js';

/** What a per-kind comparer found: every differing field, those that force a replace, and the in-place changes. */
export interface KindComparison {
  readonly fields: readonly FieldChange[];
  /** Non-empty means the object must be dropped and created again. */
  readonly forcing: readonly FieldChange[];
  readonly alterations: readonly Alteration[];
}

export const NO_DIFFERENCE: KindComparison = { fields: [], forcing: [], alterations: [] };

/** Field changes between two records over the keys set on either side, model key and manifest name. */
export function differingFields(
  desired: object,
  actual: object,
  prefix = '',
): { key: string; change: FieldChange }[] {
  const d = desired as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  return differingKeys(d, a, (key) => !sameValue(d[key], a[key])).map((key) => ({ key, change: fieldChange(prefix + manifestFieldName(key), a[key], d[key]) }));
}

export function fieldChange(field: string, before: unknown, after: unknown, shape?: ValueShape): FieldChange {
  return { field, ...(shape ? { shape } : {}), ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}
