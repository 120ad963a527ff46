export * from './change.js';
export { diff, CHILD_TYPES, type DiffOptions } from './diff.js';
export { secretFingerprint, composeSecretComment, COMMENT_MAX_BYTES } from './secret-fingerprint.js';
export { canonicalJson, sameValue } from './values.js';
export { uncheckedSecretValues, uncheckedValuesNote } from './unchecked-values.js';
