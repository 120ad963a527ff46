import {
  type ConnectionSpec,
  type Format,
  type KafkaBroker,
  type KafkaDefaultPath,
  type KafkaFormat,
  type NetworkPath,
  type ObjectName,
  type SourceSpec,
  type SourceType,
  type Table,
  type TableSelection,
  type TextOrSecret,
} from '../model/index.js';
import { connectionEntries, ifDefined } from '../model/index.js';
import type { CodecKind } from '../model/index.js';

/**
 * Model -> manifest document, the inverse of the manifest's converters: the
 * keys and shapes `loadManifest` reads back into the same model. Optional
 * fields absent in the model are absent here, so the manifest says only what
 * the catalog holds.
 */

export type Doc = Record<string, unknown>;

/** How a reference is written: a plain name in the default schema, a mapping elsewhere. */
export type WriteRef = (target: ObjectName) => unknown;


type Write<K extends CodecKind> = (value: never, keys: readonly string[], ref: WriteRef, spec: ConnectionSpec) => Doc;

/** How each codec's value is written under its manifest key(s); `keys` are the entry's parts' keys, in order. */
const WRITE: { readonly [K in CodecKind]: Write<K> } = {
  text: (v: string, [key]) => ({ [key!]: v }),
  integer: (v: number, [key]) => ({ [key!]: v }),
  'text-list': (v: readonly string[], [key]) => ({ [key!]: [...v] }),
  'text-or-secret': (v: TextOrSecret, [key], ref) => ({ [key!]: textOrSecret(v, ref) }),
  secret: (v: ObjectName, [key], ref) => ({ [key!]: secretRef(v, ref) }),
  reference: (v: ObjectName, [key], ref) => ({ [key!]: ref(v) }),
  'network-path': (v: NetworkPath, [ssh, privatelink], ref) => ({ [v.kind === 'ssh-tunnel' ? ssh! : privatelink!]: ref(v.connection) }),
  // One broker without a route of its own is `broker: host:port`, unless a default PrivateLink (which excludes `broker`) is set.
  'kafka-brokers': (v: readonly KafkaBroker[], [one, many], ref, spec) => {
    const defaultPrivatelink = spec.type === 'kafka' && spec.defaultPath?.kind === 'aws-privatelink';
    if (v.length === 1 && v[0]?.path === undefined && !defaultPrivatelink) return { [one!]: v[0]!.address };
    return v.length > 0 ? { [many!]: v.map((b) => broker(b, ref)) } : {};
  },
  'kafka-default-path': (v: KafkaDefaultPath, [ssh, privatelink, port], ref) =>
    v.kind === 'ssh-tunnel' ? { [ssh!]: ref(v.connection) } : { [privatelink!]: ref(v.connection), ...ifDefined(port!, v.port) },
};

export function connectionDocument(spec: ConnectionSpec, ref: WriteRef): Doc {
  const values = spec as unknown as Record<string, unknown>;
  const doc: Doc = { type: spec.type };
  for (const [field, entry] of connectionEntries(spec.type)) {
    const value = values[field];
    if (value === undefined) continue;
    Object.assign(doc, (WRITE[entry.codec.kind] as Write<CodecKind>)(value as never, entry.parts.map((p) => p.key), ref, spec));
  }
  return doc;
}

type SourceOf<T extends SourceType> = Extract<SourceSpec, { type: T }>;

/** `placement` is the source's own schema: subsources named with `{table, name}` live there. */
const sourceWriters: { [T in SourceType]: (spec: SourceOf<T>, ref: WriteRef, source: ObjectName) => Doc } = {
  kafka: (spec, ref) => ({
    connection: ref(spec.connection),
    topic: spec.topic,
    ...kafkaFormat(spec.format, ref),
    ...ifDefined('envelope', spec.envelope),
    ...ifDefined('include', spec.include?.map((i) => (i.alias === undefined ? i.item : { item: i.item, as: i.alias }))),
    ...ifDefined('start_offset', spec.startOffset && [...spec.startOffset]),
    ...ifDefined('group_id_prefix', spec.groupIdPrefix),
  }),
  postgres: (spec, ref, source) => ({
    connection: ref(spec.connection),
    publication: spec.publication,
    ...tables(spec.tables, source),
    ...columns(spec),
  }),
  mysql: (spec, ref, source) => ({ connection: ref(spec.connection), ...tables(spec.tables, source), ...columns(spec) }),
  'load-generator': (spec) => ({
    generator: spec.generator,
    ...ifDefined('tick_interval', spec.tickInterval),
    ...ifDefined('as_of', spec.asOf),
    ...ifDefined('up_to', spec.upTo),
    ...ifDefined('scale_factor', spec.scaleFactor),
    ...ifDefined('max_cardinality', spec.maxCardinality),
    // AUCTION, MARKETING and TPCH need FOR ALL TABLES, which the stored create_sql never keeps (src/sql/src/pure.rs:1249-1252).
    ...(spec.tables !== undefined || spec.generator !== 'counter' ? { tables: 'all' } : {}),
  }),
};

