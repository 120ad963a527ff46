import type { ObjectName } from './names.js';

/**
 * A map keyed by object name, part by part (database, schema, name): a
 * lookup builds no key text, which matters when every object of a large
 * manifest is matched with the catalog. Parts compare exactly, as in
 * `sameName`.
 */
export class NameMap<V> {
  readonly #byDatabase = new Map<string, Map<string, Map<string, V>>>();

  get(name: ObjectName): V | undefined {
    return this.#byDatabase.get(name.database)?.get(name.schema)?.get(name.name);
  }

  has(name: ObjectName): boolean {
    return this.#byDatabase.get(name.database)?.get(name.schema)?.has(name.name) ?? false;
  }

  set(name: ObjectName, value: V): this {
    let schemas = this.#byDatabase.get(name.database);
    if (schemas === undefined) this.#byDatabase.set(name.database, (schemas = new Map()));
    let names = schemas.get(name.schema);
    if (names === undefined) schemas.set(name.schema, (names = new Map()));
    names.set(name.name, value);
    return this;
  }

  delete(name: ObjectName): boolean {
    return this.#byDatabase.get(name.database)?.get(name.schema)?.delete(name.name) ?? false;
  }
}
