import type { ConnectionSpec } from '../../model/connections.js';
import type { ObjectName } from '../../model/names.js';
import type { ObjectKind } from '../../model/objects.js';
import { assertNever } from '../../model/references.js';
import type { SecretValue } from '../../model/secret-value.js';
import type { SourceTable } from '../../model/sources.js';
import { connectionEntry, SET_REPLACES_GROUP } from '../../model/index.js';
import type { ConnectionOptionName } from '../ast.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../quote.js';
import { makeStatement, SECRET_PLACEHOLDER, type Statement } from '../statement.js';
import { compareOptionNames, connectionOptions } from './connection-options.js';
import { columnList, renderSourceTable } from './source.js';

const KIND_SQL: Record<ObjectKind, string> = { secret: 'SECRET', connection: 'CONNECTION', source: 'SOURCE', table: 'TABLE' };

/** `ALTER SECRET "db"."s"."n" AS '********'`; the value is spliced in by `executableSql`. */
export function renderAlterSecret(name: ObjectName, value: SecretValue): Statement {
  return makeStatement('alter_secret', 'secret', name, `ALTER SECRET ${qualifiedName(name)} AS ${SECRET_PLACEHOLDER}`, value);
}

/**
 * `ALTER CONNECTION "db"."s"."n" SET (HOST = 'h'), RESET (PORT)`: one clause
 * per option, as Materialize's grammar requires, in its option order.
 * `changedFields` are top-level field names of the spec (`saslPassword`,
 * `brokers`, `defaultPath`, `port`). A field set in `desired` becomes SET, an
 * absent one RESET. Kafka's `brokers` is BROKER for one broker and BROKERS
 * otherwise, `defaultPath` is SSH TUNNEL or AWS PRIVATELINK; the option of the
 * same field that is not used is RESET, except where setting one of BROKER,
 * BROKERS and AWS PRIVATELINK already drops the others. Throws for `type` and for fields Materialize cannot alter
 * (Kafka's progress topic; the tunnel of Postgres, MySQL and schema-registry
 * connections).
 */
