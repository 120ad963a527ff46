import { type ActualObject, NO_FINGERPRINT, type Secret } from '../../model/index.js';
import type { SecretValueReason } from '../change.js';
import { secretFingerprint } from '../secret-fingerprint.js';

export interface SecretValueDecision {
  /** Set the value again, and why; undefined when it is known to match (or cannot be compared). */
  readonly reason?: SecretValueReason;
  /** The fingerprint to store after this plan: the desired value's, or the current one kept as is. */
  readonly fingerprint?: string;
  /**
   * The value could have been compared (a key and the value are at hand) but
   * the stored fingerprint is unknown (read from a catalog dump): reported as
   * not checked, never as a change.
   */
  readonly unchecked?: true;
}

/**
 * Decides whether a secret's value must be set again. With a key, the desired
 * value's fingerprint is compared with the stored one: different, or none
 * stored (the secret was set out of band or without a key), means set it; an
 * unknown one (a catalog dump) means not checked. Without a key nothing can
 * be compared: existing values are left alone and any stored fingerprint is
 * kept. A forced rotation always sets the value.
 */
export function decideSecretValue(desired: Secret, actual: ActualObject, key: string | undefined, forced: boolean): SecretValueDecision {
  const wanted = key !== undefined && desired.value ? secretFingerprint(key, desired.name, desired.value) : undefined;
  if (forced) return { reason: 'forced', ...(wanted ? { fingerprint: wanted } : {}) };
  const stored = actual.secretFingerprint ?? NO_FINGERPRINT;
  switch (stored.state) {
    case 'stored':
      if (wanted === undefined) return { fingerprint: stored.fingerprint };
      return stored.fingerprint === wanted ? { fingerprint: wanted } : { reason: 'changed', fingerprint: wanted };
    case 'none':
      return wanted === undefined ? {} : { reason: 'no-fingerprint', fingerprint: wanted };
    case 'unknown':
      // Assumed to match, so that a comment change shows the line as it would stay; not run from a dump anyway.
      return wanted === undefined ? {} : { fingerprint: wanted, unchecked: true };
  }
}
