import { InputError } from '../errors.js';
import { parseSecretComment } from '../model/index.js';
import type { CatalogRows, CommentRow } from './queries.js';

/**
 * A catalog dump: the raw rows of the introspection queries, saved by
 * `mzform catalog dump` and read by `mzform plan --catalog`. Being the rows,
 * not the parsed model, an offline plan runs the very same rows -> model code
 * as a live one, and so gives the same plan. Rows hold no secret values:
 * Materialize never returns them.
 *
 * Nor do they hold the keyed fingerprints mzform keeps in secrets' comments:
 * a dump is shared with people and jobs that must not get even a keyed hash
 * of a value. The fingerprint line is left out of each secret's comment and
 * the secret listed in `fingerprintsWithheld`, so that a plan from the dump
 * knows the fingerprint is unknown (value not checked), not absent (value
 * never set by mzform, to be set). Version 2 dumps carried the line; they
 * still read, and the line is set aside on reading the same way, so a
 * dump's fingerprints are never compared, whatever its version.
 *
 * Bump the version when a query's columns change in a way older readers or
 * older dumps cannot follow. Tables added later (`databases`, `schemas`,
 * `sourceTables`) are optional instead: a dump without them still reads, and
 * the plan then skips what needs them (see `CatalogRows`).
 */
export const CATALOG_DUMP_FORMAT_VERSION = 3;
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
  fingerprintsWithheld: { id: 'string' },
};

const TABLE_NAMES = Object.keys(TABLES) as (keyof CatalogRows)[];
/** Tables a dump may lack, having been written before mzform read them. */
const OPTIONAL_TABLES: ReadonlySet<keyof CatalogRows> = new Set(['databases', 'schemas', 'sourceTables', 'clusters']);
/** Version 2 wrote fingerprints and no `fingerprintsWithheld`. */
const READABLE_VERSIONS: ReadonlySet<unknown> = new Set([2, CATALOG_DUMP_FORMAT_VERSION]);

/** The dump as JSON text: columns in a fixed order, rows in the order the queries return them (ORDER BY id). */
export function serializeCatalogDump(catalog: CatalogRows): string {
  const rows = withholdFingerprints(catalog);
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
  if (!READABLE_VERSIONS.has(data.format_version)) {
    return fail('format_version', `version ${JSON.stringify(data.format_version)} is not supported; this mzform reads versions 2 and ${CATALOG_DUMP_FORMAT_VERSION}`);
  }
  const optional = data.format_version === 2 ? new Set([...OPTIONAL_TABLES, 'fingerprintsWithheld']) : OPTIONAL_TABLES;
  const rows = data.rows;
  if (!isRecord(rows)) return fail('rows', 'must be an object');
  for (const name of TABLE_NAMES) {
    const table = rows[name];
    if (table === undefined && optional.has(name)) continue;
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
  return withholdFingerprints(rows as unknown as CatalogRows);
}

/**
 * The rows with the fingerprint line taken out of every secret's comment
 * (a comment that was only that line is left out), and those secrets listed
 * in `fingerprintsWithheld`, added to any already listed. Pure.
 */
function withholdFingerprints(rows: CatalogRows): CatalogRows {
  const secrets = new Set(rows.objects.filter((o) => o.kind === 'secret').map((o) => o.id));
  const withheld = new Set((rows.fingerprintsWithheld ?? []).map((r) => r.id));
  const comments: CommentRow[] = [];
  for (const row of rows.comments) {
    const parsed = secrets.has(row.id) ? parseSecretComment(row.comment) : { comment: row.comment };
    if (parsed.fingerprint !== undefined) withheld.add(row.id);
    if (parsed.comment !== undefined) comments.push({ ...row, comment: parsed.comment });
  }
  const ids = rows.objects.map((o) => o.id).filter((id) => withheld.has(id));
  return { ...rows, comments, fingerprintsWithheld: ids.map((id) => ({ id })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
