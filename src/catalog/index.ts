export { introspect, readCatalogRows, readConnectedRole } from './introspect.js';
export { CATALOG_DUMP_FORMAT_VERSION, parseCatalogDump, serializeCatalogDump } from './catalog-dump.js';
export { toActualState, type ToActualStateOptions } from './to-actual-state.js';
export { objectFingerprint } from './fingerprint.js';
export * from './queries.js';
export { LOCK_OBJECT_NAME, LOCK_QUERY, isLockObject, type LockRow } from './lock-object.js';
export { readHealth, toHealthSnapshot, HEALTH_QUERY_COUNT } from './read-health.js';
export * from './health-queries.js';
