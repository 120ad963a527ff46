import type { ClusterSpec } from '../../model/containers.js';
import { quoteIdent, quoteLiteral } from '../quote.js';
import { makeStatement, type Statement } from '../statement.js';
import { renderInteger } from './connection-options.js';

/** `CREATE DATABASE "d"`: Materialize gives it a `public` schema. */
export function renderCreateDatabase(name: string): Statement {
  return makeStatement('create_database', 'database', { database: '', schema: '', name }, `CREATE DATABASE ${quoteIdent(name)}`);
}

/** `CREATE SCHEMA "d"."s"`. */
export function renderCreateSchema(database: string, schema: string): Statement {
  return makeStatement('create_schema', 'schema', { database, schema: '', name: schema }, `CREATE SCHEMA ${quoteIdent(database)}.${quoteIdent(schema)}`);
}

function clusterOptions(cluster: Pick<ClusterSpec, 'size' | 'replicationFactor'>): string {
  const options = [`SIZE = ${quoteLiteral(cluster.size)}`];
  if (cluster.replicationFactor !== undefined) options.push(`REPLICATION FACTOR = ${renderInteger(cluster.replicationFactor, 'REPLICATION FACTOR')}`);
  return `(${options.join(', ')})`;
}

/** `CREATE CLUSTER "c" (SIZE = '25cc', REPLICATION FACTOR = 1)`: a managed cluster (doc/user/content/sql/create-cluster.md). */
export function renderCreateCluster(cluster: ClusterSpec): Statement {
  return makeStatement('create_cluster', 'cluster', { database: '', schema: '', name: cluster.name }, `CREATE CLUSTER ${quoteIdent(cluster.name)} ${clusterOptions(cluster)}`);
}

/**
 * `ALTER CLUSTER "c" SET (SIZE = '50cc', REPLICATION FACTOR = 2)`: only what
 * changed; several options go in one SET (test/sqllogictest/managed_cluster.slt:106).
 */
export function renderAlterCluster(name: string, changes: { readonly size?: string; readonly replicationFactor?: number }): Statement {
  const options: string[] = [];
  if (changes.size !== undefined) options.push(`SIZE = ${quoteLiteral(changes.size)}`);
  if (changes.replicationFactor !== undefined) options.push(`REPLICATION FACTOR = ${renderInteger(changes.replicationFactor, 'REPLICATION FACTOR')}`);
  if (options.length === 0) throw new Error('ALTER CLUSTER needs at least one changed option');
  return makeStatement('alter_cluster', 'cluster', { database: '', schema: '', name }, `ALTER CLUSTER ${quoteIdent(name)} SET (${options.join(', ')})`);
}
