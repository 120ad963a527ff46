export {
  FINGERPRINT_KEY_VARIABLE,
  loadActual,
  loadDesired,
  planChanges,
  resolveSecretNames,
  runPlanPipeline,
  type PlanPipelineOptions,
  type PlanPipelineResult,
} from './plan-pipeline.js';
