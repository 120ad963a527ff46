import type { SetVariableStatement, Value } from '../../sql/ast.js';
import type { Outcome, SessionVars } from '../outcome.js';

/**
 * SET and RESET on a session's variables, from the shared parser's
 * statement. Values are shown back as Materialize shows them: strings as
 * written, bare words in lower case, lists joined by `, `.
 */
export function applySet(vars: SessionVars, defaults: ReadonlyMap<string, string>, statement: SetVariableStatement): Outcome {
  const name = statement.variable;
  if (statement.verb === 'RESET') {
    if (name === 'all') for (const [k, v] of defaults) vars.set(k, v);
    else vars.set(name, defaults.get(name) ?? '');
    return { tag: 'RESET' };
  }
  if (statement.value === undefined) vars.set(name, defaults.get(name) ?? '');
  else vars.set(name, statement.value.map(shownValue).join(', '));
  return { tag: 'SET' };
}

function shownValue(v: Value): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'number':
    case 'parameter':
      return v.text;
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'name':
    case 'secret':
      return v.name.parts.map((p) => p.value).join('.');
    case 'list':
      return v.items.map(shownValue).join(', ');
    case 'retain-history':
      return shownValue(v.value);
    case 'call':
      return `${v.function.parts.map((p) => p.value).join('.')}(${v.args.map(shownValue).join(', ')})`;
  }
}
