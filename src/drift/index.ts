export { DRIFT_FORMAT_VERSION, describeDrift, hasDrift, type DriftEntry, type DriftField, type DriftReport } from './drift-report.js';
export { driftJson, renderDriftMarkdown, renderDriftText } from './render-drift.js';
