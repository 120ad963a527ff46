import { describe, expect, it } from 'vitest';
import {
  AWS_QUERY,
  COMMENTS_QUERY,
  CONTAINERS_QUERY,
  DEPENDENCIES_QUERY,
  introspect,
  OBJECTS_QUERY,
  PRIVATELINK_QUERY,
  SOURCE_TABLES_QUERY,
  SSH_KEYS_QUERY,
} from '../../../src/catalog/index.js';
import type { Database } from '../../../src/db/index.js';

/** A database that answers the catalog queries for `count` secrets and SSH tunnels, and counts round trips. */
function fakeCatalog(count: number): Database & { sent: string[] } {
  const sent: string[] = [];
  const objects = Array.from({ length: count }, (_, i) => [
    { id: `u${2 * i + 1}`, kind: 'secret', database_name: 'materialize', schema_name: 'public', name: `s${i}`, type: null, create_sql: null, owner_name: 'materialize', cluster_name: null },
    {
      id: `u${2 * i + 2}`, kind: 'connection', database_name: 'materialize', schema_name: 'public', name: `t${i}`, type: 'ssh-tunnel', owner_name: 'materialize', cluster_name: null,
      create_sql: `CREATE CONNECTION "materialize"."public"."t${i}" TO SSH TUNNEL (HOST = 'h${i}', PORT = 22, USER = 'u')`,
    },
  ]).flat();
  const answers = new Map<string, object[]>([
    [OBJECTS_QUERY, objects],
    [COMMENTS_QUERY, []],
    [DEPENDENCIES_QUERY, []],
    [SSH_KEYS_QUERY, objects.filter((o) => o.kind === 'connection').map((o) => ({ id: o.id, public_key_1: 'k1', public_key_2: 'k2' }))],
    [PRIVATELINK_QUERY, []],
    [AWS_QUERY, []],
    [
      CONTAINERS_QUERY,
      [
        { kind: 'cluster', database_name: null, name: 'quickstart' },
        { kind: 'database', database_name: null, name: 'materialize' },
        ...Array.from({ length: count }, (_, i) => ({ kind: 'role', database_name: null, name: `r${i}` })),
        ...Array.from({ length: count }, (_, i) => ({ kind: 'schema', database_name: 'materialize', name: `s${i}` })),
      ],
    ],
    [SOURCE_TABLES_QUERY, []],
  ]);
  return {
    sent,
    target: 'fake',
    get roundTrips() {
      return sent.length;
    },
    async query<T extends object>(sql: string): Promise<T[]> {
      sent.push(sql);
      return (answers.get(sql) ?? []) as T[];
    },
    async execute() {
      throw new Error('introspection must not execute statements');
    },
    async close() {},
  };
}

describe('introspect', () => {
  it.each([10, 1000])('reads %i objects per kind, clusters, roles, databases and schemas in the same eight queries', async (count) => {
    const db = fakeCatalog(count);
    const state = await introspect(db);
    expect(state.objects).toHaveLength(2 * count);
    expect(state.clusters).toEqual(['quickstart']);
    expect(state.roles).toHaveLength(count);
    expect(state.databases).toEqual(['materialize']);
    expect(state.schemas).toHaveLength(count);
    expect(db.roundTrips).toBe(8);
    expect(new Set(db.sent).size).toBe(8);
  });
});
