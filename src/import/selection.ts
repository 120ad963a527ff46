import { InputError } from '../errors.js';
import type { ObjectName } from '../model/index.js';
import type { ImportSelection } from './write-manifest.js';

/**
 * `--schema` and `--object` values as the user types them: `schema` or
 * `database.schema`; `name`, `schema.name` or `database.schema.name`, the
 * missing parts from the defaults. Names holding dots cannot be told apart
 * from qualification here: import their whole schema instead.
 */
export function parseSelection(
  schemas: readonly string[],
  objects: readonly string[],
  defaults: { readonly database: string; readonly schema: string },
): ImportSelection {
  if (schemas.length === 0 && objects.length === 0) {
    throw new InputError('import.nothing-selected', 'name what to import: --schema (every object of a schema) or --object (one object), each repeatable');
  }
  return {
    schemas: schemas.map((given) => {
      const parts = split(given, '--schema', 2);
      return parts.length === 1 ? { database: defaults.database, schema: parts[0] as string } : { database: parts[0] as string, schema: parts[1] as string };
    }),
    objects: objects.map((given): ObjectName => {
      const parts = split(given, '--object', 3);
      if (parts.length === 1) return { database: defaults.database, schema: defaults.schema, name: parts[0] as string };
      if (parts.length === 2) return { database: defaults.database, schema: parts[0] as string, name: parts[1] as string };
      return { database: parts[0] as string, schema: parts[1] as string, name: parts[2] as string };
    }),
  };
}

function split(given: string, flag: string, max: number): string[] {
  const parts = given.split('.');
  if (parts.length > max || parts.some((p) => p === '')) {
    throw new InputError('import.bad-name', `${flag} ${given}: expected ${max === 2 ? 'schema or database.schema' : 'name, schema.name or database.schema.name'}`);
  }
  return parts;
}
