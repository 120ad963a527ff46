import { InputError } from '../errors.js';
import { FINGERPRINT_KEY_VARIABLE } from './plan-pipeline.js';

/** The shortest fingerprint key accepted, in bytes. */
export const MIN_FINGERPRINT_KEY_BYTES = 16;

/**
 * The fingerprint key from the environment, refused when short: anyone who
 * can read a secret's comment (or had a plan) can test guesses of a short
 * key and a weak value offline, so a key must be a key, not a word.
 */
export function fingerprintKeyFrom(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const key = env[FINGERPRINT_KEY_VARIABLE] || undefined;
  if (key === undefined) return undefined;
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes < MIN_FINGERPRINT_KEY_BYTES) {
    throw new InputError(
      'env.fingerprint-key-short',
      `${FINGERPRINT_KEY_VARIABLE} is ${bytes} byte${bytes === 1 ? '' : 's'} long; a fingerprint key needs at least ${MIN_FINGERPRINT_KEY_BYTES}: with a short key, anyone who can read a secret's comment can test guesses of its value`,
      { hint: 'Use 32 random bytes, e.g. the output of: openssl rand -hex 32, kept in your CI secret store, the same for every run.' },
    );
  }
  return key;
}
