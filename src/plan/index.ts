export * from './plan.js';
export { buildPlan, type BuildPlanOptions } from './build-plan.js';
export { toposort } from './graph.js';
export { HAZARD_CODES, type Hazard, type HazardCode } from './hazards.js';
export { toPlanFile, serializePlan, serializeSavedPlan, deserializePlan, readPlanFile, type LoadedPlanFile, type PlanFile } from './plan-file.js';
export { dependentsOf, newDependents, sealPlan, firstDifference, savedPlanContext, type SavedPlanContext } from './saved-plan.js';
export { checkClustersAndRoles, MissingContainersError, type MissingContainer } from './missing-containers.js';
