import type { AlterSourceStatement, CreateSourceStatement, GenericOption, ItemName, SourceConnection, Value } from '../../sql/ast.js';
import type { Operation } from '../catalog/operations.js';
import type { ConnectionItem, SourceItem } from '../catalog/store.js';
import { MzError } from '../errors.js';
import { DEFAULT_MYSQL_UPSTREAM_TABLES, DEFAULT_UPSTREAM_TABLES } from '../settings.js';
import type { DdlHost } from './host.js';
import { alreadyExistsNotice, findItem, fullName, itemTypeName, missingObject, NO_POSITION, requireKind, sessionRoleId, targetSchema, writtenName } from './names.js';
import { noChange, type Plan, type PlanContext } from './plan.js';
import { Resolver } from './references.js';
import { checkSourceStatement } from './source-rules.js';
import { unreachableAddress, validateConnection } from './validation.js';

/** The tables of the multi-output load generators, as Materialize creates them. */
const LOAD_GENERATOR_TABLES: Record<string, readonly string[]> = {
  AUCTION: ['accounts', 'auctions', 'bids', 'organizations', 'users'],
  MARKETING: ['conversion_predictions', 'coupons', 'customers', 'impressions', 'leads'],
  TPCH: ['customer', 'lineitem', 'nation', 'orders', 'part', 'partsupp', 'region', 'supplier'],
};

/** One subsource to create: its upstream reference (outermost first) and its name. */
interface PlannedSubsource {
  readonly reference: readonly string[];
  readonly alias?: ItemName;
}

