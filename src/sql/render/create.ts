import type { Connection, MzObject, Secret } from '../../model/objects.js';
import { assertNever } from '../../model/references.js';
import { qualifiedName } from '../quote.js';
import { makeStatement, SECRET_PLACEHOLDER, type Statement } from '../statement.js';
import { CONNECTION_TYPE_SQL, connectionOptions } from './connection-options.js';
import { renderCreateSourceSql } from './source.js';
import { renderCreateTableSql } from './table.js';

/**
 * The CREATE statement for an object.
 *
 * - secret: `CREATE SECRET "db"."s"."n" AS '********'` (the value is spliced in by `executableSql`);
 * - connection: `CREATE CONNECTION "db"."s"."n" TO KAFKA (BROKER = 'k:9092', SECURITY PROTOCOL = 'SSL')`,
 *   options in Materialize's stored order, `WITH (VALIDATE = false)` when `validate === false`;
 * - source: `CREATE SOURCE "db"."s"."n" IN CLUSTER "c" FROM ...`;
 * - table: `CREATE TABLE "db"."s"."n" FROM SOURCE "db"."s"."src" (REFERENCE = ...) ...`.
 */
export function renderCreate(object: MzObject): Statement {
  switch (object.kind) {
    case 'secret':
      return renderCreateSecret(object);
    case 'connection':
      return makeStatement('create_connection', 'connection', object.name, renderCreateConnectionSql(object));
    case 'source':
      return makeStatement('create_source', 'source', object.name, renderCreateSourceSql(object));
    case 'table':
      return makeStatement('create_table', 'table', object.name, renderCreateTableSql(object));
    default:
      return assertNever(object);
  }
}

function renderCreateSecret(secret: Secret): Statement {
  if (!secret.value) throw new Error(`secret ${qualifiedName(secret.name)} has no value to create it with`);
  return makeStatement('create_secret', 'secret', secret.name, `CREATE SECRET ${qualifiedName(secret.name)} AS ${SECRET_PLACEHOLDER}`, secret.value);
}

export function renderCreateConnectionSql(connection: Connection): string {
  const options = connectionOptions(connection.spec).map((o) => `${o.name} = ${o.value}`);
  const validate = connection.validate === false ? ' WITH (VALIDATE = false)' : '';
  return `CREATE CONNECTION ${qualifiedName(connection.name)} TO ${CONNECTION_TYPE_SQL[connection.spec.type]} (${options.join(', ')})${validate}`;
}
