import type { StatementAst } from '../../sql/ast.js';
import type { RelationStatement } from '../objects/statements.js';
import type { Operation } from '../catalog/operations.js';
import type { ServerNotice, SessionVars } from '../outcome.js';
import type { DdlHost } from './host.js';

/**
 * A statement's plan: what Materialize's planner and sequencer decide before
 * anything changes. A value, made without touching the catalog (except to
 * allocate ids); the catalog transaction then applies `ops` to the store and
 * the rows together, or not at all.
 */
export interface Plan {
  /** The command tag the client gets (`CREATE SOURCE`). */
  readonly tag: string;
  readonly notices?: readonly ServerNotice[];
  /** Empty for a statement that changes nothing (VALIDATE, IF NOT EXISTS on an existing name). */
  readonly ops: readonly Operation[];
}

/** What a planner reads: the catalog as it is, the emulator's settings, the session's variables. */
export interface PlanContext extends DdlHost {
  readonly vars: SessionVars;
}

export type Planner<S> = (ctx: PlanContext, statement: S) => Plan;

/** Every statement the emulator plans. */
export type DdlStatement = StatementAst | RelationStatement;

/** One planner per statement kind: the compiler lists every kind without one. */
export type Planners = { readonly [K in DdlStatement['kind']]: Planner<Extract<DdlStatement, { kind: K }>> };

/** A plan that changes nothing. */
export function noChange(tag: string, notices?: readonly ServerNotice[]): Plan {
  return { tag, ops: [], ...(notices && notices.length > 0 ? { notices } : {}) };
}
