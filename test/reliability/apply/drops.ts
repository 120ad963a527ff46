import { LOCK_OBJECT_NAME } from '../../../src/catalog/index.js';
import type { QueryLogEntry } from '../../../src/emulator/index.js';
import { parseStatement } from '../../../src/sql/index.js';

/**
 * The objects each logged DROP removed, as `schema.name` (the lock excluded:
 * dropping it is how an apply lets go). Statements mzform sends are always
 * fully qualified, so the last two parts name the object.
 */
export function droppedNames(log: readonly QueryLogEntry[]): string[] {
  const names: string[] = [];
  for (const entry of log) {
    if (!/^\s*DROP\b/i.test(entry.statement)) continue;
    const ast = parseStatement(entry.statement);
    if (ast.kind !== 'drop') continue;
    for (const n of ast.names) {
      const parts = n.parts.map((p) => p.value);
      if (parts.at(-1) === LOCK_OBJECT_NAME) continue;
      names.push(parts.slice(-2).join('.'));
    }
  }
  return names;
}
