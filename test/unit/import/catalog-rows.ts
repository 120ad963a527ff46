import type { CatalogRows, ObjectRow } from '../../../src/catalog/index.js';
import { type MzObject, nameKey, referencesOf } from '../../../src/model/index.js';
import { renderCreate } from '../../../src/sql/index.js';

/**
 * The rows introspection would read after these objects were created by
 * hand (raw SQL, no mzform): create_sql as written, comments without
 * mzform's fingerprint line, owners, clusters, dependency edges, the
 * generated outputs, and the clusters, roles, databases and schemas they
 * name (plus a fresh Materialize's `quickstart`, `materialize` and
 * `materialize.public`). Create_sql keeps its FOR TABLES list, as older
 * servers do, so there are no subsources. Ids follow the order given.
 */
export function catalogRowsFor(objects: readonly MzObject[], owner = 'platform'): CatalogRows {
  const ids = new Map(objects.map((o, i) => [nameKey(o.name), `u${i + 1}`]));
  const id = (o: MzObject) => ids.get(nameKey(o.name)) as string;
  const rows: ObjectRow[] = objects.map((o) => ({
    id: id(o),
    kind: o.kind,
    database_name: o.name.database,
    schema_name: o.name.schema,
    name: o.name.name,
    type: o.kind === 'secret' ? null : o.kind === 'connection' ? o.spec.type : o.spec.type,
    create_sql: o.kind === 'secret' ? null : renderCreate(o).sql,
    owner_name: o.owner ?? owner,
    cluster_name: o.kind === 'source' ? o.cluster : null,
  }));
  return {
    objects: rows,
    comments: objects.flatMap((o) => (o.comment === undefined ? [] : [{ id: id(o), comment: o.comment }])),
    dependencies: objects.flatMap((o) =>
      [...new Set(referencesOf(o).map((r) => ids.get(nameKey(r.target))).filter((x): x is string => x !== undefined))]
        .sort()
        .map((referenced) => ({ object_id: id(o), referenced_object_id: referenced })),
    ),
    sshKeys: objects.flatMap((o) =>
      o.kind === 'connection' && o.spec.type === 'ssh-tunnel' ? [{ id: id(o), public_key_1: `ssh-ed25519 AAAA${id(o)}a`, public_key_2: `ssh-ed25519 AAAA${id(o)}b` }] : [],
    ),
    privatelinks: objects.flatMap((o) =>
      o.kind === 'connection' && o.spec.type === 'aws-privatelink' ? [{ id: id(o), principal: `arn:aws:iam::123456789012:role/mz_${id(o)}` }] : [],
    ),
    aws: objects.flatMap((o) => (o.kind === 'connection' && o.spec.type === 'aws' ? [{ id: id(o), external_id: `mz_${id(o)}` }] : [])),
    containers: [
      ...[...new Set(['quickstart', ...objects.flatMap((o) => (o.kind === 'source' ? [o.cluster] : []))])].sort().map((name) => ({ kind: 'cluster' as const, name })),
      ...[...new Set(['materialize', owner, ...objects.flatMap((o) => (o.owner ? [o.owner] : []))])].sort().map((name) => ({ kind: 'role' as const, name })),
    ],
    databases: [...new Set(['materialize', ...objects.map((o) => o.name.database)])].sort().map((name) => ({ name })),
    schemas: [...new Map([['materialize', 'public'], ...objects.map((o) => [o.name.database, o.name.schema] as const)].map(([d, s]) => [`${d}.${s}`, { database_name: d, name: s }])).values()]
      .sort((a, b) => (a.database_name < b.database_name ? -1 : a.database_name > b.database_name ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    sourceTables: [],
  };
}
