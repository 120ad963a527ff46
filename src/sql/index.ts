/**
 * The only place SQL text is made or read. Renderers turn the model into
 * `Statement`s; the parser turns Materialize's stored or pasted DDL back into
 * the model.
 */
export { qualifiedName, quoteIdent, quoteLiteral, staticSql, type Sql } from './quote.js';
export { SqlParseError, type SqlPosition } from './errors.js';
export { executableSql, SECRET_PLACEHOLDER, type Statement, type StatementKind } from './statement.js';
export { renderCreate } from './render/create.js';
export { renderAlterCluster, renderCreateCluster, renderCreateDatabase, renderCreateSchema } from './render/containers.js';
export {
  renderAlterConnection,
  renderAlterSecret,
  renderAlterSource,
  renderComment,
  renderDrop,
  renderOwner,
  renderRename,
  renderRotateKeys,
  renderValidateConnection,
  type AlterSourceAction,
} from './render/alter.js';
export { parseStatement, parseStatements } from './parse-statement.js';
export { CONNECTION_TYPE_KEYWORDS } from './ast.js';
export { parseCreateSql, statementToModel, type CreateSqlModel, type CreateSqlOutputs, type ToModelOptions } from './to-model.js';
export type { StatementAst, ParsedStatement } from './ast.js';
/** The structured clauses of CREATE SOURCE, each from its own value: shared by sources and tables from sources. */
export { renderEnvelopeClause, renderFormat, renderFormatClause, renderIncludeClause, renderTableSelectionClause } from './render/source-clauses.js';
export {
  envelopeToModel,
  formatClausePosition,
  formatClauseToModel,
  formatToModel,
  includeToModel,
  tableSelectionToModel,
  type FormatOutputs,
  type NameResolver,
} from './source-clauses-to-model.js';
