import { EXIT_CODES, MzformError, type ExitCode } from '../errors.js';
import { terminalSafe } from '../model/index.js';

/**
 * An error an mzform error class may attach for `--json` output (a manifest's
 * diagnostics, an apply's step results). Structural, so that `cli/` does not
 * import the modules that raise those errors.
 */
export interface WithJsonDetails {
  jsonDetails(): Record<string, unknown>;
}

/** What the CLI reports for a failed command: the same facts for text and for `--json`. */
export interface Failure {
  readonly exitCode: ExitCode;
  /** Stable and machine-readable: `manifest.invalid`, `usage`, `internal`, ... */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly details?: Record<string, unknown>;
  /** Only shown with `--debug`. */
  readonly stack?: string;
}

/**
 * oclif's own errors (unknown flag, flag without a value, failed validation)
 * carry an `oclif` property. Commands raise MzformErrors only, so these come
 * from parsing the command line: usage errors, which exit like an invalid
 * manifest, never with oclif's default 2, which would read as "changes present".
 */
function isUsageError(err: unknown): err is Error {
  return err instanceof Error && 'oclif' in err;
}

function hasJsonDetails(err: unknown): err is WithJsonDetails {
  return typeof (err as Partial<WithJsonDetails> | null)?.jsonDetails === 'function';
}

export function describeFailure(err: unknown): Failure {
  if (err instanceof MzformError) {
    return {
      exitCode: err.exitCode,
      code: err.code,
      message: err.message,
      ...(err.hint ? { hint: err.hint } : {}),
      ...(hasJsonDetails(err) ? { details: err.jsonDetails() } : {}),
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  if (isUsageError(err)) {
    return {
      exitCode: EXIT_CODES.invalidInput,
      code: 'usage',
      message: err.message,
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  // Not one of ours: a bug or an unexpected library error. One line, so that a
  // multi-line dump never floods a CI log; the stack is there with --debug.
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n', 1)[0] ?? '';
  return {
    exitCode: EXIT_CODES.error,
    code: 'internal',
    message: firstLine === '' ? 'unexpected error' : firstLine,
    ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
  };
}

/** The text a user sees on stderr. */
export function renderFailure(failure: Failure, debug: boolean): string {
  // Messages quote names from the manifest and the catalog: neutralized, like every text output.
  const lines = [`Error: ${terminalSafe(failure.message)}`];
  if (failure.hint) lines.push(`Hint: ${terminalSafe(failure.hint)}`);
  if (debug && failure.stack) lines.push('', failure.stack);
  return lines.join('\n');
}

/** The `--json` shape of a failure, stable across releases: `{error: {code, message, exitCode, hint?, ...details}}`. */
export function failureJson(failure: Failure): { error: Record<string, unknown> } {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      exitCode: failure.exitCode,
      ...(failure.hint ? { hint: failure.hint } : {}),
      ...failure.details,
    },
  };
}
