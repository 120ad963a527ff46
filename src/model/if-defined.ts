/**
 * `{ key: value }` when the value is defined, `{}` otherwise, to spread into
 * an object literal: model values and documents never hold undefined-valued
 * fields, so that "not set" has one spelling.
 */
export function ifDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
