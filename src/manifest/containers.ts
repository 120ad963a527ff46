import type { DesiredContainers } from '../model/index.js';
import type { ManifestDoc } from './manifest-document.js';

/**
 * The clusters, databases and schemas a manifest declares (already checked
 * against the JSON Schema), sorted by name; absent when it declares none.
 * Databases and schemas the declared schemas live in need not be listed:
 * creating a schema in a declared database works once the database exists.
 */
export function containersOf(doc: Partial<ManifestDoc>, defaultDatabase: string): DesiredContainers | undefined {
  const clusters = Object.entries(doc.clusters ?? {})
    .map(([name, c]) => ({ name, size: c.size, ...(c.replication_factor !== undefined ? { replicationFactor: c.replication_factor } : {}) }))
    .sort((a, b) => byCodeUnit(a.name, b.name));
  const databases = [...new Set(doc.databases ?? [])].sort(byCodeUnit);
  const pairs = new Map<string, { database: string; schema: string }>();
  for (const s of doc.schemas ?? []) {
    const pair = typeof s === 'string' ? { database: defaultDatabase, schema: s } : { database: s.database_name ?? defaultDatabase, schema: s.schema_name };
    pairs.set(JSON.stringify([pair.database, pair.schema]), pair);
  }
  const schemas = [...pairs.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, v]) => v);
  if (clusters.length === 0 && databases.length === 0 && schemas.length === 0) return undefined;
  return { clusters, databases, schemas };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The containers of a manifest in several files, together. A cluster declared
 * twice must say the same: the first one is kept, as `validate` compares files
 * only for object names.
 */
export function mergeContainers(parts: readonly (DesiredContainers | undefined)[]): DesiredContainers | undefined {
  const present = parts.filter((p): p is DesiredContainers => p !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  const clusters = new Map<string, DesiredContainers['clusters'][number]>();
  for (const p of present) for (const c of p.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
  const schemas = new Map<string, DesiredContainers['schemas'][number]>();
  for (const p of present) for (const s of p.schemas) schemas.set(JSON.stringify([s.database, s.schema]), s);
  return {
    clusters: [...clusters.values()].sort((a, b) => byCodeUnit(a.name, b.name)),
    databases: [...new Set(present.flatMap((p) => p.databases))].sort(byCodeUnit),
    schemas: [...schemas.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, v]) => v),
  };
}
