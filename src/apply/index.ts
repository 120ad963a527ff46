/**
 * `mzform apply` and what goes with it: the lock, the stale-plan check, the
 * hazard gate, statement-by-statement execution, the report, the outputs.
 */
export { runApply, loadSavedPlan, validationTargets, type ApplyInput, type ApplyOptions, type ApplyResult } from './run-apply.js';
export { runOutputs, type OutputsOptions, type OutputsResult } from './run-outputs.js';
export { runForceUnlock, type ForceUnlockOptions } from './run-force-unlock.js';
export {
  DEFAULT_LOCK_LOCATION,
  acquireLock,
  releaseLock,
  forceUnlock,
  readLock,
  describeHolder,
  composeLockComment,
  parseLockComment,
  lockObjectName,
  parseDuration,
  parseLockSchema,
  formatDuration,
  type LockHolder,
  type LockLocation,
  type LockState,
  type HeldLock,
  type ForceUnlockOutcome,
} from './lock.js';
export { currentHolder } from './holder.js';
export { STOP_SIGNALS, interruptName, type StopSignal } from './interrupt.js';
export { blockedSteps, checkHazards, hazardGateError, parseAllowedHazards, type BlockedStep } from './hazard-gate.js';
export { staleObjects, stalePlanError, type StaleObject } from './stale-check.js';
export { selectTargets, deferredWarning, type DeferredChange, type TargetSelection } from './target.js';
export { executePlan, planSecrets, type ExecuteOptions, type ExecuteResult, type StepEnded, type StepProgress, type StepStarted } from './execute.js';
export { stepProgressWriter, type StepProgressWriter } from './step-progress.js';
export { collectOutputs, validateConnections } from './outputs.js';
export * from './report.js';
export { renderApplyText, renderOutputsText, validationLines, type ApplyTextOptions } from './report-text.js';
export { renderApplyMarkdown } from './report-markdown.js';
export { renderApplyJson, renderOutputsJson, toApplyReportJson, toOutputJson, REPORT_FORMAT_VERSION, type ApplyReportJson, type OutputJson } from './report-json.js';
export { openApplyTarget, type ApplyTarget, type TargetOptions } from './target-connection.js';
export { runRollout, type RolloutOptions, type RolloutPhase, type RolloutResult } from './wait/rollout.js';
export { waitForHealth, DEFAULT_POLL_MS, type WaitOptions, type WaitOutcome, type WaitResult } from './wait/wait-for-health.js';
export { gateConnections, watchTargets } from './wait/watch-targets.js';
export { formatElapsed } from './wait/progress-format.js';
export { progressWriter, PLAIN_INTERVAL_MS, type ProgressStream, type ProgressWriter } from './wait/progress-writer.js';
