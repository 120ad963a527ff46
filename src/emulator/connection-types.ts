import { CONNECTION_TYPE_KEYWORDS, type ConnectionTypeName } from '../sql/ast.js';

/**
 * Each connection type as Materialize writes it after `TO` and in its
 * messages (`POSTGRES connections do not support ...`). These are the
 * grammar's keywords, which the emulator shares with the parser it reuses;
 * what each type accepts stays the emulator's own account (connection-rules.ts).
 */
export const CONNECTION_TYPE_WORDS: Readonly<Record<ConnectionTypeName, string>> = CONNECTION_TYPE_KEYWORDS;
