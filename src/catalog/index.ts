export { introspect } from './introspect.js';
export { toActualState, type ToActualStateOptions } from './to-actual-state.js';
export { objectFingerprint } from './fingerprint.js';
export * from './queries.js';
export { LOCK_OBJECT_NAME, LOCK_QUERY, isLockObject, type LockRow } from './lock-object.js';
