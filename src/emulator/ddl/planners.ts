import { MzError } from '../errors.js';
import { planAlterConnection, planCreateConnection } from './connection.js';
import { planAlterCluster, planCreateContainer } from './container.js';
import { planAlterOwner, planComment, planDrop, planRename, planValidate } from './objects.js';
import type { DdlStatement, Plan, PlanContext, Planner, Planners } from './plan.js';
import { planAlterRelationOwner, planCreateRelation, planDropRelation } from '../objects/plan.js';
import { planAlterSecret, planCreateSecret } from './secret.js';
import { planAlterSource, planCreateSource } from './source.js';
import { planCreateTableFromSource } from './table-from-source.js';

const notDdl: Planner<DdlStatement> = (_ctx, statement) => {
  throw new MzError(`unexpected statement ${statement.kind}`);
};

/**
 * The planner of every statement kind. A new kind of statement gets its
 * planner here (the compiler refuses the record without it); the planner
 * returns the operations, and the catalog transaction applies them.
 */
const PLANNERS: Planners = {
  create_secret: planCreateSecret,
  alter_secret: planAlterSecret,
  create_connection: planCreateConnection,
  alter_connection: planAlterConnection,
  create_source: planCreateSource,
  create_table_from_source: planCreateTableFromSource,
  alter_source: planAlterSource,
  rename: planRename,
  alter_owner: planAlterOwner,
  drop: planDrop,
  comment: planComment,
  validate_connection: planValidate,
  create_container: planCreateContainer,
  alter_cluster: planAlterCluster,
  create_relation: planCreateRelation,
  drop_relation: planDropRelation,
  alter_relation_owner: planAlterRelationOwner,
  // SET and SHOW are the session's, never planned.
  set_variable: notDdl,
  show: notDdl,
};

export function planStatement(ctx: PlanContext, statement: DdlStatement): Plan {
  return (PLANNERS[statement.kind] as Planner<DdlStatement>)(ctx, statement);
}
