import { diff, secretFingerprint } from '../../../src/diff/index.js';
import type { ActualState, DesiredState, MzObject, Source, SourceTable, Table, TableSpec } from '../../../src/model/index.js';
import { SecretValue } from '../../../src/model/index.js';
import { buildPlan, type Plan } from '../../../src/plan/index.js';
import { actualState, desiredState, kafkaConnection, kafkaSource, n, pgConnection, pgSource, secret, sshTunnel } from '../diff/fixtures.js';

export const KEY = 'golden-key';
const fp = (name: string, value: string) => secretFingerprint(KEY, n(name), new SecretValue({ kind: 'env', variable: 'X' }, value));

const pgStack: MzObject[] = [secret('pg_password', 's3cr3t-pg'), sshTunnel('tunnel'), pgConnection('pg', 'tunnel'), pgSource('orders', 'pg', ['orders', 'items'])];

function shop(tables: SourceTable[], textColumns: string[][]): Source {
  return {
    kind: 'source',
    name: n('shop'),
    cluster: 'quickstart',
    spec: { type: 'postgres', connection: n('pg'), publication: 'mz_source', tables: { kind: 'tables', tables }, ...(textColumns.length > 0 ? { textColumns } : {}) },
  };
}

/** A v26 Kafka source (no format) and its tables. */
const ordersTopic: Source = { kind: 'source', name: n('orders_topic'), cluster: 'quickstart', spec: { type: 'kafka', connection: n('kafka'), topic: 'orders' } };
const topicTable = (name: string, spec: Partial<Extract<TableSpec, { type: 'kafka' }>>, extra: Partial<Table> = {}): Table => ({
  kind: 'table',
  name: n(name),
  source: n('orders_topic'),
  spec: { type: 'kafka', reference: 'orders', format: { kind: 'bare', format: { kind: 'json' } }, ...spec },
  ...extra,
});

export interface Scenario {
  readonly desired: DesiredState;
  readonly actual: ActualState;
  readonly options?: Parameters<typeof diff>[2];
}

