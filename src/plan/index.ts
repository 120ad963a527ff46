export * from './plan.js';
export { buildPlan, type BuildPlanOptions } from './build-plan.js';
export { toposort } from './graph.js';
export { HAZARD_CODES, type Hazard, type HazardCode } from './hazards.js';
export { toPlanFile, serializePlan, deserializePlan, type PlanFile, type SecretResolver } from './plan-file.js';
export { checkClustersAndRoles, MissingContainersError, type MissingContainer } from './missing-containers.js';
export { checkUnreadableDeclared, unreadableInScope } from './unreadable.js';
