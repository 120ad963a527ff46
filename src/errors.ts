/**
 * Every failure mzform reports is one of these. Each class has a fixed exit
 * code, documented in the README; commands never let oclif pick one (oclif's
 * default of 2 would read as "changes present").
 */
export const EXIT_CODES = {
  ok: 0,
  error: 1,
  changesPresent: 2,
  invalidInput: 3,
  refused: 4,
  notHealthy: 5,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

export abstract class MzformError extends Error {
  abstract readonly exitCode: ExitCode;
  /** A stable, machine-readable code, e.g. `manifest.invalid`. */
  abstract readonly code: string;
  readonly hint?: string;

  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.hint) this.hint = options.hint;
  }
}

/** The manifest, a flag or a file given by the user is wrong. Nothing was touched. */
export class InputError extends MzformError {
  readonly exitCode = EXIT_CODES.invalidInput;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.code = code;
  }
}

/** mzform refused to go on: a hazard not allowed, a stale plan, a held lock, no approval. */
export class RefusedError extends MzformError {
  readonly exitCode = EXIT_CODES.refused;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.code = code;
  }
}

/** Anything else that went wrong at run time: the server is unreachable, a statement failed. */
export class RuntimeError extends MzformError {
  readonly exitCode = EXIT_CODES.error;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Everything ran, but what it made is not healthy: a source stalled, a
 * PrivateLink connection rejected, or not ready within --wait-timeout; or,
 * for `status`, an object that is not healthy now.
 */
export class NotHealthyError extends MzformError {
  readonly exitCode = EXIT_CODES.notHealthy;
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.code = code;
  }
}
