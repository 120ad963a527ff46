import type { ContainerKind, ObjectKind, ObjectName } from '../model/index.js';
import type { StepAction } from '../plan/index.js';

export type StepStatus = 'done' | 'failed' | 'not-run';

/** What the server said about a failed statement, secret values already removed. */
export interface StepError {
  readonly message: string;
  readonly sqlstate?: string;
  readonly detail?: string;
  readonly hint?: string;
  /** The connection dropped: the statement may or may not have taken effect. */
  readonly connectionLost: boolean;
}

export interface StepResult {
  readonly id: string;
  readonly action: StepAction;
  readonly phase?: 'drop' | 'create';
  readonly objectKind: ObjectKind | ContainerKind;
  readonly name: ObjectName;
  readonly status: StepStatus;
  /** Statements that completed, of `statementsTotal`. */
  readonly statementsRun: number;
  readonly statementsTotal: number;
  readonly error?: StepError;
}

/** What a user configures next, read from the catalog after apply. */
export interface ObjectOutput {
  readonly name: ObjectName;
  readonly type: 'ssh-tunnel' | 'aws-privatelink' | 'aws';
  readonly publicKeys?: readonly [string, string];
  readonly principal?: string;
  readonly externalId?: string;
}

export interface ValidationResult {
  readonly name: ObjectName;
  readonly ok: boolean;
  /** Why validation failed (the server's message). */
  readonly message?: string;
}

/**
 * applied: every step ran; no-changes: nothing to run; failed: a statement
 * failed and the rest did not run; interrupted: Ctrl-C stopped it between
 * statements.
 */
export type ApplyOutcome = 'applied' | 'no-changes' | 'failed' | 'interrupted';

export interface ApplyReport {
  readonly outcome: ApplyOutcome;
  readonly steps: readonly StepResult[];
  /** Plan warnings worth repeating, e.g. what --target left for later. */
  readonly warnings: readonly string[];
  readonly outputs: readonly ObjectOutput[];
  /** Present when --validate was given. */
  readonly validations?: readonly ValidationResult[];
}

export function countByStatus(steps: readonly StepResult[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { done: 0, failed: 0, 'not-run': 0 };
  for (const s of steps) counts[s.status]++;
  return counts;
}
