/**
 * Structural equality on model values, independent of key order. Model values
 * are plain JSON data (strings, numbers, booleans, arrays, plain objects), so
 * a canonical JSON encoding is an exact comparison.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
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
