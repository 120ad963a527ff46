import type { StatementAst } from '../sql/ast.js';
import { SqlParseError } from '../sql/errors.js';
import { parseStatement } from '../sql/parse-statement.js';
import { MzError, SQLSTATE } from './errors.js';

/** Parses one statement, turning parse errors into Materialize's syntax error (42601). */
export function parseDdl(text: string): StatementAst {
  try {
    return parseStatement(text);
  } catch (err) {
    if (err instanceof SqlParseError) throw new MzError(err.reason, { sqlstate: SQLSTATE.syntaxError });
    throw err;
  }
}
