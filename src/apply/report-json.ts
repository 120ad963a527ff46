import { displayName, type ObjectName } from '../model/index.js';
import type { PlanFile } from '../plan/index.js';
import { type ApplyReport, type ObjectOutput, countByStatus } from './report.js';

/** Bumped whenever the JSON shape of the apply report or the outputs changes incompatibly. */
export const REPORT_FORMAT_VERSION = 1;

export interface OutputJson {
  name: ObjectName;
  display_name: string;
  type: ObjectOutput['type'];
  public_keys?: string[];
  principal?: string;
  external_id?: string;
}

export interface ApplyReportJson {
  format_version: number;
  outcome: ApplyReport['outcome'];
  summary: { done: number; failed: number; not_run: number };
  steps: {
    id: string;
    action: string;
    phase?: string;
    object_kind: string;
    name: ObjectName;
    display_name: string;
    status: string;
    statements_run: number;
    statements_total: number;
    error?: { message: string; sqlstate?: string; detail?: string; hint?: string; connection_lost: boolean };
  }[];
  warnings: string[];
  outputs: OutputJson[];
  validations?: { name: ObjectName; display_name: string; ok: boolean; message?: string }[];
}

export function toApplyReportJson(report: ApplyReport): ApplyReportJson {
  const c = countByStatus(report.steps);
  return {
    format_version: REPORT_FORMAT_VERSION,
    outcome: report.outcome,
    summary: { done: c.done, failed: c.failed, not_run: c['not-run'] },
    steps: report.steps.map((s) => ({
      id: s.id,
      action: s.action,
      ...(s.phase ? { phase: s.phase } : {}),
      object_kind: s.objectKind,
      name: plainName(s.name),
      display_name: displayName(s.name),
      status: s.status,
      statements_run: s.statementsRun,
      statements_total: s.statementsTotal,
      ...(s.error
        ? {
            error: {
              message: s.error.message,
              ...(s.error.sqlstate ? { sqlstate: s.error.sqlstate } : {}),
              ...(s.error.detail ? { detail: s.error.detail } : {}),
              ...(s.error.hint ? { hint: s.error.hint } : {}),
              connection_lost: s.error.connectionLost,
            },
          }
        : {}),
    })),
    warnings: [...report.warnings],
    outputs: report.outputs.map(toOutputJson),
    ...(report.validations
      ? { validations: report.validations.map((v) => ({ name: plainName(v.name), display_name: displayName(v.name), ok: v.ok, ...(v.message !== undefined ? { message: v.message } : {}) })) }
      : {}),
  };
}

export function toOutputJson(o: ObjectOutput): OutputJson {
  return {
    name: plainName(o.name),
    display_name: displayName(o.name),
    type: o.type,
    ...(o.publicKeys ? { public_keys: [...o.publicKeys] } : {}),
    ...(o.principal !== undefined ? { principal: o.principal } : {}),
    ...(o.externalId !== undefined ? { external_id: o.externalId } : {}),
  };
}

/** `mzform apply --format json`: the plan that was applied and what happened, one document. Pure. */
export function renderApplyJson(plan: PlanFile, report: ApplyReport): string {
  return `${JSON.stringify({ plan, apply: toApplyReportJson(report) }, null, 2)}\n`;
}

/** `mzform outputs --format json`. Pure. */
export function renderOutputsJson(outputs: readonly ObjectOutput[]): string {
  return `${JSON.stringify({ format_version: REPORT_FORMAT_VERSION, outputs: outputs.map(toOutputJson) }, null, 2)}\n`;
}

function plainName(n: ObjectName): ObjectName {
  return { database: n.database, schema: n.schema, name: n.name };
}
