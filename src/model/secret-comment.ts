/**
 * Materialize never returns a secret's value, so mzform keeps a keyed
 * fingerprint of the value it set in the secret's comment, as a last line:
 *
 *     <the user's comment>
 *     mzform-fingerprint: hmac-sha256:<64 hex digits>
 *
 * The format lives here because both sides use it: the catalog reader splits
 * stored comments, the differ composes new ones.
 */
export const FINGERPRINT_PREFIX = 'mzform-fingerprint: ';
const FINGERPRINT_LINE = /(?:^|\n)mzform-fingerprint: (hmac-sha256:[0-9a-f]{64})$/;

/** Splits a stored secret comment into the user's part and mzform's fingerprint. */
export function parseSecretComment(stored: string | undefined): { comment?: string; fingerprint?: string } {
  if (stored === undefined) return {};
  const match = FINGERPRINT_LINE.exec(stored);
  if (!match) return { comment: stored };
  const user = stored.slice(0, match.index);
  return { ...(user === '' ? {} : { comment: user }), fingerprint: match[1] as string };
}
