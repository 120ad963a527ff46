import { createHash } from 'node:crypto';
import type { ActualObject, ActualState, Connection, DesiredState, MzObject, ObjectName, Secret, Source } from '../../../src/model/index.js';
import { SecretValue } from '../../../src/model/index.js';

export const n = (name: string, schema = 'public', database = 'materialize'): ObjectName => ({ database, schema, name });

export const secret = (name: string, value = 'hunter2', extra: Partial<Secret> = {}): Secret => ({
  kind: 'secret',
  name: n(name),
  value: new SecretValue({ kind: 'env', variable: name.toUpperCase() }, value),
  ...extra,
});

export const sshTunnel = (name: string, extra: Partial<Connection> = {}): Connection => ({
  kind: 'connection',
  name: n(name),
  spec: { type: 'ssh-tunnel', host: 'bastion.example.com', user: 'mz', port: 22 },
  ...extra,
});

export const pgConnection = (name: string, tunnel?: string): Connection => ({
  kind: 'connection',
  name: n(name),
  spec: {
    type: 'postgres',
    host: 'db.example.com',
    database: 'shop',
    user: { kind: 'text', value: 'mz' },
    password: n('pg_password'),
    ...(tunnel ? { path: { kind: 'ssh-tunnel' as const, connection: n(tunnel) } } : {}),
  },
});

export const kafkaConnection = (name: string): Connection => ({
  kind: 'connection',
  name: n(name),
  spec: {
    type: 'kafka',
    brokers: [{ address: 'broker-1:9092' }],
    saslMechanisms: 'SCRAM-SHA-512',
    saslUsername: { kind: 'text', value: 'mz' },
    saslPassword: n('kafka_password'),
  },
});

export const pgSource = (name: string, connection: string, tables: string[] = ['orders']): Source => ({
  kind: 'source',
  name: n(name),
  cluster: 'quickstart',
  spec: {
    type: 'postgres',
    connection: n(connection),
    publication: 'mz_source',
    tables: { kind: 'tables', tables: tables.map((t) => ({ reference: ['public', t] })) },
  },
});

export const kafkaSource = (name: string, connection: string): Source => ({
  kind: 'source',
  name: n(name),
  cluster: 'quickstart',
  spec: { type: 'kafka', connection: n(connection), topic: 'orders', format: { kind: 'bare', format: { kind: 'json' } } },
});

export function desiredState(objects: MzObject[], options: { prune?: boolean } = {}): DesiredState {
  return {
    file: 'materialize.yaml',
    objects,
    scope: [{ database: 'materialize', schema: 'public' }],
    prune: options.prune ?? false,
    locations: new Map(),
  };
}

/** The catalog holding these objects as created (no secret values), ids in order, dependencies from references. */
export function actualState(objects: MzObject[], extra: Partial<Record<string, Partial<ActualObject>>> = {}): ActualState {
  const ids = new Map(objects.map((o, i) => [o.name.name, `u${i + 1}`]));
  const refsOf = (o: MzObject): string[] => {
    const names = JSON.stringify(o).match(/"name":"[^"]*"/g) ?? [];
    return [...new Set(names.map((m) => m.slice(8, -1)).filter((x) => x !== o.name.name && ids.has(x)))].map((x) => ids.get(x) as string);
  };
  return {
    objects: objects.map((o) => {
      const { value: _value, ...withoutValue } = o as Secret;
      const object = (o.kind === 'secret' ? withoutValue : o) as MzObject;
      return { id: ids.get(o.name.name) as string, object, dependsOn: refsOf(o), outputs: {}, fingerprint: `sha256:${createHash('sha256').update(o.name.name).digest('hex')}`, ...(extra[o.name.name] ?? {}) };
    }),
    foreign: [],
  };
}
