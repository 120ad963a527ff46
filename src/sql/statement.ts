import type { ObjectName } from '../model/names.js';
import type { ContainerKind } from '../model/containers.js';
import type { ObjectKind } from '../model/objects.js';
import type { SecretValue } from '../model/secret-value.js';
import { asSql, quoteLiteral, type Sql } from './quote.js';

export type StatementKind =
  | 'create_secret'
  | 'alter_secret'
  | 'create_connection'
  | 'alter_connection'
  | 'rotate_keys'
  | 'validate_connection'
  | 'create_source'
  | 'create_table'
  | 'alter_source'
  | 'rename'
  | 'alter_owner'
  | 'comment'
  | 'drop'
  | 'create_database'
  | 'create_schema'
  | 'create_cluster'
  | 'alter_cluster';

/** One statement mzform will run, kept apart from how it was rendered. */
export interface Statement {
  readonly kind: StatementKind;
  readonly objectKind: ObjectKind | ContainerKind;
  readonly target: ObjectName;
  /** Exactly what runs, except that a secret's value shows as '********'. */
  readonly sql: Sql;
  /** create_secret / alter_secret only: the value spliced in at execution time. */
  readonly secret?: SecretValue;
  /**
   * A secret's comment only: the value fingerprint its last line stores,
   * shown in `sql` as `hmac-sha256:********` and spliced in at execution
   * time, so that plans and reports never carry it.
   */
  readonly fingerprint?: string;
}

/** How a fingerprint looks in `Statement.sql`: the end of the comment literal. */
export const FINGERPRINT_PLACEHOLDER = "hmac-sha256:********'";

/** What a secret's value looks like in `Statement.sql`, as Materialize itself stores it. */
export const SECRET_PLACEHOLDER = "'********'";

/**
 * The text to send to the server: `sql` with the secret value spliced in.
 * Only the executor calls this. The placeholder is always the statement's
 * last token (`... AS '********'`), so a name that happens to contain the
 * placeholder text cannot receive the value.
 */
export function executableSql(statement: Statement): string {
  if (statement.fingerprint !== undefined) {
    if (!statement.sql.endsWith(FINGERPRINT_PLACEHOLDER) || !/^hmac-sha256:[0-9a-f]{64}$/.test(statement.fingerprint)) {
      throw new Error(`statement ${statement.kind} has a fingerprint but no fingerprint placeholder`);
    }
    return `${statement.sql.slice(0, -FINGERPRINT_PLACEHOLDER.length)}${statement.fingerprint}'`;
  }
  if (statement.secret === undefined) return statement.sql;
  if (!statement.sql.endsWith(SECRET_PLACEHOLDER)) {
    throw new Error(`statement ${statement.kind} has a secret but no value placeholder`);
  }
  return statement.sql.slice(0, -SECRET_PLACEHOLDER.length) + quoteLiteral(statement.secret.reveal());
}

export function makeStatement(
  kind: StatementKind,
  objectKind: ObjectKind | ContainerKind,
  target: ObjectName,
  text: string,
  secret?: SecretValue,
): Statement {
  return { kind, objectKind, target, sql: asSql(text), ...(secret ? { secret } : {}) };
}
