/**
 * What every layer of the emulator shares: a statement's result as the
 * client sees it, and a session's variables. Kept apart from the session and
 * the wire protocol so that planners and printers never import them.
 */

/** A NOTICE or WARNING sent before a statement's result (ErrorResponse fields). */
export interface ServerNotice {
  readonly severity: 'ERROR' | 'FATAL' | 'NOTICE' | 'WARNING';
  readonly code: string;
  readonly message: string;
  readonly detail?: string;
  readonly hint?: string;
}

/** What a statement the emulator answers itself produced. */
export interface Outcome {
  readonly tag: string;
  readonly columns?: readonly string[];
  readonly rows?: readonly (readonly (string | null)[])[];
  readonly notices?: readonly ServerNotice[];
}

/** Session variables, lower-case names. */
export type SessionVars = Map<string, string>;