function optionString(options: readonly GenericOption[], name: string): string | undefined {
  const v = options.find((o) => o.name === name)?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

function connectionOptionText(item: ConnectionItem, name: string): string | undefined {
  const o = item.statement.options.find((x) => x.name === name);
  if (o?.value.kind !== 'value') return undefined;
  const v = o.value.value;
  return v.kind === 'string' ? v.value : v.kind === 'name' ? v.name.parts.map((p) => p.value).join('.') : undefined;
}

/** The upstream tables a Postgres / MySQL connection's host has, as `[schema, table]`. */
function upstreamTables(host: DdlHost, connection: ConnectionItem): string[][] {
  const h = connectionOptionText(connection, 'HOST') ?? '';
  const fallback = connection.statement.connectionType === 'mysql' ? DEFAULT_MYSQL_UPSTREAM_TABLES : DEFAULT_UPSTREAM_TABLES;
  const tables = host.settings.upstreamTables.get(h) ?? fallback;
  return tables.map((t) => t.split('.'));
}

function planSubsources(host: DdlHost, ast: CreateSourceStatement, connection: ConnectionItem | undefined): PlannedSubsource[] {
  const c = ast.connection;
  const selection = ast.referencedSubsources;
  if (c.kind === 'load-generator') {
    const tables = LOAD_GENERATOR_TABLES[c.generator];
    if (!tables) {
      if (selection) throw new MzError(`FOR ${selection.kind === 'all' ? 'ALL TABLES' : 'TABLES'} is only valid for multi-output sources`);
      return [];
    }
    // Materialize v26 (enable_create_table_from_source on: SourceReferencePolicy::Optional, src/sql/src/pure.rs:761-769)
    // takes a multi-output generator without FOR: its outputs become tables (CREATE TABLE ... FROM SOURCE).
    if (!selection) return [];
    const available = tables.map((t) => ['mz_load_generators', c.generator.toLowerCase(), t]);
    return select(selection, available, (ref) => ref.slice(1));
  }
  if (c.kind !== 'postgres' && c.kind !== 'mysql') return [];
  if (!selection || !connection) return [];
  const database = connectionOptionText(connection, 'DATABASE') ?? 'postgres';
  const available = upstreamTables(host, connection).map((t) => (c.kind === 'postgres' ? [database, ...t] : t));
  const planned = select(selection, available, (ref) => ref.slice(-2));
  if (planned.length === 0 && c.kind === 'postgres') {
    throw new MzError(`PUBLICATION ${optionString(c.options, 'PUBLICATION') ?? ''} is empty`);
  }
  return planned;
}

/** Picks the subsources a FOR clause names from what the upstream has; `schemaOf` gives the part matched by FOR SCHEMAS. */
function select(
  selection: NonNullable<CreateSourceStatement['referencedSubsources']>,
  available: string[][],
  schemaAndTable: (ref: string[]) => string[],
): PlannedSubsource[] {
  switch (selection.kind) {
    case 'all':
      return available.map((reference) => ({ reference }));
    case 'schemas': {
      const wanted = new Set(selection.schemas.map((s) => s.value));
      return available.filter((ref) => wanted.has(schemaAndTable(ref)[0] ?? '')).map((reference) => ({ reference }));
    }
    case 'tables': {
      const planned = selection.tables.map((t) => {
        const written = t.reference.parts.map((p) => p.value);
        const match = available.find((ref) => written.length <= ref.length && written.every((w, i) => ref[ref.length - written.length + i] === w));
        if (!match) throw new MzError(`reference to ${written.join('.')} not found in source`);
        return { reference: match, ...(t.alias ? { alias: t.alias } : {}) };
      });
      // PlanError::SubsourceDuplicateReference: one upstream table, two subsources in one statement.
      const seen = new Set<string>();
      for (const p of planned) {
        const key = p.reference.join('.');
        if (seen.has(key)) throw new MzError(`multiple subsources refer to table ${key}`);
        seen.add(key);
      }
      return planned;
    }
  }
}

function checkUpstream(host: DdlHost, ast: CreateSourceStatement, connection: ConnectionItem | undefined): void {
  if (!connection) return;
  // Purification always contacts the upstream: an unreachable host fails here too.
  if (unreachableAddress(host, connection) !== undefined) validateConnection(host, connection);
  if (ast.connection.kind === 'kafka') {
    const topic = optionString(ast.connection.options, 'TOPIC');
    if (topic === undefined) throw new MzError('KAFKA CONNECTION option TOPIC is required');
    if (host.settings.missingTopics.has(topic)) throw new MzError('Topic does not exist', { detail: `topic "${topic}" is not known to the brokers` });
  }
  if (ast.connection.kind === 'postgres' && optionString(ast.connection.options, 'PUBLICATION') === undefined) {
    throw new MzError('POSTGRES CONNECTION option PUBLICATION is required');
  }
}

function detailsOption(subsources: readonly PlannedSubsource[]): GenericOption {
  const hex = Buffer.from(JSON.stringify(subsources.map((s) => s.reference))).toString('hex');
  return { name: 'DETAILS', hasEquals: true, value: { kind: 'string', value: hex, pos: NO_POSITION }, pos: NO_POSITION };
}

export function planCreateSource(ctx: PlanContext, ast: CreateSourceStatement): Plan {
  const { store, vars } = ctx;
  const host = ctx;
  const { schema, itemName } = targetSchema(store, ast.name, vars);
  const existing = store.itemByName(schema.id, itemName);
  if (existing) {
    if (ast.ifNotExists) return noChange('CREATE SOURCE', [alreadyExistsNotice(store, existing)]);
    throw new MzError(`${itemTypeName(existing)} "${fullName(store, existing)}" already exists`);
  }
  checkSourceStatement(ast);
  const clusterName = ast.inCluster?.kind === 'name' ? ast.inCluster.name.value : vars.get('cluster') ?? 'quickstart';
  const cluster = ast.inCluster?.kind === 'id' ? store.clusters.get(ast.inCluster.id) : store.clusterByName(clusterName);
  if (!cluster) throw new MzError(`unknown cluster '${clusterName}'`);

  const resolver = new Resolver(store, vars);
  let connection: SourceConnection = ast.connection;
  let connectionItem: ConnectionItem | undefined;
  if (connection.kind !== 'load-generator') {
    const resolved = resolver.connection(connection.connection, connection.kind);
    connectionItem = store.items.get(resolved.id!) as ConnectionItem;
    connection = { ...connection, connection: resolved };
  }
  const format = ast.format ? resolver.format(ast.format) : undefined;
  checkUpstream(host, ast, connectionItem);
  const subsources = planSubsources(host, ast, connectionItem);
  if (connection.kind === 'postgres' || connection.kind === 'mysql') {
    connection = { ...connection, options: [...connection.options.filter((o) => o.name !== 'DETAILS'), detailsOption(subsources)] };
  }
  if (connection.kind === 'kafka') connection = { ...connection, options: startTimestampAsOffsets(connection.options) };
  const names = subsources.map((s) => (s.alias ? targetSchema(store, s.alias, vars) : { schema, itemName: s.reference[s.reference.length - 1]! }));
  for (const n of names) {
    const clash = store.itemByName(n.schema.id, n.itemName);
    if (clash) throw new MzError(`${itemTypeName(clash)} "${fullName(store, clash)}" already exists`);
  }
  const progressAt = progressSubsourceName(ctx, ast, schema.id, itemName);

  const ownerId = sessionRoleId(store, vars);
  // The progress subsource is planned and given its id first; the source names it and depends on it (sequencer/inner.rs:525-545).
  const progressId = progressAt ? store.allocateItemId() : undefined;
  const id = store.allocateItemId();
  // Purification moves FOR ... into subsources and fixes the cluster; the stored statement keeps neither form.
  const { referencedSubsources: _moved, exposeProgress: _named, ...rest } = ast;
  const statement: CreateSourceStatement = {
    ...rest,
    ifNotExists: false,
    inCluster: { kind: 'id', id: cluster.id, pos: NO_POSITION },
    connection,
    ...(format ? { format } : {}),
    ...(progressAt && progressId ? { exposeProgress: { parts: [], id: progressId, pos: NO_POSITION } } : {}),
  };
  const source: SourceItem = {
    kind: 'source',
    type: connection.kind,
    id,
    oid: store.allocateOid(),
    schemaId: schema.id,
    name: itemName,
    ownerId,
    clusterId: cluster.id,
    statement,
    ...(progressId ? { dependsOn: [progressId] } : {}),
  };
  const progress: SourceItem[] =
    progressAt && progressId
      ? [{ kind: 'source', type: 'progress', id: progressId, oid: store.allocateOid(), schemaId: progressAt.schemaId, name: progressAt.name, ownerId, clusterId: null, parentId: id }]
      : [];
  const subsourceItems = newSubsources(ctx, source, subsources, names.map((n) => ({ schemaId: n.schema.id, name: n.itemName })), ownerId);
  const ops: Operation[] = [...progress, source, ...subsourceItems].map((item) => ({ kind: 'create-item', item }));
  return { tag: 'CREATE SOURCE', ops };
}

/**
 * Purification turns START TIMESTAMP into START OFFSET, one offset per
 * partition, appended after the other options (src/sql/src/pure.rs:838-880).
 * Each offset is the first whose message is at or after the timestamp, or the
 * partition's end (kafka_util.rs `lookup_start_offsets`): the emulator's topics
 * have one empty partition, so that is `(0)`.
 */
function startTimestampAsOffsets(options: readonly GenericOption[]): readonly GenericOption[] {
  const timestamp = options.find((o) => o.name === 'START TIMESTAMP');
  if (!timestamp) return options;
  if (options.some((o) => o.name === 'START OFFSET')) throw new MzError('cannot specify START TIMESTAMP and START OFFSET at same time');
  const text = timestamp.value?.kind === 'number' ? timestamp.value.text : timestamp.value?.kind === 'string' ? timestamp.value.value : undefined;
  if (text === undefined || !/^-?[0-9]+$/.test(text.trim())) throw new MzError('invalid START TIMESTAMP: cannot use value as number');
  const offsets: Value = { kind: 'list', bracket: '(', items: [{ kind: 'number', text: '0', pos: NO_POSITION }], pos: NO_POSITION };
  return [...options.filter((o) => o !== timestamp), { name: 'START OFFSET', hasEquals: true, value: offsets, pos: NO_POSITION }];
}

/**
 * Where the source's progress subsource goes, if it gets one. Only a source
 * written in the old syntax does (a FORMAT, ENVELOPE, INCLUDE, FOR ... or
 * EXPOSE PROGRESS: `uses_old_syntax`, src/sql/src/pure.rs:725 and :1255); a
 * source in the v26 form is its own progress relation. The name is
 * `<source>_progress`, or `<source>_progress_1`, `_2`, ... if taken
 * (Ident::try_generate_name, src/sql-parser/src/ast/defs/name.rs:163).
 */
function progressSubsourceName(ctx: PlanContext, ast: CreateSourceStatement, schemaId: string, sourceName: string): { schemaId: string; name: string } | undefined {
  const oldSyntax = ast.format !== undefined || ast.envelope !== undefined || ast.include.length > 0 || ast.referencedSubsources !== undefined || ast.exposeProgress !== undefined;
  if (!oldSyntax) return undefined;
  const { store, vars } = ctx;
  if (ast.exposeProgress) {
    const target = targetSchema(store, ast.exposeProgress, vars);
    const clash = store.itemByName(target.schema.id, target.itemName);
    if (clash) throw new MzError(`${itemTypeName(clash)} "${fullName(store, clash)}" already exists`);
    return { schemaId: target.schema.id, name: target.itemName };
  }
  for (let i = 0; i < 1000; i++) {
    const name = i === 0 ? `${sourceName}_progress` : `${sourceName}_progress_${i}`;
    if (!store.itemByName(schemaId, name)) return { schemaId, name };
  }
  throw new MzError(`unable to generate a name for the progress subsource of ${sourceName}`);
}

function newSubsources(ctx: PlanContext, source: SourceItem, planned: readonly PlannedSubsource[], names: readonly { schemaId: string; name: string }[], ownerId: string): SourceItem[] {
  const store = ctx.store;
  return planned.map((p, i) => {
    const id = store.allocateItemId();
    const n = names[i]!;
    return {
      kind: 'source',
      type: 'subsource',
      id,
      oid: store.allocateOid(),
      schemaId: n.schemaId,
      name: n.name,
      ownerId,
      clusterId: source.clusterId,
      parentId: source.id,
      externalReference: p.reference,
    };
  });
}

const ALTERABLE_SOURCE_OPTIONS = ['RETAIN HISTORY', 'TIMESTAMP INTERVAL'];

type ColumnOption = 'TEXT COLUMNS' | 'EXCLUDE COLUMNS';
type ColumnRefs = ReadonlyMap<ColumnOption, readonly (readonly string[])[]>;

const endsWith = (longer: readonly string[], shorter: readonly string[]) =>
  shorter.length > 0 && shorter.length <= longer.length && shorter.every((p, i) => longer[longer.length - shorter.length + i] === p);

function columnRefs(value: GenericOption['value']): string[][] {
  if (value?.kind !== 'list') return [];
  return value.items.flatMap((v) => (v.kind === 'name' ? [v.name.parts.map((p) => p.value)] : []));
}

/**
 * `ADD SUBSOURCE ... WITH (TEXT COLUMNS (...), EXCLUDE COLUMNS (...))`: only
 * those two options (src/sql-parser/src/parser.rs:5825-5830; IGNORE is the old
 * spelling of EXCLUDE), each naming columns of a table added by this very
 * statement (src/sql/src/pure/error.rs:47-50, the tables listed in the DETAIL).
 */
function addedColumns(options: readonly GenericOption[], planned: readonly PlannedSubsource[]): ColumnRefs {
  const refs = new Map<ColumnOption, string[][]>();
  for (const o of options) {
    const name = o.name === 'IGNORE COLUMNS' ? 'EXCLUDE COLUMNS' : o.name;
    if (name !== 'TEXT COLUMNS' && name !== 'EXCLUDE COLUMNS') throw new MzError(`Expected one of TEXT or EXCLUDE or IGNORE, found ${o.name}`);
    const columns = columnRefs(o.value);
    const dangling = columns.filter((c) => !planned.some((p) => c.length >= 2 && endsWith(p.reference, c.slice(0, -1))));
    if (dangling.length > 0) {
      const tables = [...new Set(dangling.map((c) => c.slice(-3, -1).join('.')))].sort();
      throw new MzError(`${name} refers to table not currently being added`, { detail: `the following tables are referenced but not added: ${tables.join(', ')}` });
    }
    refs.set(name, [...(refs.get(name) ?? []), ...columns]);
  }
  return refs;
}

/**
 * The source's own create_sql after ADD SUBSOURCE, as Materialize rewrites it
 * (src/adapter/src/coord/sequencer/inner.rs:3762-3800): its TEXT COLUMNS keep
 * only the columns of tables it still ingests, take the new ones and are
 * sorted; a MySQL source's EXCLUDE COLUMNS likewise. A Postgres source's
 * EXCLUDE COLUMNS are not merged: they stay on the new subsource alone.
 */
function mergeColumns(statement: CreateSourceStatement, added: ColumnRefs, current: readonly (readonly string[])[]): CreateSourceStatement {
  const c = statement.connection;
  if (c.kind !== 'postgres' && c.kind !== 'mysql') return statement;
  const merged: ColumnOption[] = c.kind === 'postgres' ? ['TEXT COLUMNS'] : ['TEXT COLUMNS', 'EXCLUDE COLUMNS'];
  let options = [...c.options];
  for (const name of merged) {
    const kept = columnRefs(options.find((o) => o.name === name)?.value).filter((col) => current.some((t) => endsWith(t, col.slice(0, -1))));
    const all = [...kept, ...(added.get(name) ?? [])].sort((a, b) => (a.join('.') < b.join('.') ? -1 : a.join('.') > b.join('.') ? 1 : 0));
    options = options.filter((o) => o.name !== name);
    if (all.length === 0) continue;
    const items = all.map((parts) => ({ kind: 'name' as const, name: { parts: parts.map((value) => ({ value, quoted: true, pos: NO_POSITION })), pos: NO_POSITION }, pos: NO_POSITION }));
    options.push({ name, hasEquals: true, value: { kind: 'list', bracket: '(', items, pos: NO_POSITION }, pos: NO_POSITION });
  }
  return { ...statement, connection: { ...c, options } };
}

export function planAlterSource(ctx: PlanContext, ast: AlterSourceStatement): Plan {
  const { store, vars } = ctx;
  const host = ctx;
  const found = findItem(store, ast.name, vars);
  if (!found) return noChange('ALTER SOURCE', [missingObject(ast.ifExists, 'source', writtenName(ast.name))]);
  const source = requireKind(found, 'source', ast.name);
  const action = ast.action;
  switch (action.kind) {
    case 'set':
    case 'reset': {
      const names = action.kind === 'set' ? action.options.map((o) => o.name) : action.options;
      for (const n of names) if (!ALTERABLE_SOURCE_OPTIONS.includes(n)) throw new MzError(`Cannot modify the ${n} of a SOURCE.`);
      if (names.length > 1) throw new MzError(`${names[0]} must be only option`);
      if (!source.statement) throw new MzError(`Cannot modify the ${names[0]} of a ${source.type.toUpperCase()}.`);
      const kept = source.statement.withOptions.filter((o) => !names.includes(o.name));
      const added = action.kind === 'set' ? action.options.map((o) => ({ ...o, hasEquals: true })) : [];
      const statement = { ...source.statement, withOptions: [...kept, ...added] };
      return { tag: 'ALTER SOURCE', ops: [{ kind: 'update-item', item: { ...source, statement } }] };
    }
    case 'add-subsource': {
      const statement = source.statement;
      if (!statement || (statement.connection.kind !== 'postgres' && statement.connection.kind !== 'mysql')) {
        throw new MzError(`source ${fullName(store, source)} does not support ADD SUBSOURCE`);
      }
      const connectionItem = statement.connection.connection.id ? (store.items.get(statement.connection.connection.id) as ConnectionItem | undefined) : undefined;
      const selection = { kind: 'tables' as const, tables: action.subsources, pos: NO_POSITION };
      const planned = planSubsources(host, { ...statement, referencedSubsources: selection }, connectionItem);
      // PlanError::SubsourceAlreadyReferredTo: a source ingests each upstream table once.
      const current = new Set(
        [...store.items.values()].flatMap((i) => (i.kind === 'source' && i.type === 'subsource' && i.parentId === source.id && i.externalReference ? [i.externalReference.join('.')] : [])),
      );
      const again = planned.find((p) => current.has(p.reference.join('.')));
      if (again) throw new MzError(`another subsource already refers to ${again.reference.join('.')}`);
      const schema = store.schemas.get(source.schemaId)!;
      const names = planned.map((p) =>
        p.alias ? targetSchema(store, p.alias, vars) : { schema, itemName: p.reference[p.reference.length - 1]! },
      );
      for (const n of names) {
        const clash = store.itemByName(n.schema.id, n.itemName);
        if (clash) throw new MzError(`catalog item '${n.itemName}' already exists`);
      }
      const columns = addedColumns(action.withOptions, planned);
      const merged = mergeColumns(statement, columns, [...current].map((r) => r.split('.')));
      const items = newSubsources(ctx, source, planned, names.map((n) => ({ schemaId: n.schema.id, name: n.itemName })), source.ownerId);
      return { tag: 'ALTER SOURCE', ops: [{ kind: 'update-item', item: { ...source, statement: merged } }, ...items.map((item) => ({ kind: 'create-item' as const, item }))] };
    }
    case 'refresh-references':
      return noChange('ALTER SOURCE');
  }
}
