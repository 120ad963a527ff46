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
 * - `system`: `ALTER SYSTEM SET / RESET`, the emulator-wide system variables (feature flags);
 * - `ddl`: Materialize DDL the emulator executes itself;
 * - `role`: `SELECT current_user` (or `current_role`, `session_user`, `user`)
 *   alone: the session's role, which the embedded Postgres cannot know;
 * - `engine`: everything else, run by the embedded Postgres as written.
 */
export type Route = 'control' | 'transaction' | 'set' | 'show' | 'system' | 'ddl' | 'role' | 'engine';

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

/** Materialize's names for the session's role (src/sql/src/func.rs: current_user, current_role, user, session_user). */
const ROLE_FUNCTIONS = new Set(['current_user', 'current_role', 'session_user', 'user']);

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
      if (w1 === 'system') return 'system';
      return w1 === 'secret' || w1 === 'connection' || w1 === 'source' || w1 === 'cluster' ? 'ddl' : 'engine';
    case 'comment':
    case 'validate':
      return 'ddl';
    case 'select':
      // Exactly two words: the function and nothing else (words are capped at four, so the length is exact here).
      return words.length === 2 && w1 !== undefined && ROLE_FUNCTIONS.has(w1) ? 'role' : 'engine';
    default:
      return 'engine';
  }
}
