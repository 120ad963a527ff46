/**
 * Text for a terminal, neutralized: control characters (C0 but newline and
 * tab, DEL, C1, which hold ESC and CSI) and the bidirectional overrides are
 * shown as `\u001b`-style escapes, so a name holding ESC[8m cannot hide the
 * rest of a line, move the cursor or reorder what is shown. Pure.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every string in plain data (arrays and plain objects, as plans and reports
 * are) neutralized; class instances such as SecretValue are kept as they are.
 */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalSafeDeep(v)])) as T;
  }
  return value;
}
