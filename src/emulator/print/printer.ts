import type {
  ClusterRef,
  ConnectionOption,
  CreateConnectionStatement,
  CreateSourceStatement,
  CreateTableFromSourceStatement,
  EnvelopeSpec,
  FormatSpec,
  GenericOption,
  Ident,
  IncludeItem,
  ItemName,
  KafkaBroker,
  ReferencedSubsources,
  SourceConnection,
  Value,
} from '../../sql/ast.js';
import type { CatalogStore } from '../catalog/store.js';
import { CONNECTION_TYPE_WORDS } from '../connection-types.js';
import { bracket, flat, text, title, type Doc } from './layout.js';

/**
 * Prints statements the way Materialize does (src/sql-parser/src/ast/display.rs):
 * - `stable`: stored create_sql; every identifier quoted, references `[u5 AS "db"."s"."n"]`, `IN CLUSTER [u1]`;
 * - `redacted`: redacted_create_sql; identifiers quoted only when needed, ids kept;
 * - `simple`: what SHOW CREATE prints (names simplified, cluster by name) and what errors echo.
 */
export type PrintMode = 'stable' | 'redacted' | 'simple';

export interface PrintContext {
  readonly mode: PrintMode;
  readonly store: CatalogStore;
}

// Words Materialize always quotes, even in simple mode (reserved keywords).
const RESERVED = new Set([
  'all', 'and', 'any', 'array', 'as', 'asc', 'at', 'between', 'both', 'by', 'case', 'cast', 'check', 'collate', 'column',
  'constraint', 'create', 'cross', 'current_role', 'current_timestamp', 'current_user', 'default', 'desc', 'distinct',
  'else', 'end', 'except', 'exists', 'false', 'fetch', 'for', 'from', 'full', 'group', 'having', 'ilike', 'in', 'inner',
  'intersect', 'into', 'is', 'join', 'lateral', 'leading', 'left', 'like', 'limit', 'natural', 'not', 'null', 'offset',
  'on', 'or', 'order', 'outer', 'references', 'right', 'select', 'some', 'table', 'then', 'to', 'trailing', 'true',
  'union', 'unique', 'using', 'when', 'where', 'window', 'with',
]);

