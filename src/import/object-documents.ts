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
  type IncludeItem,
  type SchemaStrategy,
  type Envelope,
  type UpsertInlineErrors,
} from '../model/index.js';
import { MULTI_OUTPUT_GENERATORS, connectionEntries, ifDefined, sourceEntries } from '../model/index.js';
import type { CodecKind, SourceCodec, SourceCodecKind } from '../model/index.js';

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

type SourceWrite<K extends SourceCodecKind> = (value: never, keys: readonly string[], ref: WriteRef, source: ObjectName, codec: Extract<SourceCodec, { kind: K }>) => Doc;

const one = (v: unknown, [key]: readonly string[]): Doc => ({ [key!]: v });

/** How each source codec's value is written under its manifest key(s); `source` is the source's own name. */
const SOURCE_WRITE: { readonly [K in SourceCodecKind]: SourceWrite<K> } = {
  reference: (v: ObjectName, [key], ref) => ({ [key!]: ref(v) }),
  generator: one,
  text: one,
  envelope: (v: Envelope | UpsertInlineErrors, [key, errorsKey]) =>
    typeof v === 'string' ? { [key!]: v } : { [key!]: 'upsert', [errorsKey!]: v.alias === undefined ? 'inline' : { inline: true, as: v.alias } },
  number: one,
  boolean: one,
  'integer-list': (v: readonly number[], [key]) => ({ [key!]: [...v] }),
  'column-list': (v: readonly (readonly string[])[], [key]) => ({ [key!]: v.map(upstream) }),
  'kafka-format': (v: KafkaFormat, [bare, key, value], ref) =>
    v.kind === 'bare' ? { [bare!]: formatDoc(v.format, ref) } : { [key!]: formatDoc(v.key, ref), [value!]: formatDoc(v.value, ref) },
  'include-list': (v: readonly IncludeItem[], [key]) => ({ [key!]: v.map(includeDoc) }),
  // The name Materialize gives when none is written is not written back (src/sql/src/pure.rs:1255).
  'progress-subsource': (v: ObjectName, [key], _ref, source) =>
    v.database === source.database && v.schema === source.schema && v.name === `${source.name}_progress`
      ? {}
      : { [key!]: v.database === source.database && v.schema === source.schema ? v.name : { name: v.name, schema: v.schema, ...(v.database !== source.database ? { database: v.database } : {}) } },
  'table-selection': (v: TableSelection, keys, _ref, source, codec) => (codec.allOnly ? { [keys[0]!]: 'all' } : tables(v, keys, source)),
};

/**
 * What a type's stored create_sql leaves out and its manifest needs: AUCTION,
 * MARKETING and TPCH need FOR ALL TABLES, which the stored create_sql never
 * keeps (src/sql/src/pure.rs:1249-1252).
 */
const SOURCE_IMPLIED: { readonly [T in SourceType]: (spec: Extract<SourceSpec, { type: T }>) => Doc } = {
  kafka: () => ({}),
  postgres: () => ({}),
  mysql: () => ({}),
  'load-generator': (spec) => (spec.tables === undefined && MULTI_OUTPUT_GENERATORS.includes(spec.generator) ? { tables: 'all' } : {}),
};

/**
 * `source` is the source's own name: subsources elsewhere say their schema
 * and database. `withTables`: tables from the source exist (the v26 form), so
 * no table list is written: its outputs are those tables.
 */
export function sourceDocument(spec: SourceSpec, ref: WriteRef, source: ObjectName, withTables = false): Doc {
  const values = spec as unknown as Record<string, unknown>;
  const doc: Doc = { type: spec.type };
  for (const [field, entry] of sourceEntries(spec.type)) {
    const value = values[field];
    if (value === undefined) continue;
    Object.assign(doc, (SOURCE_WRITE[entry.codec.kind] as SourceWrite<SourceCodecKind>)(value as never, entry.keys, ref, source, entry.codec as never));
  }
  const full: Doc = { ...doc, ...(withTables ? {} : (SOURCE_IMPLIED[spec.type] as (spec: SourceSpec) => Doc)(spec)) };
  // A Postgres / MySQL source with no subsource left, or a source that feeds tables: no FOR clause (an empty list is not a manifest value).
  const emptyList = Array.isArray(full.tables) && full.tables.length === 0;
  if (emptyList || (withTables && spec.type !== 'kafka')) delete full.tables;
  return full;
}

/** One registry field of a source type under its manifest keys, as a source writes it; nothing when unset. */
function writeSourceField(type: SourceType, field: string, value: unknown, ref: WriteRef, source: ObjectName): Doc {
  const entry = sourceEntries(type).find(([f]) => f === field)?.[1];
  if (!entry) throw new Error(`${type} sources have no field ${field}`);
  if (value === undefined) return {};
  return (SOURCE_WRITE[entry.codec.kind] as SourceWrite<SourceCodecKind>)(value as never, entry.keys, ref, source, entry.codec as never);
}

/** A table from a source: its source, its reference as the manifest writes it, and Kafka's decoding (as a source writes it) or the columns' options. */
export function tableDocument(table: Table, ref: WriteRef): Doc {
  const spec = table.spec;
  const base: Doc = { source: ref(table.source) };
  switch (spec.type) {
    case 'kafka':
      return {
        ...base,
        reference: spec.reference,
        // FORMAT, ENVELOPE and INCLUDE under a Kafka source's keys, written by the same functions.
        ...writeSourceField('kafka', 'format', spec.format, ref, table.source),
        ...writeSourceField('kafka', 'envelope', spec.envelope, ref, table.source),
        ...writeSourceField('kafka', 'include', spec.include, ref, table.source),
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

function includeDoc(i: IncludeItem): unknown {
  if (i.item === 'header') return { header: i.key, as: i.alias, ...(i.bytes ? { bytes: true } : {}) };
  return i.alias === undefined ? i.item : { item: i.item, as: i.alias };
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
    ...(b.matching ? { matching: b.address } : { address: b.address }),
    aws_privatelink: ref(b.path.connection),
    ...ifDefined('privatelink_port', b.path.port),
    ...ifDefined('availability_zone', b.path.availabilityZone),
  };
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
    case 'protobuf':
      return { type: format.kind, schema_registry: ref(format.schemaRegistry) };
    case 'avro':
      return {
        type: format.kind,
        schema_registry: ref(format.schemaRegistry),
        ...ifDefined('key_strategy', format.keyStrategy && strategyDoc(format.keyStrategy)),
        ...ifDefined('value_strategy', format.valueStrategy && strategyDoc(format.valueStrategy)),
      };
  }
}

function strategyDoc(s: SchemaStrategy): unknown {
  return s.kind === 'latest' ? 'latest' : s.kind === 'id' ? { id: s.id } : { inline: s.schema };
}

/** An upstream name: dotted when no part holds a dot (the loader splits on dots), else the list of parts. */
function upstream(parts: readonly string[]): unknown {
  return parts.some((p) => p.includes('.')) ? [...parts] : parts.join('.');
}

function tables(selection: TableSelection, [tablesKey, schemasKey]: readonly string[], source: ObjectName): Doc {
  switch (selection.kind) {
    case 'all':
      return { [tablesKey!]: 'all' };
    case 'schemas':
      return { [schemasKey!]: [...selection.schemas] };
    case 'tables':
      return {
        [tablesKey!]: selection.tables.map((t) =>
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
