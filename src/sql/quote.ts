import type { ObjectName } from '../model/names.js';

/**
 * SQL text that came out of `src/sql`: the only kind of string the database
 * client accepts. The brand keeps hand-built strings from reaching the server.
 */
export type Sql = string & { readonly __brand: 'Sql' };

/** Brands text built here from quoted parts. Not exported from the package index. */
export function asSql(text: string): Sql {
  return text as Sql;
}

/**
 * A constant statement with no interpolation, e.g. catalog queries:
 * `staticSql\`SELECT id FROM mz_catalog.mz_secrets\``. Values go in as `$n`
 * parameters, never into the text, so interpolation is refused.
 */
export function staticSql(strings: TemplateStringsArray, ...values: never[]): Sql {
  if (values.length > 0 || strings.length !== 1) throw new Error('staticSql takes no interpolations; pass values as $n parameters');
  return strings[0] as Sql;
}

function refuseNul(s: string, what: string): void {
  if (s.includes('\0')) throw new Error(`${what} cannot contain a NUL character`);
}

/**
 * Always quotes, doubling embedded `"`: `quoteIdent('My "x"')` is `"My ""x"""`.
 * Quoting every identifier keeps case and keywords from changing meaning.
 */
export function quoteIdent(s: string): string {
  refuseNul(s, 'an identifier');
  if (s === '') throw new Error('an identifier cannot be empty');
  return `"${s.replaceAll('"', '""')}"`;
}

/**
 * A standard string literal, `'` doubled: `quoteLiteral("it's")` is `'it''s'`.
 * Backslashes are plain characters (Materialize keeps
 * standard_conforming_strings on), which is why pg's escapeLiteral, which
 * switches to `E'...'` on a backslash, is not used.
 */
export function quoteLiteral(s: string): string {
  refuseNul(s, 'a string literal');
  return `'${s.replaceAll("'", "''")}'`;
}

/** `"db"."schema"."name"`. */
export function qualifiedName(name: ObjectName): string {
  return `${quoteIdent(name.database)}.${quoteIdent(name.schema)}.${quoteIdent(name.name)}`;
}
