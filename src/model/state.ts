import type { MzObject } from './objects.js';

/** Where something was written: 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * What the manifest asks for, after validation, reference resolution and
 * `${env:...}` substitution. Objects are sorted by kind then name.
 */
export interface DesiredState {
  readonly file: string;
  readonly objects: readonly MzObject[];
  /** The schemas mzform manages (`database.schema` pairs); objects there that the manifest omits are candidates for dropping. */
  readonly scope: readonly { readonly database: string; readonly schema: string }[];
  /** Drop objects in scope that the manifest does not list. Off unless the manifest or a flag says so. */
  readonly prune: boolean;
  /** Where each object was declared, by `nameKey`. */
  readonly locations: ReadonlyMap<string, SourceLocation>;
}
