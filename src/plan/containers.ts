import { InputError } from '../errors.js';
import { type ActualState, type DesiredState, containerName } from '../model/index.js';
import { renderAlterCluster, renderCreateCluster, renderCreateDatabase, renderCreateSchema } from '../sql/index.js';
import type { Hazard } from './hazards.js';
import type { Step } from './plan.js';

/** A container step before it gets its position in the plan. */
export type ContainerStep = Omit<Step, 'id'>;

/**
 * The clusters, databases and schemas the manifest declares and the catalog
 * lacks (CREATE) or has with another size or replication factor (ALTER
 * CLUSTER). Pure. Containers are never dropped: one the manifest stops
 * declaring may hold what it does not describe, so it is simply no longer
 * managed. They come first in a plan, databases before schemas: everything
 * else lives in or runs on them.
 */
export function containerSteps(desired: DesiredState, actual: ActualState): { steps: ContainerStep[]; warnings: string[] } {
  const declared = desired.containers;
  if (!declared) return { steps: [], warnings: [] };
  const steps: ContainerStep[] = [];
  const warnings: string[] = [];
  const databases = new Set(actual.databases ?? []);
  const schemas = new Set((actual.schemas ?? []).map((s) => JSON.stringify([s.database, s.schema])));
  const created = new Set<string>();

  if (actual.databases) {
    for (const database of declared.databases) {
      if (databases.has(database)) continue;
      created.add(database);
      steps.push(createStep('database', containerName('database', database), renderCreateDatabase(database)));
    }
  }
  if (actual.schemas) {
    for (const { database, schema } of declared.schemas) {
      if (schemas.has(JSON.stringify([database, schema]))) continue;
      // CREATE DATABASE makes its `public` schema.
      if (created.has(database) && schema === 'public') continue;
      if (actual.databases && !databases.has(database) && !created.has(database)) {
        throw new InputError('plan.schema-without-database', `schema ${database}.${schema} is declared, but database ${database} neither exists nor is declared`, {
          hint: `Add ${database} to databases:, or create it first.`,
        });
      }
      steps.push(createStep('schema', containerName('schema', schema, database), renderCreateSchema(database, schema)));
    }
  }
  const details = new Map((actual.clusterDetails ?? []).map((c) => [c.name, c]));
  const existing = new Set(actual.clusters ?? []);
  for (const cluster of declared.clusters) {
    const name = containerName('cluster', cluster.name);
    if (actual.clusters && !existing.has(cluster.name)) {
      steps.push(createStep('cluster', name, renderCreateCluster(cluster)));
      continue;
    }
    const current = details.get(cluster.name);
    if (!current) continue;
    if (!current.managed) {
      warnings.push(`cluster ${cluster.name} is an unmanaged cluster (its replicas are created by hand): its size and replication factor are not compared.`);
      continue;
    }
    const size = current.size !== cluster.size ? cluster.size : undefined;
    // An absent replication factor leaves the cluster's as it is.
    const replicationFactor = cluster.replicationFactor !== undefined && cluster.replicationFactor !== current.replicationFactor ? cluster.replicationFactor : undefined;
    if (size === undefined && replicationFactor === undefined) continue;
    const hazards: Hazard[] =
      size === undefined
        ? []
        : [
            {
              code: 'cluster-resize',
              message: `Cluster ${cluster.name} changes size from ${current.size ?? '(none)'} to ${cluster.size}: its replicas are replaced, and the sources and other objects on it pause until the new ones are hydrated.`,
            },
          ];
    steps.push({
      action: 'alter',
      objectKind: 'cluster',
      name,
      statements: [renderAlterCluster(cluster.name, { ...(size !== undefined ? { size } : {}), ...(replicationFactor !== undefined ? { replicationFactor } : {}) })],
      hazards,
      fields: [
        ...(size !== undefined ? [{ field: 'size', ...(current.size !== undefined ? { before: current.size } : {}), after: size }] : []),
        ...(replicationFactor !== undefined ? [{ field: 'replication_factor', ...(current.replicationFactor !== undefined ? { before: current.replicationFactor } : {}), after: replicationFactor }] : []),
      ],
    });
  }
  return { steps, warnings };
}

function createStep(objectKind: ContainerStep['objectKind'], name: Step['name'], statement: Step['statements'][number]): ContainerStep {
  return { action: 'create', objectKind, name, statements: [statement], hazards: [], fields: [] };
}
