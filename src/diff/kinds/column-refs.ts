/**
 * TEXT / EXCLUDE COLUMNS as Materialize stores them differ in spelling from
 * what a user writes: purification (map_column_refs in
 * src/sql/src/pure/postgres.rs) rewrites each reference to the upstream
 * database, schema, table and column, sorts the list and drops duplicates. A
 * manifest entry `orders.status` and a stored `db.public.orders.status` name
 * the same column when one ends the other.
 */
export function sameColumnRefs(desired: readonly (readonly string[])[] | undefined, actual: readonly (readonly string[])[] | undefined): boolean {
  const want = unique(desired ?? []);
  const have = unique(actual ?? []);
  if (want.length !== have.length) return false;
  const used = new Set<number>();
  for (const d of want) {
    const i = have.findIndex((a, j) => !used.has(j) && (endsWith(a, d) || endsWith(d, a)));
    if (i < 0) return false;
    used.add(i);
  }
  return true;
}

function unique(refs: readonly (readonly string[])[]): (readonly string[])[] {
  const seen = new Map<string, readonly string[]>();
  for (const r of refs) seen.set(JSON.stringify(r), r);
  return [...seen.values()];
}

/** A column reference names at least a table and a column: two parts in common are needed. */
function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  const offset = longer.length - shorter.length;
  return offset >= 0 && shorter.length >= 2 && shorter.every((p, i) => p === longer[offset + i]);
}
