import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Statement fixtures: `.sql` files in which every statement is introduced by
 * `-- @statement <where it came from>`, optionally followed by expectation
 * lines `-- @parse-error <reason>` or `-- @model-error <reason>` (a substring
 * of the error's reason) and `-- @note <why>`.
 */
export interface StatementFixture {
  readonly file: string;
  readonly origin: string;
  readonly sql: string;
  readonly parseError?: string;
  readonly modelError?: string;
}

export function readStatementFixtures(dir: string): StatementFixture[] {
  const out: StatementFixture[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const block of text.split(/^-- @statement /m).slice(1)) {
      const lines = block.split('\n');
      const origin = lines.shift()!.trim();
      let parseError: string | undefined;
      let modelError: string | undefined;
      while (lines[0]?.startsWith('-- @')) {
        const line = lines.shift()!;
        const m = /^-- @(parse-error|model-error|note) (.*)$/.exec(line);
        if (!m) throw new Error(`${file}: bad directive ${line}`);
        if (m[1] === 'parse-error') parseError = m[2]!;
        if (m[1] === 'model-error') modelError = m[2]!;
      }
      out.push({
        file,
        origin,
        sql: lines.join('\n').trim(),
        ...(parseError !== undefined ? { parseError } : {}),
        ...(modelError !== undefined ? { modelError } : {}),
      });
    }
  }
  return out;
}
