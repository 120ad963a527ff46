import { type ObjectName, compareNames, displayName } from '../model/index.js';
import type { Change } from './change.js';

/**
 * The secrets whose value the diff could not check because their stored
 * fingerprint is unknown (a catalog dump never carries one), sorted. Pure.
 */
export function uncheckedSecretValues(changes: readonly Change[]): ObjectName[] {
  return changes
    .flatMap((c) => ((c.action === 'no-op' || c.action === 'alter') && c.valueUnchecked ? [c.object.name] : []))
    .sort(compareNames);
}

/** The note `plan` and `drift` print for them, in the words read-only runs use for values they did not read. */
export function uncheckedValuesNote(names: readonly ObjectName[]): string | undefined {
  if (names.length === 0) return undefined;
  return `secret values were not checked (a catalog dump holds no fingerprints): ${names.map((n) => `secret ${displayName(n)}`).join('; ')}`;
}
