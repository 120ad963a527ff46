import type { AlterClusterStatement, CreateContainerStatement } from '../../sql/ast.js';
import type { Operation } from '../catalog/operations.js';
import { MzError, SQLSTATE } from '../errors.js';
import { noChange, type Plan, type PlanContext } from './plan.js';

/** CREATE DATABASE / SCHEMA / CLUSTER / ROLE: enough to set up what tests need. */
export function planCreateContainer(ctx: PlanContext, ast: CreateContainerStatement): Plan {
  const { store } = ctx;
  const parts = ast.name.parts.map((p) => p.value);
  const name = parts[parts.length - 1]!;
  const tag = `CREATE ${ast.objectKind.toUpperCase()}`;
  const exists = (what: string): Plan => {
    if (ast.ifNotExists) return noChange(tag, [{ severity: 'NOTICE', code: SQLSTATE.duplicateObject, message: `${what} '${name}' already exists, skipping` }]);
    throw new MzError(`${what} '${name}' already exists`);
  };
  const ops: Operation[] = [];
  switch (ast.objectKind) {
    case 'database': {
      if (store.databaseByName(name)) return exists('database');
      const id = `u${store.nextDatabaseId++}`;
      ops.push({ kind: 'put-database', database: { id, oid: store.allocateOid(), name, ownerId: 'u1' } });
      const schemaId = `u${store.nextSchemaId++}`;
      ops.push({ kind: 'put-schema', schema: { id: schemaId, oid: store.allocateOid(), databaseId: id, name: 'public', ownerId: 'u1' } });
      break;
    }
    case 'schema': {
      const databaseName = parts.length === 2 ? parts[0]! : 'materialize';
      const database = store.databaseByName(databaseName);
      if (!database) throw new MzError(`unknown database '${databaseName}'`);
      if (store.schemaByName(database.id, name)) return exists('schema');
      const id = `u${store.nextSchemaId++}`;
      ops.push({ kind: 'put-schema', schema: { id, oid: store.allocateOid(), databaseId: database.id, name, ownerId: 'u1' } });
      break;
    }
    case 'cluster': {
      if (store.clusterByName(name)) return exists('cluster');
      const size = ast.options.find((o) => o.name === 'SIZE')?.value;
      const replication = ast.options.find((o) => o.name === 'REPLICATION FACTOR')?.value;
      const id = `u${store.nextClusterId++}`;
      ops.push({
        kind: 'put-cluster',
        cluster: {
          id,
          name,
          ownerId: 'u1',
          managed: true,
          size: size?.kind === 'string' ? size.value : size?.kind === 'number' ? size.text : '25cc',
          replicationFactor: replication?.kind === 'number' ? Number(replication.text) : 1,
        },
      });
      break;
    }
    case 'role': {
      if (store.roleByName(name)) return exists('role');
      const id = `u${store.nextRoleId++}`;
      ops.push({ kind: 'put-role', role: { id, oid: store.allocateOid(), name } });
      break;
    }
  }
  return { tag, ops };
}

/**
 * `ALTER CLUSTER c SET (SIZE = '..', REPLICATION FACTOR = n)` on a managed
 * cluster (test/sqllogictest/managed_cluster.slt:79-82); on an unmanaged one
 * Materialize refuses REPLICATION FACTOR (src/sql/src/plan/statement/ddl.rs:4807),
 * and the emulator refuses SIZE likewise.
 */
export function planAlterCluster(ctx: PlanContext, ast: AlterClusterStatement): Plan {
  const { store } = ctx;
  const cluster = store.clusterByName(ast.name.value);
  if (!cluster) {
    if (ast.ifExists) return noChange('ALTER CLUSTER', [{ severity: 'NOTICE', code: SQLSTATE.undefinedObject, message: `cluster "${ast.name.value}" does not exist, skipping` }]);
    throw new MzError(`unknown cluster '${ast.name.value}'`);
  }
  let { size, replicationFactor } = cluster;
  for (const o of ast.options) {
    const v = o.value;
    if (o.name === 'SIZE' && (v?.kind === 'string' || v?.kind === 'number')) size = v.kind === 'string' ? v.value : v.text;
    else if (o.name === 'REPLICATION FACTOR' && v?.kind === 'number') replicationFactor = Number(v.text);
    else throw new MzError(`the emulator cannot ALTER CLUSTER ... SET (${o.name})`);
    if (!cluster.managed) throw new MzError(`${o.name} not supported for unmanaged clusters`);
  }
  return { tag: 'ALTER CLUSTER', ops: [{ kind: 'put-cluster', cluster: { ...cluster, size, replicationFactor } }] };
}
