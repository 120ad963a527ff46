/**
 * A table with one value per type (a connection or source type), computed
 * once from the registry: what is looked up for every object of a manifest,
 * a catalog or a diff is derived once per type, not once per object.
 */
export function byType<T extends string, V>(types: readonly T[], of: (type: T) => V): Readonly<Record<T, V>> {
  return Object.fromEntries(types.map((type) => [type, of(type)])) as Record<T, V>;
}
