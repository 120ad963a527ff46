export {
  FINGERPRINT_KEY_VARIABLE,
  loadActual,
  loadActualFromRows,
  readCatalogDumpFile,
  readLiveCatalogRows,
  readLiveCatalogAndRole,
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
export { readManifestHealth } from './status-pipeline.js';
export { declaredSecretValues } from './declared-secrets.js';
export { fingerprintKeyFrom, MIN_FINGERPRINT_KEY_BYTES } from './fingerprint-key.js';
export { ExternalObjectError, withExternalObjects } from './external-objects.js';
