export { connect, type ConnectOptions, type Database } from './database.js';
export { resolveConnection, type ResolvedConnection } from './connection-config.js';
export { DatabaseError, connectError, redactedLater, statementError } from './errors.js';
export { redact, REDACTED } from './redact.js';
