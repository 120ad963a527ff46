/**
 * Structural equality on model values, independent of key order. Model values
 * are plain JSON data (strings, numbers, booleans, arrays, plain objects), so
 * a canonical JSON encoding is an exact comparison.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * `canonicalJson(a) === canonicalJson(b)`, decided by walking both values
 * without building the two strings (which was a third of a diff's time at
 * 10,000 objects): keys set to undefined count as absent, as in JSON.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Two different strings, numbers or booleans never encode alike; only numbers JSON cannot spell (NaN, Infinity: null) may.
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean' || (typeof a === 'number' && Number.isFinite(a) && Number.isFinite(b)))) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    let defined = 0;
    for (const k of Object.keys(a)) {
      if (a[k] === undefined) continue;
      defined++;
      if (b[k] === undefined || !sameValue(a[k], b[k])) return false;
    }
    return defined === definedCount(b);
  }
  // Scalars (and anything else) compare as JSON does: NaN and null alike, a number by its text.
  return canonicalJson(a) === canonicalJson(b);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function definedCount(o: Record<string, unknown>): number {
  let n = 0;
  for (const k of Object.keys(o)) if (o[k] !== undefined) n++;
  return n;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** `saslPassword` -> `sasl_password`: fields are reported by the names the manifest uses. */
export function manifestFieldName(modelField: string): string {
  return modelField.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The top-level keys set on either side for which `differs` holds, sorted by code unit. */
export function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>, differs: (key: string) => boolean): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(a)) if (differs(key)) keys.push(key);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key) && differs(key)) keys.push(key);
  return keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
