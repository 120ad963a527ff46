import { InputError } from '../errors.js';
import type { CatalogRows } from './queries.js';

/**
 * A catalog dump: the raw rows of the introspection queries, saved by
 * `mzform catalog dump` and read by `mzform plan --catalog`. Being the rows,
 * not the parsed model, an offline plan runs the very same rows -> model code
 * as a live one, and so gives the same plan. Rows hold no secret values:
 * Materialize never returns them.
 *
 * Bump the version when a query's columns change in a way older readers or
 * older dumps cannot follow. Tables added later (`databases`, `schemas`,
 * `sourceTables`) are optional instead: a dump without them still reads, and
 * the plan then skips what needs them (see `CatalogRows`).
 */
export const CATALOG_DUMP_FORMAT_VERSION = 2;
const KIND = 'mzform-catalog-dump';

/** `string?` may be null; `optional` may be null or missing (a column added after dumps were first written). */
type Column = 'string' | 'string?' | 'optional';

/** Every table of the dump, its columns and their types, in the order they are written. */
const TABLES: { readonly [T in keyof CatalogRows]-?: Readonly<Record<string, Column>> } = {
  objects: {
    id: 'string',
    kind: 'string',
    database_name: 'string?',
    schema_name: 'string',
    name: 'string',
    type: 'string?',
    create_sql: 'string?',
    owner_name: 'string?',
    cluster_name: 'string?',
  },
  comments: { id: 'string', comment: 'string' },
  dependencies: {
    object_id: 'string',
    referenced_object_id: 'string',
    object_type: 'optional',
    database_name: 'optional',
    schema_name: 'optional',
    object_name: 'optional',
  },
  sshKeys: { id: 'string', public_key_1: 'string', public_key_2: 'string' },
  privatelinks: { id: 'string', principal: 'string' },
  aws: { id: 'string', external_id: 'string?' },
  containers: { kind: 'string', name: 'string' },
  databases: { name: 'string' },
  schemas: { database_name: 'string', name: 'string' },
  sourceTables: { id: 'string', schema_name: 'string', table_name: 'string' },
  clusters: { name: 'string', managed: 'string', size: 'string?', replication_factor: 'string?' },
};

const TABLE_NAMES = Object.keys(TABLES) as (keyof CatalogRows)[];
/** Tables a dump may lack, having been written before mzform read them. */
const OPTIONAL_TABLES: ReadonlySet<keyof CatalogRows> = new Set(['databases', 'schemas', 'sourceTables', 'clusters']);

/** The dump as JSON text: columns in a fixed order, rows in the order the queries return them (ORDER BY id). */
export function serializeCatalogDump(rows: CatalogRows): string {
  const table = (name: keyof CatalogRows) =>
    (rows[name] as readonly object[]).map((row) =>
      Object.fromEntries(Object.keys(TABLES[name]).map((column) => [column, (row as Record<string, unknown>)[column] ?? null])),
    );
  const present = TABLE_NAMES.filter((n) => rows[n] !== undefined);
  const dump = { format_version: CATALOG_DUMP_FORMAT_VERSION, kind: KIND, rows: Object.fromEntries(present.map((n) => [n, table(n)])) };
  return `${JSON.stringify(dump, null, 2)}\n`;
}

/** Reads a dump, checking every column; a problem names the file and the JSON path at fault. */
export function parseCatalogDump(text: string, file: string): CatalogRows {
  const fail = (where: string, message: string): never => {
    throw new InputError('catalog-dump.invalid', `${file}: ${where ? `${where}: ` : ''}${message}`, {
      hint: 'Write the file with `mzform catalog dump > catalog.json`, from the same mzform version.',
    });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail('', `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isRecord(data) || data.kind !== KIND) return fail('', `not a catalog dump (expected "kind": "${KIND}")`);
  if (data.format_version === 1) {
    // Version 1 has no clusters and roles, so a plan from it could not check that they exist.
    return fail('format_version', `version 1 is no longer read: it lacks the clusters and roles a plan checks; write the dump again with \`mzform catalog dump\``);
  }
  if (data.format_version !== CATALOG_DUMP_FORMAT_VERSION) {
    return fail('format_version', `version ${JSON.stringify(data.format_version)} is not supported; this mzform reads version ${CATALOG_DUMP_FORMAT_VERSION}`);
  }
  const rows = data.rows;
  if (!isRecord(rows)) return fail('rows', 'must be an object');
  for (const name of TABLE_NAMES) {
    const table = rows[name];
    if (table === undefined && OPTIONAL_TABLES.has(name)) continue;
    if (!Array.isArray(table)) return fail(`rows.${name}`, 'must be a list');
    table.forEach((row: unknown, i) => {
      if (!isRecord(row)) return fail(`rows.${name}[${i}]`, 'must be an object');
      for (const [column, type] of Object.entries(TABLES[name])) {
        const value = row[column];
        const ok = typeof value === 'string' || (type !== 'string' && value === null) || (type === 'optional' && value === undefined);
        if (!ok) fail(`rows.${name}[${i}].${column}`, type === 'string' ? 'must be a string' : 'must be a string or null');
      }
    });
  }
  const objects = rows.objects as { kind: string }[];
  objects.forEach((o, i) => {
    if (!['secret', 'connection', 'source', 'table'].includes(o.kind)) fail(`rows.objects[${i}].kind`, 'must be secret, connection, source or table');
  });
  const containers = rows.containers as { kind: string }[];
  containers.forEach((c, i) => {
    if (!['cluster', 'role'].includes(c.kind)) fail(`rows.containers[${i}].kind`, 'must be cluster or role');
  });
  return rows as unknown as CatalogRows;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
