/**
 * Materialize's SHOW CREATE layout (mz_sql_pretty, src/sql-pretty/src/doc.rs
 * and util.rs, width 100, indent 4), for the few shapes the emulator prints:
 * - `title`: `nest_title`: `TITLE body` on one line if it fits, else the
 *   body on the next line, indented;
 * - `bracket`: `bracket`: `OPEN items CLOSE` on one line if it fits, else the
 *   items indented between the brackets, on one line or one per line;
 * - `group`: its parts on one line if they fit, else one per line.
 * A statement is a group of clauses.
 */
export type Doc =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'title'; readonly title: string; readonly body: string }
  | { readonly kind: 'bracket'; readonly open: string; readonly items: readonly string[]; readonly close: string }
  | { readonly kind: 'group'; readonly docs: readonly Doc[] };

export const WIDTH = 100;
const TAB = '    ';

export const text = (t: string): Doc => ({ kind: 'text', text: t });
export const title = (t: string, body: string): Doc => ({ kind: 'title', title: t, body });
export const bracket = (open: string, items: readonly string[], close: string): Doc => ({ kind: 'bracket', open, items, close });

/** The doc on one line: how create_sql prints it. */
export function flat(doc: Doc): string {
  switch (doc.kind) {
    case 'text':
      return doc.text;
    case 'title':
      return `${doc.title} ${doc.body}`;
    case 'bracket':
      return `${doc.open}${doc.items.join(', ')}${doc.close}`;
    case 'group':
      return doc.docs.map(flat).join(' ');
  }
}

function render(doc: Doc, indent: string): string {
  const one = flat(doc);
  if (indent.length + one.length <= WIDTH) return one;
  switch (doc.kind) {
    case 'text':
      return one;
    case 'title':
      return `${doc.title}\n${indent}${TAB}${doc.body}`;
    case 'bracket': {
      const inner = indent + TAB;
      const items = doc.items.join(', ');
      const body = inner.length + items.length <= WIDTH ? `${inner}${items}` : doc.items.map((i) => `${inner}${i}`).join(',\n');
      return `${doc.open}\n${body}\n${indent}${doc.close}`;
    }
    case 'group':
      return doc.docs.map((d) => render(d, indent)).join(`\n${indent}`);
  }
}

/** A statement's clauses as SHOW CREATE lays them out, ending with `;` (counted in the width, as the emulator always has). */
export function pretty(clauses: readonly Doc[]): string {
  const one = `${clauses.map(flat).join(' ')};`;
  if (one.length <= WIDTH) return one;
  return `${clauses.map((c) => render(c, '')).join('\n')};`;
}
