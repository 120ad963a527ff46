import type { CreateTableFromSourceStatement, GenericOption, Ident, ItemName } from '../../sql/ast.js';
import type { ConnectionItem, Item, RelationItem, SourceItem } from '../catalog/store.js';
import { MzError } from '../errors.js';
import { DEFAULT_MYSQL_UPSTREAM_TABLES, DEFAULT_UPSTREAM_TABLES } from '../settings.js';
import type { DdlHost } from './host.js';
import { checkNameFree, NO_POSITION, requireItem, resolvedName, sessionRoleId, targetSchema } from './names.js';
import { noChange, type Plan, type PlanContext } from './plan.js';
import { Resolver } from './references.js';

/**
 * CREATE TABLE ... FROM SOURCE, the emulator's own account of Materialize
 * v26 (with `enable_create_table_from_source` on):
 * - purification (src/sql/src/pure.rs:1736-2262) refuses column definitions,
 *   constraints and DETAILS written by the user, resolves REFERENCE against
 *   what the source offers (src/sql/src/pure/references.rs:143-182, 413-476)
 *   and stores it fully qualified, and adds DETAILS;
 * - planning (src/sql/src/plan/statement/ddl.rs:1745-1800) refuses INCLUDE on
 *   tables of sources other than Kafka and load generators.
 * The table is a read-only table (`mz_tables.source_id` = its source) that
 * depends on its source: the source cannot be dropped while it has tables.
 * Purification also writes the upstream columns after the name; the emulator
 * has no upstream schema and leaves them out (mzform never reads them).
 */

/** The outputs of the multi-output load generators (src/storage-types/src/sources/load_generator.rs `views`). */
const LOAD_GENERATOR_OUTPUTS: Record<string, readonly string[]> = {
  AUCTION: ['accounts', 'auctions', 'bids', 'organizations', 'users'],
  MARKETING: ['conversion_predictions', 'coupons', 'customers', 'impressions', 'leads'],
  TPCH: ['customer', 'lineitem', 'nation', 'orders', 'part', 'partsupp', 'region', 'supplier'],
};

const TYPE_WORDS: Record<string, string> = { postgres: 'Postgres', mysql: 'MySQL', 'load-generator': 'multi-output load generator' };

function optionText(item: ConnectionItem, name: string): string | undefined {
  const o = item.statement.options.find((x) => x.name === name);
  if (o?.value.kind !== 'value') return undefined;
  const v = o.value.value;
  return v.kind === 'string' ? v.value : v.kind === 'name' ? v.name.parts.map((p) => p.value).join('.') : undefined;
}

/** Every reference the source offers, fully qualified (ReferenceMetadata::external_reference). */
function availableReferences(host: DdlHost, store: PlanContext['store'], source: SourceItem): string[][] {
  const s = source.statement!;
  const c = s.connection;
  switch (c.kind) {
    case 'kafka': {
      const topic = c.options.find((o) => o.name === 'TOPIC')?.value;
      return topic?.kind === 'string' ? [[topic.value]] : [];
    }
    case 'load-generator': {
      const outputs = LOAD_GENERATOR_OUTPUTS[c.generator];
      const schema = c.generator.toLowerCase().replace(' ', '_');
      // A single-output generator's one output is named after its schema.
      return (outputs ?? [schema]).map((o) => ['mz_load_generators', schema, o]);
    }
    case 'postgres':
    case 'mysql': {
      const connection = c.connection.id ? (store.items.get(c.connection.id) as ConnectionItem | undefined) : undefined;
      if (!connection) return [];
      const host_ = optionText(connection, 'HOST') ?? '';
      const fallback = c.kind === 'mysql' ? DEFAULT_MYSQL_UPSTREAM_TABLES : DEFAULT_UPSTREAM_TABLES;
      const tables = (host.settings.upstreamTables.get(host_) ?? fallback).map((t) => t.split('.'));
      const database = optionText(connection, 'DATABASE') ?? 'postgres';
      return c.kind === 'postgres' ? tables.map((t) => [database, ...t]) : tables;
    }
  }
}

/** SourceReferenceResolver: a written reference matches by its trailing parts; none means the only one. */
function resolveReference(available: readonly string[][], written: ItemName | undefined): string[] {
  if (!written) {
    if (available.length !== 1) throw new MzError('reference  is ambiguous, consider specifying an additional layer of qualification');
    return available[0]!;
  }
  const parts = written.parts.map((p) => p.value);
  const matches = available.filter((ref) => parts.length <= ref.length && parts.every((p, i) => ref[ref.length - parts.length + i] === p));
  if (matches.length === 0) throw new MzError(`reference to ${parts.join('.')} not found in source`);
  if (matches.length > 1) throw new MzError(`reference ${parts.join('.')} is ambiguous, consider specifying an additional layer of qualification`);
  return matches[0]!;
}

const quotedName = (parts: readonly string[]): ItemName => ({
  parts: parts.map((value): Ident => ({ value, quoted: true, pos: NO_POSITION })),
  pos: NO_POSITION,
});

