import type { ActualObject, Secret } from '../../model/index.js';
import type { SecretValueReason } from '../change.js';
import { secretFingerprint } from '../secret-fingerprint.js';

export interface SecretValueDecision {
  /** Set the value again, and why; undefined when it is known to match (or cannot be compared). */
  readonly reason?: SecretValueReason;
  /** The fingerprint to store after this plan: the desired value's, or the current one kept as is. */
  readonly fingerprint?: string;
}

/**
 * Decides whether a secret's value must be set again. With a key, the desired
 * value's fingerprint is compared with the stored one: different, or none
 * stored (the secret was set out of band or without a key), means set it.
 * Without a key nothing can be compared: existing values are left alone and
 * any stored fingerprint is kept. A forced rotation always sets the value.
 */
export function decideSecretValue(desired: Secret, actual: ActualObject, key: string | undefined, forced: boolean): SecretValueDecision {
  const wanted = key !== undefined && desired.value ? secretFingerprint(key, desired.name, desired.value) : undefined;
  if (forced) return { reason: 'forced', ...(wanted ? { fingerprint: wanted } : {}) };
  if (wanted === undefined) return actual.secretFingerprint ? { fingerprint: actual.secretFingerprint } : {};
  if (actual.secretFingerprint === undefined) return { reason: 'no-fingerprint', fingerprint: wanted };
  if (actual.secretFingerprint !== wanted) return { reason: 'changed', fingerprint: wanted };
  return { fingerprint: wanted };
}
