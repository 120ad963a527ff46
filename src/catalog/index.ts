export { introspect } from './introspect.js';
export { toActualState, type ToActualStateOptions } from './to-actual-state.js';
export { objectFingerprint } from './fingerprint.js';
export * from './queries.js';
