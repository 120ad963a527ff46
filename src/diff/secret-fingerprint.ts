import { createHmac } from 'node:crypto';
import { InputError } from '../errors.js';
import { displayName, FINGERPRINT_PREFIX, type ObjectName, type SecretValue } from '../model/index.js';

/** Materialize's limit on a comment, in UTF-8 bytes. */
export const COMMENT_MAX_BYTES = 1024;

/**
 * The keyed fingerprint of a secret's value, stored in its comment (format in
 * src/model/secret-comment.ts). The HMAC key is the caller's (the CLI reads
 * MZFORM_FINGERPRINT_KEY): an unkeyed hash of a low-entropy password could be
 * brute-forced by anyone who can read comments. The secret's name is part of
 * the input, so two secrets holding the same value do not show equal
 * fingerprints. Changing the key makes every fingerprint mismatch once, so
 * every secret is set again once.
 */
export function secretFingerprint(key: string, name: ObjectName, value: SecretValue): string {
  const hmac = createHmac('sha256', key);
  hmac.update(`mzform secret fingerprint v1\0${name.database}\0${name.schema}\0${name.name}\0`);
  hmac.update(value.reveal());
  return `hmac-sha256:${hmac.digest('hex')}`;
}

/** The comment to store: the user's comment, then the fingerprint line. Throws if it exceeds the server's limit. */
export function composeSecretComment(name: ObjectName, comment: string | undefined, fingerprint: string | undefined): string | undefined {
  if (fingerprint === undefined) return comment;
  const line = `${FINGERPRINT_PREFIX}${fingerprint}`;
  const stored = comment === undefined ? line : `${comment}\n${line}`;
  const bytes = Buffer.byteLength(stored, 'utf8');
  if (bytes > COMMENT_MAX_BYTES) {
    throw new InputError(
      'secret.comment-too-long',
      `secret ${displayName(name)}: its comment and mzform's fingerprint line take ${bytes} bytes; Materialize allows ${COMMENT_MAX_BYTES}`,
      { hint: `Shorten the comment to at most ${COMMENT_MAX_BYTES - Buffer.byteLength(line, 'utf8') - 1} bytes.` },
    );
  }
  return stored;
}
