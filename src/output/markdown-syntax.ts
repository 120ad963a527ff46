/**
 * Markdown building blocks that stay correct whatever a name contains: object
 * names may hold backticks, pipes and newlines, and must neither close a code
 * span nor break a table row.
 */

/** A fenced block whose fence is longer than any backtick run inside, so names cannot close it. */
export function fence(content: string, lang: string): string[] {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  return [`${f}${lang}`, content, f];
}

/** An inline code span that survives backticks and pipes in names (table cells). */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const body = text.replaceAll('|', '\\|').replace(/\n/g, ' ');
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** Plain text in Markdown: characters that would start formatting are escaped. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_<>[\]|#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
