import { tokenize, type Token } from '../sql/lexer.js';
import { isRelationStatement } from './objects/statements.js';

/** One statement of a query string: its text and its first words (lower case) for routing. */
export interface StatementText {
  readonly text: string;
  readonly words: readonly string[];
}

/**
 * Who answers a statement:
 * - `control`: an `EMULATOR ...` command (test hooks; never logged or counted);
 * - `transaction`: BEGIN / COMMIT / ROLLBACK, tracked per client;
 * - `set` / `show`: session variables and the SHOW commands;
 * - `ddl`: Materialize DDL the emulator executes itself;
 * - `engine`: everything else, run by the embedded Postgres as written.
 */
export type Route = 'control' | 'transaction' | 'set' | 'show' | 'ddl' | 'engine';

/** Splits a query string on top-level `;`. Text the lexer cannot read goes to the engine whole, which reports its own error. */
export function splitStatements(query: string): StatementText[] {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch {
    return query.trim() === '' ? [] : [{ text: query, words: [] }];
  }
  const out: StatementText[] = [];
  let start: Token | undefined;
  let words: string[] = [];
  let last: Token | undefined;
  const flush = () => {
    if (start && last) out.push({ text: query.slice(start.offset, last.end), words });
    start = undefined;
    last = undefined;
    words = [];
  };
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    if (t.kind === 'symbol' && t.value === ';') {
      flush();
      continue;
    }
    start ??= t;
    last = t;
    if (words.length < 4) words.push(t.kind === 'word' ? t.value : `\u0000${t.value}`);
  }
  flush();
  return out;
}

const DDL_OBJECTS = new Set(['secret', 'connection', 'source', 'cluster', 'schema', 'database', 'role', 'secrets', 'connections', 'sources']);

export function routeOf(words: readonly string[]): Route {
  const [w0, w1] = words;
  if (isRelationStatement(words)) return 'ddl';
  switch (w0) {
    case 'emulator':
      return 'control';
    case 'begin':
    case 'start':
    case 'commit':
    case 'end':
    case 'rollback':
    case 'abort':
      return 'transaction';
    case 'set':
    case 'reset':
      return 'set';
    case 'show':
      return 'show';
    case 'create':
    case 'drop':
      return w1 !== undefined && DDL_OBJECTS.has(w1) ? 'ddl' : 'engine';
    case 'alter':
      return w1 === 'secret' || w1 === 'connection' || w1 === 'source' || w1 === 'cluster' ? 'ddl' : 'engine';
    case 'comment':
    case 'validate':
      return 'ddl';
    default:
      return 'engine';
  }
}
