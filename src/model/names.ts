/**
 * A fully qualified Materialize item name. Every part is the exact,
 * case-sensitive identifier: `{database: 'materialize', schema: 'public',
 * name: 'My "odd".name'}` is one object. Qualification happens once, when the
 * manifest or the catalog is read; nothing downstream guesses defaults.
 */
export interface ObjectName {
  readonly database: string;
  readonly schema: string;
  readonly name: string;
}

/**
 * A stable, unambiguous key for maps and sorting. JSON encoding keeps dots and
 * quotes inside a part from colliding with the separators.
 */
export function nameKey(n: ObjectName): string {
  return JSON.stringify([n.database, n.schema, n.name]);
}

/** Human-readable form for messages: `db.schema.name`, parts quoted only when needed. */
export function displayName(n: ObjectName): string {
  // Only a cluster, database or schema (model/containers.ts) has empty parts: items are always fully qualified.
  return [n.database, n.schema, n.name].filter((p) => p !== '').map(displayPart).join('.');
}

function displayPart(part: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(part) ? part : `"${part.replaceAll('"', '""')}"`;
}

export function sameName(a: ObjectName, b: ObjectName): boolean {
  return a.database === b.database && a.schema === b.schema && a.name === b.name;
}

/** Total order by database, schema, name (code-unit order, not locale: deterministic everywhere). */
export function compareNames(a: ObjectName, b: ObjectName): number {
  return cmp(a.database, b.database) || cmp(a.schema, b.schema) || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
