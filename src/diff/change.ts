import type { ActualObject, MzObject, ObjectKind, ObjectName, SourceTable, ValueShape } from '../model/index.js';

/** One field that differs, by its manifest (snake_case) name, with model values on both sides. */
export interface FieldChange {
  readonly field: string;
  /** What the values are; absent on changes read back from a saved plan file. */
  readonly shape?: ValueShape;
  /** Absent when the field is not set on that side. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The only ALTER SOURCE options Materialize changes in place. */
export type AlterSourceAction =
  | { readonly kind: 'set-retain-history'; readonly value: string }
  | { readonly kind: 'reset-retain-history' }
  | { readonly kind: 'set-timestamp-interval'; readonly value: string }
  | { readonly kind: 'reset-timestamp-interval' };

/** A table's own TEXT COLUMNS / EXCLUDE COLUMNS, as upstream column references. */
export interface SubsourceColumns {
  readonly textColumns?: readonly (readonly string[])[];
  readonly excludeColumns?: readonly (readonly string[])[];
}

/** Why a secret's value is set again. */
export type SecretValueReason = 'changed' | 'no-fingerprint' | 'forced';

/** One in-place change, in model terms; the planner turns each into one statement. */
export type Alteration =
  /** Model field names of the connection spec (`saslPassword`, `brokers`, ...): one SET or RESET each. */
  | { readonly kind: 'connection-options'; readonly fields: readonly string[] }
  | { readonly kind: 'secret-value'; readonly reason: SecretValueReason }
  | { readonly kind: 'source-option'; readonly action: AlterSourceAction }
  /** `ALTER SOURCE ... ADD SUBSOURCE table WITH (TEXT COLUMNS ..., EXCLUDE COLUMNS ...)`. */
  | ({ readonly kind: 'add-subsource'; readonly table: SourceTable } & SubsourceColumns)
  /**
   * `DROP SOURCE <subsource>`: the table leaves the source, with the data
   * ingested for it; `columns` when it is added again with other columns.
   */
  | { readonly kind: 'drop-subsource'; readonly table: SourceTable; readonly subsource: ObjectName; readonly reason?: 'columns' }
  /** `ALTER SOURCE <subsource> RENAME TO <to>`: same schema, same data. */
  | { readonly kind: 'rename-subsource'; readonly subsource: ObjectName; readonly to: string }
  /** `ALTER <kind> <from> RENAME TO <name>`: declared with `renamed_from:`, always the first alteration. */
  | { readonly kind: 'rename'; readonly from: ObjectName }
  /** The full comment text to store (for a secret, with mzform's fingerprint line). */
  | { readonly kind: 'comment'; readonly comment: string | null }
  | { readonly kind: 'owner'; readonly role: string };

export interface ObjectRef {
  readonly kind: ObjectKind;
  readonly name: ObjectName;
}

interface Desired {
  readonly object: MzObject;
  /** The comment to store after CREATE, if any: the user's comment, plus the fingerprint line for a secret. */
  readonly storedComment?: string;
}

export interface CreateChange extends Desired {
  readonly action: 'create';
}

/** A secret whose value could not be checked: its fingerprint is unknown (read from a catalog dump). */
interface ValueUnchecked {
  readonly valueUnchecked?: true;
}

export interface AlterChange extends Desired, ValueUnchecked {
  readonly action: 'alter';
  readonly actual: ActualObject;
  readonly fields: readonly FieldChange[];
  readonly alterations: readonly Alteration[];
}

export interface ReplaceChange extends Desired {
  readonly action: 'replace';
  readonly actual: ActualObject;
  /** Every field that differs (empty for a pure cascade). */
  readonly fields: readonly FieldChange[];
  /** The names of the fields that forced the replace (empty for a pure cascade). */
  readonly forcing: readonly string[];
  /** Set when the object is replaced because an object it depends on is. */
  readonly cascadeFrom?: ObjectRef;
}

export interface DropChange {
  readonly action: 'drop';
  readonly actual: ActualObject;
}

export interface NoOpChange extends Desired, ValueUnchecked {
  readonly action: 'no-op';
  readonly actual: ActualObject;
}

/** In scope, absent from the manifest, and kept because pruning is off. */
export interface UnmanagedChange {
  readonly action: 'unmanaged';
  readonly actual: ActualObject;
}

export type Change = CreateChange | AlterChange | ReplaceChange | DropChange | NoOpChange | UnmanagedChange;

export type ChangeAction = Change['action'];

/** The object a change is about: the desired one when there is one. */
export function changeObject(change: Change): MzObject {
  return 'object' in change ? change.object : change.actual.object;
}
