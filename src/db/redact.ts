/**
 * Removes secret values from text the server sends back. Materialize echoes a
 * failed statement in some errors ("<statement> cannot be run inside a
 * transaction block"), so a CREATE/ALTER SECRET's literal can come back in a
 * message. Both the given values (also in their quoted, `'`-doubled form) and
 * any `AS '<literal>'` / `AS decode(...)` of a SECRET statement are masked.
 */
export const REDACTED = '********';

const SECRET_AS = /(\bSECRET\b[\s\S]*?\bAS\s+)(?:[Ee]?'(?:[^']|'')*'?|decode\s*\((?:[^)']|'(?:[^']|'')*')*\)?)/gi;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(SECRET_AS, (_m, head: string) => `${head}'${REDACTED}'`);
  // Longest first, so a value that contains another is masked whole.
  const values = [...new Set(secrets.flatMap((s) => (s === '' ? [] : [s.replaceAll("'", "''"), s])))].sort((a, b) => b.length - a.length);
  for (const value of values) out = out.split(value).join(REDACTED);
  return out;
}
