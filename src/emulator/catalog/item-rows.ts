import type { ConnectionOption, Value } from '../../sql/ast.js';
import { relationCreateSql, storedCreateSql } from '../print/stored.js';
import { dependenciesOf } from './dependencies.js';
import { quotesSourceTableNames, type EmulatorSettings } from '../settings.js';
import { ident } from '../print/printer.js';
import type { CatalogStore, ConnectionItem, Item, RelationItem, SourceItem } from './store.js';
import type { TableRows } from './row-changes.js';

const NO_PRIVILEGES: string[] = [];

/** Adds one row to a table. */
export type AddRow = (table: string, row: Record<string, unknown>) => void;

/** Writes some of an item's rows. */
export type ItemRowBuilder = (store: CatalogStore, settings: EmulatorSettings, item: Item, add: AddRow) => void;

/** The item's own relation (mz_secrets, mz_connections, mz_sources, mz_views, ...) and its detail tables. */
const objectRows: ItemRowBuilder = (store, settings, item, add) => {
  const base = { id: item.id, oid: item.oid, schema_id: item.schemaId, name: item.name, owner_id: item.ownerId, privileges: NO_PRIVILEGES };
  switch (item.kind) {
    case 'secret':
      add('mz_catalog.mz_secrets', base);
      break;
    case 'connection':
      add('mz_catalog.mz_connections', {
        ...base,
        type: item.statement.connectionType,
        create_sql: storedCreateSql(store, item, 'stable'),
        redacted_create_sql: storedCreateSql(store, item, 'redacted'),
      });
      connectionDetailRows(settings, item, add);
      break;
    case 'source':
      sourceRows(store, settings, item, base, add);
      break;
    case 'view':
    case 'materialized-view':
    case 'table':
    case 'index':
    case 'sink':
      relationRows(store, item, base, add);
      break;
  }
};

const dependencyRows: ItemRowBuilder = (_store, _settings, item, add) => {
  for (const referenced of dependenciesOf(item)) add('mz_internal.mz_object_dependencies', { object_id: item.id, referenced_object_id: referenced });
};

const commentRows: ItemRowBuilder = (_store, _settings, item, add) => {
  if (item.comment !== undefined) add('mz_internal.mz_comments', { id: item.id, object_type: item.kind, object_sub_id: null, comment: item.comment });
};

/**
 * Everything that writes an item's rows. Rows of a new table about existing
 * items (a status table, say) come from one more builder here, in a file of
 * its own; the table goes into CATALOG_SCHEMA_SQL and ITEM_TABLES
 * (schema.ts). The catalog transaction writes them with the rest, and takes
 * them back with the rest.
 */
const ITEM_ROW_BUILDERS: readonly ItemRowBuilder[] = [objectRows, dependencyRows, commentRows];

/** Every catalog row of one object, as Materialize packs them (builtin_table_updates.rs). */
export function itemRows(store: CatalogStore, settings: EmulatorSettings, id: string): TableRows {
  const item = store.items.get(id);
  if (!item) return {};
  const rows: TableRows = {};
  const add: AddRow = (table, row) => (rows[table] ??= []).push(row);
  for (const build of ITEM_ROW_BUILDERS) build(store, settings, item, add);
  return rows;
}

type Add = AddRow;

/** An identifier as Materialize displays it: quoted only when it must be. */
const quoteWhereNeeded = (name: string): string => ident(name, 'simple');

/** The rows of a user's object (builtin.rs: MZ_VIEWS, MZ_MATERIALIZED_VIEWS, MZ_TABLES, MZ_SINKS, MZ_INDEXES). */
function relationRows(store: CatalogStore, item: RelationItem, base: Record<string, unknown>, add: Add): void {
  const createSql = storedCreateSql(store, item, 'stable');
  const redacted = storedCreateSql(store, item, 'redacted');
  const sql = { create_sql: createSql, redacted_create_sql: redacted };
  // `definition`: the query after AS, as written with names resolved.
  const definition = () => {
    const text = relationCreateSql(store, item, 'simple');
    const as = /\bAS\b/i.exec(text);
    return as ? `${text.slice(as.index + 2).trim()};` : text;
  };
  switch (item.kind) {
    case 'view':
      add('mz_catalog.mz_views', { ...base, definition: definition(), ...sql });
      break;
    case 'materialized-view':
      add('mz_catalog.mz_materialized_views', { ...base, cluster_id: item.clusterId, definition: definition(), ...sql });
      break;
    case 'table':
      add('mz_catalog.mz_tables', { ...base, ...sql, source_id: item.sourceId ?? null });
      break;
    case 'index':
      add('mz_catalog.mz_indexes', { id: item.id, oid: item.oid, name: item.name, on_id: item.onId, cluster_id: item.clusterId, owner_id: item.ownerId, ...sql });
      break;
    case 'sink': {
      const { privileges: _none, ...noPrivileges } = base;
      add('mz_catalog.mz_sinks', { ...noPrivileges, type: 'kafka', connection_id: item.connectionId ?? null, size: null, cluster_id: item.clusterId, ...sql });
      break;
    }
  }
}

function optionValue(item: ConnectionItem, name: string): Value | undefined {
  const o = item.statement.options.find((opt) => opt.name === name);
  return o?.value.kind === 'value' ? o.value.value : undefined;
}

function textOf(v: Value | undefined): string | null {
  if (!v) return null;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return v.text;
  if (v.kind === 'name') return v.name.parts.map((p) => p.value).join('.');
  return null;
}

function secretIdOf(v: Value | undefined): string | null {
  return v?.kind === 'secret' ? (v.name.id ?? null) : null;
}

