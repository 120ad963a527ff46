export { connect, type ConnectOptions, type Database } from './database.js';
export { resolveConnection, type ResolvedConnection } from './connection-config.js';
export { DatabaseError, connectError, statementError } from './errors.js';
export { redact, REDACTED } from './redact.js';
