import type { ActualCluster, DesiredContainers } from './containers.js';
import type { ConnectionType } from './connections.js';
import type { MzObject, ObjectKind } from './objects.js';
import type { ObjectName } from './names.js';

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
  /** Objects the manifest references but does not manage (`external:`): never created, changed or dropped. */
  readonly external?: readonly ExternalObject[];
  /** The environment whose variables were used, when the manifest declares environments. */
  readonly environment?: string;
  /**
   * Secrets whose values were not read (a read-only command run without the
   * secret variables), as `secret name (env:NAME)`. Their values cannot be
   * compared or set from this state.
   */
  readonly valuesNotRead?: readonly string[];
  /** Clusters, databases and schemas the manifest declares (created when missing, never dropped); absent means none. */
  readonly containers?: DesiredContainers;
  /** Objects the manifest says were renamed (`renamed_from:`), sorted by new name; absent means none. */
  readonly renames?: readonly Rename[];
}

/**
 * `renamed_from:` on an object: the object named `from` is now `to`, of the
 * same kind, in the same database and schema (ALTER ... RENAME TO takes a bare
 * name, src/sql/src/plan/statement/ddl.rs:6552-6611). Like Terraform's `moved`
 * block: the plan renames instead of creating anew.
 */
export interface Rename {
  readonly kind: ObjectKind;
  readonly from: ObjectName;
  readonly to: ObjectName;
}

/** A secret or connection that exists in Materialize, owned elsewhere, that managed objects may use (like a Terraform data source). */
export interface ExternalObject {
  readonly kind: 'secret' | 'connection';
  readonly name: ObjectName;
  /** Connections: the type it must have. */
  readonly type?: ConnectionType;
  readonly location: SourceLocation;
}

/** What the server reports beside an object's definition, needed after apply (never diffed). */
export interface ObjectOutputs {
  /** SSH tunnel: the two generated public keys, to install on the bastion. */
  readonly publicKeys?: readonly [string, string];
  /** AWS PrivateLink: the principal the endpoint service must allow. */
  readonly principal?: string;
  /** AWS (assume role): the external id the role's trust policy must name. */
  readonly externalId?: string;
}

/**
 * What the catalog tells of a secret's value, which Materialize never returns.
 * `none` and `unknown` differ: `none` means no fingerprint is stored (the
 * value was set outside mzform, or without a key), so a plan with a key sets
 * the value once; `unknown` means the fingerprint was not read (a catalog
 * dump never carries one), so the value cannot be checked and is reported as
 * not checked, never as a change.
 */
export type StoredFingerprint =
  | { readonly state: 'stored'; readonly fingerprint: string }
  | { readonly state: 'none' }
  | { readonly state: 'unknown' };

export const NO_FINGERPRINT: StoredFingerprint = { state: 'none' };

/** The fingerprint string when one is known to be stored. */
export function storedFingerprint(actual: { readonly secretFingerprint?: StoredFingerprint }): string | undefined {
  return actual.secretFingerprint?.state === 'stored' ? actual.secretFingerprint.fingerprint : undefined;
}

/** An object read from the catalog. */
export interface ActualObject {
  /** Catalog id, e.g. `u12`. */
  readonly id: string;
  /** The definition parsed from `create_sql`; the comment is the user's part only (mzform's marker removed). */
  readonly object: MzObject;
  /** Ids of the catalog objects this one references (`mz_object_dependencies`). */
  readonly dependsOn: readonly string[];
  readonly outputs: ObjectOutputs;
  /**
   * Postgres / MySQL sources whose create_sql lists no tables (newer servers
   * keep them as separate subsources) and whose subsources' upstream tables
   * were not read (a catalog dump from an older mzform): the table list read
   * is not the truth, so it is not compared.
   */
  readonly tablesUnknown?: boolean;
  /** Secrets only: what the catalog tells of the value (absent, as for other kinds: `none`). */
  readonly secretFingerprint?: StoredFingerprint;
  /** Hash of what was read for this object (id, create_sql, comment, owner), to detect a stale saved plan. */
  readonly fingerprint: string;
}

/**
 * A catalog object that is not itself managed but matters to the plan: a
 * subsource or progress source (it belongs to its parent source), or an object
 * of another kind (a view, an index) that depends on a managed one.
 */
export interface ForeignObject {
  readonly id: string;
  /** `mz_sources.type` or the catalog relation it came from, e.g. `subsource`, `progress`, `view`. */
  readonly type: string;
  readonly name?: ObjectName;
  readonly dependsOn: readonly string[];
  /**
   * A secret, connection, source or table whose definition mzform cannot read (a
   * form it does not model): never managed, never dropped, shown in plans as
   * not managed; `reason` says what could not be read.
   */
  readonly unreadable?: { readonly kind: ObjectKind; readonly reason: string };
}

/** The live catalog as mzform sees it: every user secret, connection and source, sorted by kind then name. */
export interface ActualState {
  readonly objects: readonly ActualObject[];
  /** Subsources, progress sources and other dependents, by id. */
  readonly foreign: readonly ForeignObject[];
  /** Every cluster's name, sorted; absent when not read (then plans cannot check that a source's cluster exists). */
  readonly clusters?: readonly string[];
  /** Every cluster with its size and replication factor, sorted by name; absent when not read (a catalog dump from an older mzform). */
  readonly clusterDetails?: readonly ActualCluster[];
  /** Every role's name, sorted; absent when not read (then plans cannot check that an owner exists). */
  readonly roles?: readonly string[];
  /** Every database's name, sorted; absent when not read (then plans cannot check that an object's database exists). */
  readonly databases?: readonly string[];
  /** Every schema of every database, sorted; absent when not read (then plans cannot check that an object's schema exists). */
  readonly schemas?: readonly { readonly database: string; readonly schema: string }[];
}
