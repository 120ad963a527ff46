import { parseStatement } from '../../sql/parse-statement.js';
import type { CatalogStore } from '../catalog/store.js';
import { genericOption, ident, itemName, literal, printCreateConnection, printCreateSource, value, type PrintContext } from './printer.js';

/**
 * The statement as Materialize prints it back in "<statement> cannot be run
 * inside a transaction block": the parsed statement re-displayed (options
 * with `=`, keywords upper case, names as written). Like Materialize, a
 * CREATE SECRET echoes its value.
 */
export function echoStatement(store: CatalogStore, text: string): string {
  const ctx: PrintContext = { mode: 'simple', store };
  try {
    const ast = parseStatement(text);
    switch (ast.kind) {
      case 'create_secret':
        return `CREATE SECRET ${ast.ifNotExists ? 'IF NOT EXISTS ' : ''}${itemName(ast.name, ctx)} AS ${value(ast.value, ctx)}`;
      case 'alter_secret':
        return `ALTER SECRET ${ast.ifExists ? 'IF EXISTS ' : ''}${itemName(ast.name, ctx)} AS ${value(ast.value, ctx)}`;
      case 'create_connection':
        return printCreateConnection(ast, ctx);
      case 'create_source':
        return printCreateSource(ast, ctx);
      case 'drop':
        return `DROP ${ast.objectKind.toUpperCase()} ${ast.ifExists ? 'IF EXISTS ' : ''}${ast.names.map((n) => itemName(n, ctx)).join(', ')}${ast.behavior ? ` ${ast.behavior}` : ''}`;
      case 'comment':
        return `COMMENT ON ${ast.objectKind.toUpperCase()} ${itemName(ast.name, ctx)} IS ${ast.comment === null ? 'NULL' : literal(ast.comment)}`;
      case 'validate_connection':
        return `VALIDATE CONNECTION ${itemName(ast.name, ctx)}`;
      case 'rename':
        return `ALTER ${ast.objectKind.toUpperCase()} ${ast.ifExists ? 'IF EXISTS ' : ''}${itemName(ast.name, ctx)} RENAME TO ${ident(ast.newName.value, 'simple')}`;
      case 'alter_owner':
        return `ALTER ${ast.objectKind.toUpperCase()} ${ast.ifExists ? 'IF EXISTS ' : ''}${itemName(ast.name, ctx)} OWNER TO ${ident(ast.role.value, 'simple')}`;
      case 'alter_source':
        if (ast.action.kind === 'set') return `ALTER SOURCE ${itemName(ast.name, ctx)} SET (${ast.action.options.map((o) => genericOption(o, ctx)).join(', ')})`;
        if (ast.action.kind === 'reset') return `ALTER SOURCE ${itemName(ast.name, ctx)} RESET (${ast.action.options.join(', ')})`;
        return collapse(text);
      default:
        return collapse(text);
    }
  } catch {
    return collapse(text);
  }
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The statement for the query log: a CREATE/ALTER SECRET value becomes `'********'`. */
export function redactStatement(text: string): string {
  if (!/^\s*(create|alter)\s+secret\b/i.test(text)) return text;
  try {
    const ast = parseStatement(text);
    if (ast.kind === 'create_secret' || ast.kind === 'alter_secret') return `${text.slice(0, ast.value.pos.offset)}'********'`;
  } catch {
    // Unparseable: hide everything after AS, or the whole statement.
  }
  const as = /\bas\b/i.exec(text);
  return as ? `${text.slice(0, as.index + 2)} '********'` : 'CREATE SECRET <unparseable, redacted>';
}
