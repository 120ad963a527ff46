import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The blocks of a seed scenario file (test/fixtures/emulator/seeds): see seeds.test.ts for the directives. */
export type Block =
  | { readonly kind: 'statement'; readonly origin: string; readonly corrected: boolean; readonly rows?: number; readonly sql: string }
  | { readonly kind: 'setup'; readonly sql: string }
  | { readonly kind: 'reset'; readonly why: string };

export function readScenario(dir: string, file: string): Block[] {
  const blocks: Block[] = [];
  let head: string | undefined;
  let rows: number | undefined;
  let body: string[] = [];
  const flush = () => {
    if (head === undefined) return;
    const sql = body.join('\n').trim();
    const m = /^-- @(statement|setup|reset)\b ?(.*)$/.exec(head)!;
    if (m[1] === 'reset') {
      if (sql !== '') throw new Error(`${file}: @reset takes no statement`);
      blocks.push({ kind: 'reset', why: m[2]! });
    } else if (sql === '') {
      throw new Error(`${file}: ${head} has no statement`);
    } else if (m[1] === 'setup') {
      blocks.push({ kind: 'setup', sql });
    } else {
      const corrected = / corrected$/.test(m[2]!);
      blocks.push({ kind: 'statement', origin: m[2]!.replace(/ corrected$/, ''), corrected, ...(rows !== undefined ? { rows } : {}), sql });
    }
    head = undefined;
    rows = undefined;
    body = [];
  };
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (/^-- @(statement|setup|reset)\b/.test(line)) {
      flush();
      head = line;
    } else if (head !== undefined && /^-- @rows \d+$/.test(line)) {
      rows = Number(line.slice('-- @rows '.length));
    } else if (head !== undefined && line.startsWith('-- @note ')) {
      continue;
    } else if (line.startsWith('-- @')) {
      throw new Error(`${file}: unknown directive ${line}`);
    } else if (head !== undefined) {
      body.push(line);
    }
  }
  flush();
  return blocks;
}