/**
 * `source` is the source's own name: subsources elsewhere say their schema
 * and database. `withTables`: tables from the source exist (the v26 form), so
 * no table list is written: its outputs are those tables.
 */
export function sourceDocument(spec: SourceSpec, ref: WriteRef, source: ObjectName, withTables = false): Doc {
  const write = sourceWriters[spec.type] as (spec: SourceSpec, ref: WriteRef, source: ObjectName) => Doc;
  const doc: Doc = { type: spec.type, ...write(spec, ref, source) };
  const noList = (doc.tables === undefined || (Array.isArray(doc.tables) && doc.tables.length === 0)) && doc.schemas === undefined;
  // A Postgres / MySQL source with no subsource left, or one that feeds tables: no FOR clause (an empty list is not a manifest value).
  if (noList || (withTables && spec.type !== 'kafka')) {
    delete doc.tables;
  }
  return doc;
}

/** A table from a source: its source, its reference as the manifest writes it, and Kafka's decoding or the columns' options. */
export function tableDocument(table: Table, ref: WriteRef): Doc {
  const spec = table.spec;
  const base: Doc = { source: ref(table.source) };
  switch (spec.type) {
    case 'kafka':
      return {
        ...base,
        reference: spec.reference,
        ...kafkaFormat(spec.format, ref),
        ...ifDefined('envelope', spec.envelope),
        ...ifDefined('include', spec.include?.map((i) => (i.alias === undefined ? i.item : { item: i.item, as: i.alias }))),
      };
    case 'postgres':
    case 'mysql':
      return {
        ...base,
        reference: upstream(spec.reference),
        ...ifDefined('text_columns', spec.textColumns && [...spec.textColumns]),
        ...ifDefined('exclude_columns', spec.excludeColumns && [...spec.excludeColumns]),
      };
    case 'load-generator':
      return { ...base, reference: spec.reference };
  }
}

function textOrSecret(value: TextOrSecret | undefined, ref: WriteRef): unknown {
  if (value === undefined) return undefined;
  return value.kind === 'text' ? value.value : { secret: ref(value.secret) };
}

function secretRef(target: ObjectName | undefined, ref: WriteRef): unknown {
  return target === undefined ? undefined : { secret: ref(target) };
}

function broker(b: KafkaBroker, ref: WriteRef): unknown {
  if (b.path === undefined) return b.address;
  if (b.path.kind === 'ssh-tunnel') return { address: b.address, ssh_tunnel: ref(b.path.connection) };
  return {
    address: b.address,
    aws_privatelink: ref(b.path.connection),
    ...ifDefined('privatelink_port', b.path.port),
    ...ifDefined('availability_zone', b.path.availabilityZone),
  };
}

function kafkaFormat(format: KafkaFormat | undefined, ref: WriteRef): Doc {
  if (format === undefined) return {};
  if (format.kind === 'bare') return { format: formatDoc(format.format, ref) };
  return { key_format: formatDoc(format.key, ref), value_format: formatDoc(format.value, ref) };
}

function formatDoc(format: Format, ref: WriteRef): unknown {
  switch (format.kind) {
    case 'json':
    case 'text':
    case 'bytes':
      return format.kind;
    case 'csv':
      return {
        type: 'csv',
        ...(format.columns.kind === 'header' ? { header: [...format.columns.names] } : { columns: format.columns.count }),
        ...ifDefined('delimiter', format.delimiter),
      };
    case 'avro':
    case 'protobuf':
      return { type: format.kind, schema_registry: ref(format.schemaRegistry) };
  }
}

/** An upstream name: dotted when no part holds a dot (the loader splits on dots), else the list of parts. */
function upstream(parts: readonly string[]): unknown {
  return parts.some((p) => p.includes('.')) ? [...parts] : parts.join('.');
}

function tables(selection: TableSelection, source: ObjectName): Doc {
  switch (selection.kind) {
    case 'all':
      return { tables: 'all' };
    case 'schemas':
      return { schemas: [...selection.schemas] };
    case 'tables':
      return {
        tables: selection.tables.map((t) =>
          t.alias === undefined
            ? upstream(t.reference)
            : {
                table: upstream(t.reference),
                name: t.alias.name,
                ...(t.alias.schema !== source.schema || t.alias.database !== source.database ? { schema: t.alias.schema } : {}),
                ...(t.alias.database !== source.database ? { database: t.alias.database } : {}),
              },
        ),
      };
  }
}

function columns(spec: { textColumns?: readonly (readonly string[])[]; excludeColumns?: readonly (readonly string[])[] }): Doc {
  return {
    ...ifDefined('text_columns', spec.textColumns?.map(upstream)),
    ...ifDefined('exclude_columns', spec.excludeColumns?.map(upstream)),
  };
}