/** Plans that exercise every action, hazard and renderer feature. */
export const SCENARIOS: Record<string, Scenario> = {
  'from-empty': { desired: desiredState(pgStack), actual: { objects: [], foreign: [] } },
  'no-changes': {
    desired: desiredState(pgStack),
    actual: actualState(pgStack, { pg_password: { secretFingerprint: { state: 'stored', fingerprint: fp('pg_password', 's3cr3t-pg') } } }),
  },
  'alter-in-place': {
    desired: desiredState([
      { ...secret('pg_password', 'rotated-value'), comment: 'Postgres replication user' },
      { ...sshTunnel('tunnel'), spec: { type: 'ssh-tunnel', host: 'bastion-2.example.com', user: 'mz', port: 2222 } },
      pgConnection('pg', 'tunnel'),
      { ...pgSource('orders', 'pg', ['orders', 'items', 'customers']), retainHistory: '1h' },
    ]),
    actual: actualState(pgStack, { pg_password: { secretFingerprint: { state: 'stored', fingerprint: fp('pg_password', 's3cr3t-pg') } } }),
  },
  'replace-cascade': {
    desired: desiredState([secret('pg_password', 's3cr3t-pg'), sshTunnel('tunnel'), pgConnection('pg'), pgSource('orders', 'pg', ['orders', 'items'])]),
    actual: {
      ...actualState([...pgStack, sshTunnel('legacy')], { pg_password: { secretFingerprint: { state: 'stored', fingerprint: fp('pg_password', 's3cr3t-pg') } } }),
      foreign: [
        { id: 'u90', type: 'subsource', name: n('orders_orders'), dependsOn: ['u4'] },
        { id: 'u91', type: 'subsource', name: n('orders_items'), dependsOn: ['u4'] },
      ],
    },
  },
  // Tables dropped, added with their columns, re-added with other columns and renamed, all without re-creating the source.
  'subsources-in-place': {
    desired: desiredState([
      secret('pg_password', 's3cr3t-pg'),
      pgConnection('pg'),
      shop(
        [{ reference: ['public', 'orders'], alias: n('orders_v2') }, { reference: ['public', 'customers'] }, { reference: ['public', 'refunds'] }],
        [['public', 'customers', 'email'], ['public', 'refunds', 'reason']],
      ),
    ]),
    actual: {
      ...actualState([secret('pg_password', 's3cr3t-pg'), pgConnection('pg'), shop([{ reference: ['public', 'orders'] }, { reference: ['public', 'customers'] }, { reference: ['public', 'items'] }], [])], {
        pg_password: { secretFingerprint: { state: 'stored', fingerprint: fp('pg_password', 's3cr3t-pg') } },
      }),
      foreign: [
        { id: 'u90', type: 'subsource', name: n('orders'), dependsOn: ['u3'] },
        { id: 'u91', type: 'subsource', name: n('customers'), dependsOn: ['u3'] },
        { id: 'u92', type: 'subsource', name: n('items'), dependsOn: ['u3'] },
      ],
    },
  },
  // renamed_from: one ALTER ... RENAME TO, the connection that uses the tunnel unchanged, a comment set under the new name.
  'rename-in-place': {
    desired: {
      ...desiredState([secret('pg_password', 's3cr3t-pg'), { ...sshTunnel('tunnel_eu'), comment: 'EU bastion' }, pgConnection('pg', 'tunnel_eu'), pgSource('orders', 'pg', ['orders', 'items'])]),
      renames: [{ kind: 'connection', from: n('tunnel'), to: n('tunnel_eu') }],
    },
    actual: actualState(pgStack, { pg_password: { secretFingerprint: { state: 'stored', fingerprint: fp('pg_password', 's3cr3t-pg') } } }),
  },
  // Declared containers: a database and a schema created, one cluster created and one resized, all before the source.
  containers: {
    desired: {
      ...desiredState([{ ...kafkaSource('events', 'kafka'), name: n('events', 'raw', 'analytics'), cluster: 'ingest' }, kafkaConnection('kafka'), secret('kafka_password', 'k')]),
      containers: {
        clusters: [{ name: 'ingest', size: '50cc', replicationFactor: 2 }, { name: 'sinks', size: '25cc' }],
        databases: ['analytics'],
        schemas: [{ database: 'analytics', schema: 'raw' }],
      },
    },
    actual: {
      ...actualState([secret('kafka_password'), kafkaConnection('kafka')], { kafka_password: { secretFingerprint: { state: 'stored', fingerprint: fp('kafka_password', 'k') } } }),
      clusters: ['ingest', 'quickstart'],
      clusterDetails: [
        { name: 'ingest', managed: true, size: '25cc', replicationFactor: 1 },
        { name: 'quickstart', managed: true, size: '25cc', replicationFactor: 1 },
      ],
      databases: ['materialize'],
      schemas: [{ database: 'materialize', schema: 'public' }],
    },
  },
  // Tables from a source: one created, one re-created with another format, one dropped (prune), one commented; the source untouched.
  'tables-from-sources': {
    desired: desiredState(
      [
        secret('kafka_password', 'k'),
        kafkaConnection('kafka'),
        ordersTopic,
        topicTable('orders', { format: { kind: 'key-value', key: { kind: 'text' }, value: { kind: 'json' } }, envelope: 'upsert' }),
        topicTable('orders_offsets', { include: [{ item: 'partition' }, { item: 'offset' }] }),
        topicTable('orders_raw', { format: { kind: 'bare', format: { kind: 'bytes' } } }, { comment: 'Raw bytes' }),
      ],
      { prune: true },
    ),
    actual: actualState(
      [
        secret('kafka_password'),
        kafkaConnection('kafka'),
        ordersTopic,
        topicTable('orders', {}),
        topicTable('orders_old', {}),
        topicTable('orders_raw', { format: { kind: 'bare', format: { kind: 'bytes' } } }),
      ],
      { kafka_password: { secretFingerprint: { state: 'stored', fingerprint: fp('kafka_password', 'k') } } },
    ),
  },
  'prune-kafka': {
    desired: desiredState([secret('kafka_password', 'k')], { prune: true }),
    actual: actualState([secret('kafka_password'), kafkaConnection('kafka'), kafkaSource('events', 'kafka')], {
      kafka_password: { secretFingerprint: { state: 'stored', fingerprint: fp('kafka_password', 'k') } },
    }),
  },
};

export function planFor(s: Scenario, withKey = true): Plan {
  const changes = diff(s.desired, s.actual, { ...(withKey ? { fingerprintKey: KEY } : {}), ...(s.options ?? {}) });
  return buildPlan(changes, s.desired, s.actual, withKey ? {} : { warnings: ['MZFORM_FINGERPRINT_KEY is not set: secret values were not compared.'] });
}