/** The broker addresses of a Kafka connection, as mz_kafka_connections lists them. */
export function brokerAddresses(options: readonly ConnectionOption[]): string[] {
  const out: string[] = [];
  for (const o of options) {
    if (o.value.kind === 'broker') out.push(o.value.broker.address);
    if (o.value.kind === 'brokers') out.push(...o.value.brokers.map((b) => b.address));
  }
  return out;
}

/** The principal Materialize tells users to allow: `arn:aws:iam::<account>:role/mz_<environment>_<id>`. */
export function principalOf(settings: EmulatorSettings, id: string): string {
  return `arn:aws:iam::${settings.awsAccountId}:role/mz_${settings.environmentId}_${id}`;
}

export function externalIdOf(settings: EmulatorSettings, id: string): string {
  return `mz_${settings.environmentId}_${id}`;
}

function connectionDetailRows(settings: EmulatorSettings, item: ConnectionItem, add: Add): void {
  switch (item.statement.connectionType) {
    case 'kafka': {
      const progress = textOf(optionValue(item, 'PROGRESS TOPIC')) ?? `_materialize-progress-${settings.environmentId}-${item.id}`;
      add('mz_catalog.mz_kafka_connections', { id: item.id, brokers: brokerAddresses(item.statement.options), sink_progress_topic: progress });
      break;
    }
    case 'ssh-tunnel':
      if (item.sshKeys) add('mz_catalog.mz_ssh_tunnel_connections', { id: item.id, public_key_1: item.sshKeys.key1, public_key_2: item.sshKeys.key2 });
      break;
    case 'aws-privatelink':
      add('mz_catalog.mz_aws_privatelink_connections', { id: item.id, principal: principalOf(settings, item.id) });
      break;
    case 'aws': {
      const assumeRole = textOf(optionValue(item, 'ASSUME ROLE ARN'));
      const accessKey = optionValue(item, 'ACCESS KEY ID');
      const sessionToken = optionValue(item, 'SESSION TOKEN');
      const externalId = assumeRole ? externalIdOf(settings, item.id) : null;
      const principal = assumeRole ? `arn:aws:iam::${settings.awsAccountId}:role/MaterializeConnection` : null;
      add('mz_internal.mz_aws_connections', {
        id: item.id,
        endpoint: textOf(optionValue(item, 'ENDPOINT')),
        region: textOf(optionValue(item, 'REGION')),
        access_key_id: accessKey?.kind === 'secret' ? null : textOf(accessKey),
        access_key_id_secret_id: secretIdOf(accessKey),
        secret_access_key_secret_id: secretIdOf(optionValue(item, 'SECRET ACCESS KEY')),
        session_token: sessionToken?.kind === 'secret' ? null : textOf(sessionToken),
        session_token_secret_id: secretIdOf(sessionToken),
        assume_role_arn: assumeRole,
        assume_role_session_name: textOf(optionValue(item, 'ASSUME ROLE SESSION NAME')),
        principal,
        external_id: externalId,
        example_trust_policy: assumeRole
          ? JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: principal },
                  Condition: { StringEquals: { 'sts:ExternalId': externalId } },
                },
              ],
            })
          : null,
      });
      break;
    }
    default:
      break;
  }
}

function formatName(f: NonNullable<SourceItem['statement']>['format'], which: 'key' | 'value'): string | null {
  if (!f) return null;
  const spec = f.kind === 'bare' ? (which === 'value' ? f.format : undefined) : which === 'key' ? f.key : f.value;
  if (!spec) return null;
  return spec.kind.replace('-inline', '');
}

function sourceRows(store: CatalogStore, settings: EmulatorSettings, item: SourceItem, base: Record<string, unknown>, add: Add): void {
  const s = item.statement;
  const connectionId = s && s.connection.kind !== 'load-generator' ? (s.connection.connection.id ?? null) : null;
  const envelope = s && s.connection.kind === 'kafka' ? (s.envelope?.kind ?? 'none') : null;
  add('mz_catalog.mz_sources', {
    ...base,
    type: item.type,
    connection_id: connectionId,
    size: null,
    envelope_type: envelope,
    key_format: s ? formatName(s.format, 'key') : null,
    value_format: s ? formatName(s.format, 'value') : null,
    cluster_id: item.clusterId,
    create_sql: storedCreateSql(store, item, 'stable'),
    redacted_create_sql: storedCreateSql(store, item, 'redacted'),
  });
  if (s?.connection.kind === 'kafka') {
    const topic = s.connection.options.find((o) => o.name === 'TOPIC')?.value;
    const prefix = s.connection.options.find((o) => o.name === 'GROUP ID PREFIX')?.value;
    const groupPrefix = prefix?.kind === 'string' ? prefix.value : 'materialize-';
    add('mz_catalog.mz_kafka_sources', {
      id: item.id,
      group_id_prefix: `${groupPrefix}${settings.environmentId}-${item.id}`,
      topic: topic?.kind === 'string' ? topic.value : '',
    });
  }
  if (s?.connection.kind === 'postgres') {
    add('mz_internal.mz_postgres_sources', { id: item.id, replication_slot: `materialize_${item.id}`, timeline_id: 1 });
  }
  if (item.type === 'subsource' && item.externalReference) {
    const parent = item.parentId ? store.items.get(item.parentId) : undefined;
    const parentType = parent?.kind === 'source' ? parent.type : undefined;
    const ref = item.externalReference;
    const shown = quotesSourceTableNames(settings) ? quoteWhereNeeded : (n: string) => n;
    const table = shown(ref[ref.length - 1] ?? '');
    const schema = shown(ref[ref.length - 2] ?? '');
    if (parentType === 'postgres') add('mz_internal.mz_postgres_source_tables', { id: item.id, schema_name: schema, table_name: table });
    if (parentType === 'mysql') add('mz_internal.mz_mysql_source_tables', { id: item.id, schema_name: schema, table_name: table });
  }
}
