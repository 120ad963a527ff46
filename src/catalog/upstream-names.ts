/**
 * `mz_postgres_source_tables` / `mz_mysql_source_tables` give the upstream
 * schema and table names quoted where a SQL identifier would need quotes on
 * Materialize 26.7 to 26.18 (`"space table"`, `"Orders"`, `"a""b"`), and as
 * they are from 26.19. A value in double quotes whose inner quotes are all
 * doubled is read as the quoted form; anything else is the name itself. (A
 * 26.19 name that itself starts and ends with a double quote and doubles every
 * inner one reads wrongly; no other does.)
 */
export function upstreamName(raw: string): string {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return raw;
  const inner = raw.slice(1, -1);
  if (inner.replaceAll('""', '').includes('"')) return raw;
  return inner.replaceAll('""', '"');
}