function detailsOption(reference: readonly string[]): GenericOption {
  const hex = Buffer.from(JSON.stringify(reference)).toString('hex');
  return { name: 'DETAILS', hasEquals: true, value: { kind: 'string', value: hex, pos: NO_POSITION }, pos: NO_POSITION };
}

/** TEXT / EXCLUDE COLUMNS as purification leaves them: the column names, sorted (pure/postgres.rs, pure/mysql.rs). */
function normalizedColumns(o: GenericOption): GenericOption {
  const items = o.value?.kind === 'list' ? o.value.items : o.value ? [o.value] : [];
  const names = items.map((v) => (v.kind === 'name' ? v.name.parts[v.name.parts.length - 1]!.value : v.kind === 'string' ? v.value : '')).sort();
  const list = names.map((value) => ({ kind: 'name' as const, name: quotedName([value]), pos: NO_POSITION }));
  return { name: o.name, hasEquals: true, value: { kind: 'list', bracket: '(', items: list, pos: NO_POSITION }, pos: NO_POSITION };
}

export function planCreateTableFromSource(ctx: PlanContext, ast: CreateTableFromSourceStatement): Plan {
  const { store, vars } = ctx;
  const target = targetSchema(store, ast.name, vars);
  const taken = checkNameFree(store, target.schema.id, target.itemName, ast.ifNotExists, 'typed');
  if (taken) return noChange('CREATE TABLE', [taken]);
  if (ast.columns?.kind === 'defined') throw new MzError('CREATE TABLE .. FROM SOURCE column definitions cannot be specified directly');
  if (ast.withOptions.some((o) => o.name === 'DETAILS')) throw new MzError('DETAILS option cannot be explicitly set');

  const found: Item = requireItem(store, ast.source, vars);
  if (found.kind !== 'source') throw new MzError(`${ast.source.parts.map((p) => p.value).join('.')} is not a source`);
  // Subsources and progress collections have no source description (pure.rs:1771).
  if (!found.statement || found.type === 'subsource' || found.type === 'progress') throw new MzError('cannot ALTER this type of source');
  const source = found;
  const type = source.statement!.connection.kind;

  const resolver = new Resolver(store, vars);
  const format = ast.format ? resolver.format(ast.format) : undefined;
  const hasHeaders = ast.include.some((i) => i.item === 'headers' || i.item === 'header');
  if (type !== 'kafka' && hasHeaders) throw new MzError('INCLUDE HEADERS with non-Kafka source table not supported');
  if (type !== 'kafka' && type !== 'load-generator' && ast.include.length > 0) throw new MzError('INCLUDE metadata with non-Kafka source table not yet supported');
  // pure.rs:2277-2281; for a bare FORMAT or an ENVELOPE no message of Materialize was found: the emulator refuses in its own words.
  if (type !== 'kafka' && format?.kind === 'key-value') throw new MzError('Kafka sources are the only source type that can provide KEY/VALUE formats');
  if (type !== 'kafka' && (format || ast.envelope)) throw new MzError(`${format ? 'FORMAT' : 'ENVELOPE'} is only valid for Kafka source tables`);
  const columnOptions = ast.withOptions.filter((o) => o.name === 'TEXT COLUMNS' || o.name === 'EXCLUDE COLUMNS');
  if (type !== 'postgres' && type !== 'mysql' && columnOptions.length > 0) throw new MzError(`${columnOptions[0]!.name} is only valid for Postgres and MySQL source tables`);
  const multiOutput = type !== 'kafka' && (type !== 'load-generator' || LOAD_GENERATOR_OUTPUTS[(source.statement!.connection as { generator: string }).generator] !== undefined);
  if (ast.columns?.kind === 'named' && multiOutput) throw new MzError(`columns cannot be named for ${TYPE_WORDS[type] ?? type} sources`);

  const reference = resolveReference(availableReferences(ctx, store, source), ast.reference);
  const withOptions: GenericOption[] = [
    ...ast.withOptions.map((o) => (o.name === 'TEXT COLUMNS' || o.name === 'EXCLUDE COLUMNS' ? normalizedColumns(o) : o)),
    detailsOption(reference),
  ];
  const { columns: _named, ...rest } = ast;
  const statement: CreateTableFromSourceStatement = {
    ...rest,
    ...(ast.columns?.kind === 'named' ? { columns: ast.columns } : {}),
    ifNotExists: false,
    source: resolvedName(store, source),
    reference: quotedName(reference),
    ...(format ? { format } : {}),
    withOptions,
  };
  const formatIds = format ? (format.kind === 'bare' ? [format.format] : [format.key, format.value]).flatMap((f) => (f.kind === 'avro' || f.kind === 'protobuf') && f.connection.id ? [f.connection.id] : []) : [];
  const item: RelationItem = {
    kind: 'table',
    id: store.allocateItemId(),
    oid: store.allocateOid(),
    schemaId: target.schema.id,
    name: target.itemName,
    ownerId: sessionRoleId(store, vars),
    clusterId: null,
    definition: [],
    fromSource: statement,
    sourceId: source.id,
    dependsOn: [...new Set([source.id, ...formatIds])],
  };
  return { tag: 'CREATE TABLE', ops: [{ kind: 'create-item', item }] };
}