export function renderAlterConnection(
  name: ObjectName,
  desired: ConnectionSpec,
  changedFields: readonly string[],
  options?: { validate?: boolean },
): Statement {
  const all = connectionOptions(desired, true);
  let clauses: { name: ConnectionOptionName; text: string }[] = [];
  for (const field of [...new Set(changedFields)]) {
    const entry = field === 'type' ? undefined : connectionEntry(desired.type, field);
    if (entry && !entry.alterable) throw new Error(`${desired.type} connection field ${field} cannot be altered; the connection must be replaced`);
    if (!entry) throw new Error(`${desired.type} connections have no option for field ${field}`);
    const owned = all.filter((o) => o.field === field);
    for (const o of owned) {
      clauses.push({ name: o.name, text: 'value' in o && o.value !== undefined ? `SET (${o.name} = ${o.value})` : `RESET (${o.name})` });
    }
  }
  // Materialize refuses to SET one of a mutually exclusive group and RESET another
  // in one statement; setting one drops the others anyway.
  const group: readonly ConnectionOptionName[] = SET_REPLACES_GROUP[desired.type] ?? [];
  if (clauses.some((c) => group.includes(c.name) && c.text.startsWith('SET'))) {
    clauses = clauses.filter((c) => !(group.includes(c.name) && c.text.startsWith('RESET')));
  }
  if (clauses.length === 0) throw new Error('ALTER CONNECTION needs at least one changed field');
  clauses.sort((a, b) => compareOptionNames(a.name, b.name) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const validate = options?.validate === undefined ? '' : ` WITH (VALIDATE = ${options.validate})`;
  return makeStatement('alter_connection', 'connection', name, `ALTER CONNECTION ${qualifiedName(name)} ${clauses.map((c) => c.text).join(', ')}${validate}`);
}

/** `ALTER CONNECTION "db"."s"."n" ROTATE KEYS` (SSH tunnels only). */
export function renderRotateKeys(name: ObjectName): Statement {
  return makeStatement('rotate_keys', 'connection', name, `ALTER CONNECTION ${qualifiedName(name)} ROTATE KEYS`);
}

/** `VALIDATE CONNECTION "db"."s"."n"`. */
export function renderValidateConnection(name: ObjectName): Statement {
  return makeStatement('validate_connection', 'connection', name, `VALIDATE CONNECTION ${qualifiedName(name)}`);
}

export type AlterSourceAction =
  | { readonly kind: 'set-retain-history'; readonly value: string }
  | { readonly kind: 'reset-retain-history' }
  | { readonly kind: 'set-timestamp-interval'; readonly value: string }
  | { readonly kind: 'reset-timestamp-interval' }
  | {
      readonly kind: 'add-subsource';
      readonly table: SourceTable;
      readonly textColumns?: readonly (readonly string[])[];
      readonly excludeColumns?: readonly (readonly string[])[];
    };

/** `ALTER SOURCE "db"."s"."n" SET (RETAIN HISTORY = FOR '1h')` and the other in-place changes. */
export function renderAlterSource(name: ObjectName, action: AlterSourceAction): Statement {
  const target = `ALTER SOURCE ${qualifiedName(name)}`;
  let clause: string;
  switch (action.kind) {
    case 'set-retain-history':
      clause = `SET (RETAIN HISTORY = FOR ${quoteLiteral(action.value)})`;
      break;
    case 'reset-retain-history':
      clause = 'RESET (RETAIN HISTORY)';
      break;
    case 'set-timestamp-interval':
      clause = `SET (TIMESTAMP INTERVAL = ${quoteLiteral(action.value)})`;
      break;
    case 'reset-timestamp-interval':
      clause = 'RESET (TIMESTAMP INTERVAL)';
      break;
    case 'add-subsource': {
      // One statement per table, so its columns are exactly that table's (src/sql-parser/tests/testdata/ddl:1738-1747).
      const options = [...columnList('TEXT COLUMNS', action.textColumns), ...columnList('EXCLUDE COLUMNS', action.excludeColumns)];
      clause = `ADD SUBSOURCE ${renderSourceTable(action.table)}${options.length > 0 ? ` WITH (${options.join(', ')})` : ''}`;
      break;
    }
    default:
      return assertNever(action);
  }
  return makeStatement('alter_source', 'source', name, `${target} ${clause}`);
}

/** `ALTER SOURCE "db"."s"."n" RENAME TO "m"`: the new name stays in the same schema. */
export function renderRename(kind: ObjectKind, name: ObjectName, newName: string): Statement {
  return makeStatement('rename', kind, name, `ALTER ${KIND_SQL[kind]} ${qualifiedName(name)} RENAME TO ${quoteIdent(newName)}`);
}

/** `ALTER CONNECTION "db"."s"."n" OWNER TO "role"`. */
export function renderOwner(kind: ObjectKind, name: ObjectName, role: string): Statement {
  return makeStatement('alter_owner', kind, name, `ALTER ${KIND_SQL[kind]} ${qualifiedName(name)} OWNER TO ${quoteIdent(role)}`);
}

/** `COMMENT ON SECRET "db"."s"."n" IS 'text'` or `IS NULL` to remove it. */
export function renderComment(kind: ObjectKind, name: ObjectName, comment: string | null): Statement {
  return makeStatement('comment', kind, name, `COMMENT ON ${KIND_SQL[kind]} ${qualifiedName(name)} IS ${comment === null ? 'NULL' : quoteLiteral(comment)}`);
}

/** `DROP SOURCE "db"."s"."n"`, with `CASCADE` only when asked (RESTRICT is Materialize's default). */
export function renderDrop(kind: ObjectKind, name: ObjectName, options?: { cascade?: boolean }): Statement {
  return makeStatement('drop', kind, name, `DROP ${KIND_SQL[kind]} ${qualifiedName(name)}${options?.cascade ? ' CASCADE' : ''}`);
}
