export {
  FINGERPRINT_KEY_VARIABLE,
  loadActual,
  loadActualFromRows,
  readCatalogDumpFile,
  readLiveCatalogRows,
  type TargetOptions,
  loadDesired,
  type LoadDesiredOptions,
  secretValuesNeeded,
  valuesNotReadNote,
  planChanges,
  resolveSecretNames,
  runPlanPipeline,
  type PlanPipelineOptions,
  type PlanPipelineResult,
} from './plan-pipeline.js';
export { ExternalObjectError, withExternalObjects } from './external-objects.js';