export function ident(value: string, mode: PrintMode): string {
  if (mode !== 'stable' && /^[a-z_][a-z0-9_$]*$/.test(value) && !RESERVED.has(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function identParts(parts: readonly Ident[], mode: PrintMode): string {
  return parts.map((p) => ident(p.value, mode)).join('.');
}

/** A reference: `[u5 AS "db"."s"."n"]` (stable, redacted) or `db.s.n` (simple); unresolved names as written. */
export function itemName(name: ItemName, ctx: PrintContext): string {
  if (!name.id) return identParts(name.parts, ctx.mode);
  const item = ctx.store.items.get(name.id);
  const parts = item ? ctx.store.qualifiedName(item) : name.parts.map((p) => p.value);
  const text = parts.map((p) => ident(p, ctx.mode)).join('.');
  return ctx.mode === 'simple' ? text : `[${name.id} AS ${text}]`;
}

export function value(v: Value, ctx: PrintContext): string {
  switch (v.kind) {
    case 'string':
      return literal(v.value);
    case 'number':
      return v.text;
    case 'boolean':
      return v.value ? 'true' : 'false';
    case 'null':
      return 'NULL';
    case 'name':
      return itemName(v.name, ctx);
    case 'secret':
      return `SECRET ${itemName(v.name, ctx)}`;
    case 'list':
      return `(${v.items.map((i) => value(i, ctx)).join(', ')})`;
    case 'retain-history':
      return `FOR ${value(v.value, ctx)}`;
    case 'call':
      return `${itemName(v.function, ctx)}(${v.args.map((a) => value(a, ctx)).join(', ')})`;
    case 'parameter':
      return v.text;
  }
}

export function genericOption(o: GenericOption, ctx: PrintContext, equals = true): string {
  if (!o.value) return o.name;
  return `${o.name}${equals ? ' = ' : ' '}${value(o.value, ctx)}`;
}

function broker(b: KafkaBroker, ctx: PrintContext): string {
  // A rule prints `MATCHING '<pattern>' USING AWS PRIVATELINK ...` (src/sql-parser/src/ast/defs/statement.rs:634-645).
  const address = (b.matching ? 'MATCHING ' : '') + literal(b.address);
  switch (b.tunnel.kind) {
    case 'direct':
      return address;
    case 'ssh-tunnel':
      // Materialize prints no space before USING here (statement.rs quirk).
      return `${address}USING SSH TUNNEL ${itemName(b.tunnel.connection, ctx)}`;
    case 'aws-privatelink': {
      const options = b.tunnel.options.length > 0 ? ` (${b.tunnel.options.map((o) => genericOption(o, ctx)).join(', ')})` : '';
      return `${address} USING AWS PRIVATELINK ${itemName(b.tunnel.connection, ctx)}${options}`;
    }
  }
}

export function connectionOption(o: ConnectionOption, ctx: PrintContext): string {
  const v = o.value;
  switch (v.kind) {
    case 'value':
      return `${o.name} = ${value(v.value, ctx)}`;
    case 'broker':
      return `${o.name} = ${broker(v.broker, ctx)}`;
    case 'brokers':
      return `${o.name} = (${v.brokers.map((b) => broker(b, ctx)).join(', ')})`;
    case 'privatelink': {
      // The default PrivateLink of a Kafka connection: `AWS PRIVATELINK = c (PORT 9092)`, no `=` inside.
      const options = v.options.length > 0 ? ` (${v.options.map((opt) => genericOption(opt, ctx, false)).join(', ')})` : '';
      return `${o.name} = ${itemName(v.connection, ctx)}${options}`;
    }
  }
}

/** The pieces of a CREATE CONNECTION: head, `TO TYPE`, the option texts, the WITH options. */
export function connectionParts(s: CreateConnectionStatement, ctx: PrintContext, name: string) {
  return {
    head: `CREATE CONNECTION ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${name}`,
    to: `TO ${CONNECTION_TYPE_WORDS[s.connectionType]}`,
    options: s.options.map((o) => connectionOption(o, ctx)),
    withOptions: s.withOptions.map((o) => genericOption(o, ctx)),
  };
}

export function printCreateConnection(s: CreateConnectionStatement, ctx: PrintContext, name = itemName(s.name, ctx)): string {
  const p = connectionParts(s, ctx, name);
  const options = p.options.length > 0 ? ` (${p.options.join(', ')})` : '';
  const withOptions = p.withOptions.length > 0 ? ` WITH (${p.withOptions.join(', ')})` : '';
  return `${p.head} ${p.to}${options}${withOptions}`;
}

function cluster(ref: ClusterRef, ctx: PrintContext): string {
  if (ref.kind === 'id') {
    if (ctx.mode !== 'simple') return `[${ref.id}]`;
    const c = ctx.store.clusters.get(ref.id);
    return ident(c?.name ?? ref.id, ctx.mode);
  }
  return ident(ref.name.value, ctx.mode);
}

function sourceConnection(c: SourceConnection, ctx: PrintContext, hideDetails: boolean): string {
  const options = c.options.filter((o) => !(hideDetails && o.name === 'DETAILS'));
  const list = options.length > 0 ? ` (${options.map((o) => genericOption(o, ctx)).join(', ')})` : '';
  switch (c.kind) {
    case 'kafka':
      return `KAFKA CONNECTION ${itemName(c.connection, ctx)}${list}`;
    case 'postgres':
      return `POSTGRES CONNECTION ${itemName(c.connection, ctx)}${list}`;
    case 'mysql':
      return `MYSQL CONNECTION ${itemName(c.connection, ctx)}${list}`;
    case 'load-generator':
      return `LOAD GENERATOR ${c.generator}${list}`;
  }
}

function format(f: FormatSpec, ctx: PrintContext): string {
  switch (f.kind) {
    case 'json':
      return 'JSON';
    case 'text':
      return 'TEXT';
    case 'bytes':
      return 'BYTES';
    case 'csv': {
      const columns = f.columns.kind === 'header' ? `WITH HEADER (${f.columns.names.map((n) => ident(n.value, ctx.mode)).join(', ')})` : `WITH ${f.columns.count} COLUMNS`;
      const delimiter = f.delimiter !== undefined && f.delimiter !== ',' ? ` DELIMITED BY ${literal(f.delimiter)}` : '';
      return `CSV ${columns}${delimiter}`;
    }
    case 'avro':
    case 'protobuf': {
      const options = f.options.length > 0 ? ` (${f.options.map((o) => genericOption(o, ctx)).join(', ')})` : '';
      const seed = f.seed ? ` ${f.seed.text}` : '';
      return `${f.kind === 'avro' ? 'AVRO' : 'PROTOBUF'} USING CONFLUENT SCHEMA REGISTRY CONNECTION ${itemName(f.connection, ctx)}${options}${seed}`;
    }
    case 'avro-inline':
      return `AVRO USING SCHEMA ${literal(f.schema)}${f.options?.length ? ` (${f.options.map((o) => genericOption(o, ctx)).join(', ')})` : ''}`;
    case 'protobuf-inline':
      return `PROTOBUF MESSAGE ${literal(f.message ?? '')} USING SCHEMA ${literal(f.schema)}`;
    case 'regex':
      return `REGEX ${literal(f.pattern)}`;
  }
}

function include(i: IncludeItem, ctx: PrintContext): string {
  const alias = i.alias ? ` AS ${ident(i.alias.value, ctx.mode)}` : '';
  if (i.item === 'header') return `HEADER ${literal(i.headerKey ?? '')}${alias}${i.bytes ? ' BYTES' : ''}`;
  return `${i.item.toUpperCase()}${alias}`;
}

function envelope(e: EnvelopeSpec, ctx: PrintContext): string {
  switch (e.kind) {
    case 'none':
      return 'ENVELOPE NONE';
    case 'debezium':
      return 'ENVELOPE DEBEZIUM';
    case 'upsert':
      // Materialize prints the one option as `VALUE DECODING ERRORS = (INLINE [AS c])`.
      return `ENVELOPE UPSERT${e.options.length > 0 ? ` (VALUE DECODING ERRORS = (INLINE${e.inlineAlias ? ` AS ${ident(e.inlineAlias.value, ctx.mode)}` : ''}))` : ''}`;
  }
}

/** The clauses of a CREATE SOURCE in Materialize's print order, as docs SHOW CREATE lays out (doc_create_source, src/sql-pretty/src/doc.rs:41). */
export function sourceDocs(s: CreateSourceStatement, ctx: PrintContext, name: string, options?: { hideDetails?: boolean }): Doc[] {
  const docs: Doc[] = [title(`CREATE SOURCE${s.ifNotExists ? ' IF NOT EXISTS' : ''}`, `${name}${s.columns ? ` ${sourceColumns(s.columns, ctx)}` : ''}`)];
  if (s.inCluster) docs.push(title('IN CLUSTER', cluster(s.inCluster, ctx)));
  docs.push(title('FROM', sourceConnection(s.connection, ctx, options?.hideDetails ?? false)));
  if (s.format) {
    const f = s.format;
    docs.push(f.kind === 'bare' ? title('FORMAT', format(f.format, ctx)) : { kind: 'group', docs: [title('KEY FORMAT', format(f.key, ctx)), title('VALUE FORMAT', format(f.value, ctx))] });
  }
  if (s.include.length > 0) docs.push(title('INCLUDE', s.include.map((i) => include(i, ctx)).join(', ')));
  if (s.envelope) docs.push(title('ENVELOPE', envelope(s.envelope, ctx).slice('ENVELOPE '.length)));
  if (s.referencedSubsources) docs.push(referencedSubsourcesDoc(s.referencedSubsources, ctx));
  if (s.exposeProgress) docs.push(title('EXPOSE PROGRESS AS', itemName(s.exposeProgress, ctx)));
  if (s.withOptions.length > 0) docs.push(bracket('WITH (', s.withOptions.map((o) => genericOption(o, ctx)), ')'));
  return docs;
}

/** `FOR ALL TABLES`, `FOR TABLES (...)`, `FOR SCHEMAS (...)` (doc_external_references, doc.rs:574). */
export function referencedSubsourcesDoc(r: ReferencedSubsources, ctx: PrintContext): Doc {
  switch (r.kind) {
    case 'all':
      return text('FOR ALL TABLES');
    case 'schemas':
      return bracket('FOR SCHEMAS (', r.schemas.map((s) => ident(s.value, ctx.mode)), ')');
    case 'tables':
      return bracket('FOR TABLES (', r.tables.map((t) => `${itemName(t.reference, ctx)}${t.alias ? ` AS ${itemName(t.alias, ctx)}` : ''}`), ')');
  }
}

function sourceColumns(c: NonNullable<CreateSourceStatement['columns']>, ctx: PrintContext): string {
  const key = c.primaryKeyNotEnforced ? [`PRIMARY KEY (${c.primaryKeyNotEnforced.map((n) => ident(n.value, ctx.mode)).join(', ')}) NOT ENFORCED`] : [];
  return `(${[...c.names.map((n) => ident(n.value, ctx.mode)), ...key].join(', ')})`;
}

/**
 * CREATE TABLE ... FROM SOURCE in Materialize's print order
 * (src/sql-parser/src/ast/defs/statement.rs:1737-1790): name, columns, FROM
 * SOURCE, REFERENCE, FORMAT, INCLUDE, ENVELOPE, WITH.
 */
export function tableFromSourceDocs(s: CreateTableFromSourceStatement, ctx: PrintContext, name: string, options?: { hideDetails?: boolean }): Doc[] {
  const columns = s.columns ? ` (${s.columns.kind === 'named' ? s.columns.names.map((n) => ident(n.value, ctx.mode)).join(', ') : s.columns.text})` : '';
  const reference = s.reference ? ` (REFERENCE = ${itemName(s.reference, ctx)})` : '';
  const docs: Doc[] = [title(`CREATE TABLE${s.ifNotExists ? ' IF NOT EXISTS' : ''}`, `${name}${columns}`), title('FROM SOURCE', `${itemName(s.source, ctx)}${reference}`)];
  if (s.format) {
    const f = s.format;
    docs.push(f.kind === 'bare' ? title('FORMAT', format(f.format, ctx)) : { kind: 'group', docs: [title('KEY FORMAT', format(f.key, ctx)), title('VALUE FORMAT', format(f.value, ctx))] });
  }
  if (s.include.length > 0) docs.push(title('INCLUDE', s.include.map((i) => include(i, ctx)).join(', ')));
  if (s.envelope) docs.push(title('ENVELOPE', envelope(s.envelope, ctx).slice('ENVELOPE '.length)));
  const withOptions = s.withOptions.filter((o) => !(options?.hideDetails && o.name === 'DETAILS'));
  if (withOptions.length > 0) docs.push(bracket('WITH (', withOptions.map((o) => genericOption(o, ctx)), ')'));
  return docs;
}

export function printCreateSource(s: CreateSourceStatement, ctx: PrintContext, name = itemName(s.name, ctx)): string {
  return sourceDocs(s, ctx, name).map(flat).join(' ');
}
