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
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x ?? null, b[i] ?? null));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = definedKeys(a);
    if (keys.length !== definedKeys(b).length) return false;
    return keys.every((k) => b[k] !== undefined && sameValue(a[k], b[k]));
  }
  // Scalars (and anything else) compare as JSON does: NaN and null alike, a number by its text.
  return canonicalJson(a) === canonicalJson(b);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
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

/** The top-level keys set on either side, sorted. */
export function unionKeys(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
