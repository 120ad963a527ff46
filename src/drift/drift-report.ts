import { type Change, type FieldChange, uncheckedSecretValues } from '../diff/index.js';
import { type ObjectKind, type ObjectName, compareNames, OBJECT_KINDS } from '../model/index.js';

/** Bumped when the `--json` shape of a drift report changes incompatibly. */
/** 2: field values are JSON values (1 wrote them as display strings, JSON inside strings). */
export const DRIFT_FORMAT_VERSION = 2;

/** One out-of-band change, in the user's terms. */
export type DriftEntry =
  /** Fields differ: someone ran ALTER, COMMENT or ALTER OWNER by hand (or the manifest changed and was not applied). */
  | { readonly kind: 'changed'; readonly objectKind: ObjectKind; readonly name: ObjectName; readonly fields: readonly DriftField[] }
  /** Declared, but not in Materialize: dropped by hand, or never applied. */
  | { readonly kind: 'missing'; readonly objectKind: ObjectKind; readonly name: ObjectName }
  /** In a managed schema, not declared: created by hand. */
  | { readonly kind: 'unmanaged'; readonly objectKind: ObjectKind; readonly name: ObjectName; readonly id: string }
  /** A secret whose stored fingerprint does not match the manifest's value (`changed`), or holds none (`untracked`). */
  | { readonly kind: 'secret-value'; readonly objectKind: 'secret'; readonly name: ObjectName; readonly state: 'changed' | 'untracked' }
  /** The name holds an object of another kind than declared. */
  | { readonly kind: 'kind-changed'; readonly objectKind: ObjectKind; readonly name: ObjectName; readonly live: ObjectKind };

/** A field with the manifest's value and the live one; either may be absent (not set on that side). */
export interface DriftField {
  readonly field: string;
  readonly manifest?: unknown;
  readonly live?: unknown;
}

export interface DriftReport {
  readonly manifest: string;
  readonly entries: readonly DriftEntry[];
  /** Secret values were not compared (no fingerprint key). */
  readonly secretsCompared: boolean;
  /** Secrets whose value could not be checked: their fingerprint is unknown (a catalog dump). Never drift. */
  readonly valuesNotChecked: readonly ObjectName[];
}

export function hasDrift(report: DriftReport): boolean {
  return report.entries.length > 0;
}

/**
 * The diff's changes read as drift: what differs between the manifest and
 * Materialize, object by object. Pure. Replaces that only cascade from
 * another object's drift are not drift of their own and are left out; so is
 * mzform's own bookkeeping (the fingerprint line of a secret's comment).
 */
export function describeDrift(changes: readonly Change[], options: { manifest: string; secretsCompared: boolean }): DriftReport {
  const entries: DriftEntry[] = [];
  for (const change of changes) {
    switch (change.action) {
      case 'no-op':
        break;
      case 'create':
        entries.push({ kind: 'missing', objectKind: change.object.kind, name: change.object.name });
        break;
      case 'unmanaged':
      case 'drop':
        entries.push({ kind: 'unmanaged', objectKind: change.actual.object.kind, name: change.actual.object.name, id: change.actual.id });
        break;
      case 'alter':
      case 'replace': {
        if (change.action === 'replace' && change.forcing.includes('kind')) {
          entries.push({ kind: 'kind-changed', objectKind: change.object.kind, name: change.object.name, live: change.actual.object.kind });
          break;
        }
        const fields = change.fields.filter((f) => f.field !== 'value').map(toDriftField);
        if (fields.length > 0) entries.push({ kind: 'changed', objectKind: change.object.kind, name: change.object.name, fields });
        if (change.action === 'alter' && change.object.kind === 'secret') {
          const value = change.alterations.find((a) => a.kind === 'secret-value');
          if (value?.kind === 'secret-value' && value.reason !== 'forced') {
            entries.push({ kind: 'secret-value', objectKind: 'secret', name: change.object.name, state: value.reason === 'changed' ? 'changed' : 'untracked' });
          }
        }
        break;
      }
    }
  }
  entries.sort((a, b) => compareNames(a.name, b.name) || OBJECT_KINDS.indexOf(a.objectKind) - OBJECT_KINDS.indexOf(b.objectKind) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { manifest: options.manifest, entries, secretsCompared: options.secretsCompared, valuesNotChecked: uncheckedSecretValues(changes) };
}

/** The diff's before is the catalog, its after the manifest. */
function toDriftField(f: FieldChange): DriftField {
  return { field: f.field, ...(f.after !== undefined ? { manifest: f.after } : {}), ...(f.before !== undefined ? { live: f.before } : {}) };
}
