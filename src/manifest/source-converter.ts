import type { Format, IncludeItem, KafkaFormat, ObjectName, SourceSpec, SourceTable, SourceType, TableSelection } from '../model/index.js';
import type { FormatDoc, IncludeDoc, SourceDoc, SourceTableDoc, UpstreamRefDoc } from './manifest-document.js';
import type { ObjectContext } from './object-context.js';
import type { DocPath } from './yaml-document.js';

type DocOf<T extends SourceType> = Extract<SourceDoc, { type: T }>;

/** Where a source's subsources go: the source's own database and schema. */
export interface SourcePlacement {
  readonly database: string;
  readonly schema: string;
}

const converters: {
  [T in SourceType]: (doc: DocOf<T>, ctx: ObjectContext, placement: SourcePlacement) => Extract<SourceSpec, { type: T }>;
} = {
  kafka: (doc, ctx) => {
    const format = kafkaFormat(doc, ctx);
    checkIncludes(doc, ctx);
    return {
      type: 'kafka',
      connection: ctx.reference(doc.connection, ['connection'], 'connection'),
      topic: doc.topic,
      ...(format ? { format } : {}),
      ...(doc.envelope !== undefined ? { envelope: doc.envelope } : {}),
      ...includeItems(doc),
      ...(doc.start_offset !== undefined ? { startOffset: [...doc.start_offset] } : {}),
      ...(doc.group_id_prefix !== undefined ? { groupIdPrefix: doc.group_id_prefix } : {}),
    };
  },

  postgres: (doc, ctx, placement) => ({
    type: 'postgres',
    connection: ctx.reference(doc.connection, ['connection'], 'connection'),
    publication: doc.publication,
    tables: tableSelection(doc, ctx, placement),
    ...columns(doc, ctx),
  }),

  mysql: (doc, ctx, placement) => ({
    type: 'mysql',
    connection: ctx.reference(doc.connection, ['connection'], 'connection'),
    tables: tableSelection(doc, ctx, placement),
    ...columns(doc, ctx),
  }),

  'load-generator': (doc, ctx) => {
    const multiOutput = doc.generator !== 'counter';
    // Without `tables: all` a multi-output generator is a v26 source: its outputs become tables from the source (`tables:`), not subsources.
    if (!multiOutput && doc.tables !== undefined) ctx.problem(['tables'], 'the counter generator has a single output and takes no tables');
    if (doc.scale_factor !== undefined && doc.generator !== 'tpch') ctx.problem(['scale_factor'], 'scale_factor is only valid with the tpch generator');
    if (doc.max_cardinality !== undefined && doc.generator !== 'counter') {
      ctx.problem(['max_cardinality'], 'max_cardinality is only valid with the counter generator');
    }
    return {
      type: 'load-generator',
      generator: doc.generator,
      ...(doc.tick_interval !== undefined ? { tickInterval: doc.tick_interval } : {}),
      ...(doc.as_of !== undefined ? { asOf: doc.as_of } : {}),
      ...(doc.up_to !== undefined ? { upTo: doc.up_to } : {}),
      ...(doc.scale_factor !== undefined ? { scaleFactor: doc.scale_factor } : {}),
      ...(doc.max_cardinality !== undefined ? { maxCardinality: doc.max_cardinality } : {}),
      ...(doc.tables !== undefined ? { tables: { kind: 'all' } as const } : {}),
    };
  },
};

export function convertSource(doc: SourceDoc, ctx: ObjectContext, placement: SourcePlacement): SourceSpec {
  const convert = converters[doc.type] as (doc: SourceDoc, ctx: ObjectContext, placement: SourcePlacement) => SourceSpec;
  return convert(doc, ctx, placement);
}

/** Subsource names a source declares with `{table, name}`: they share the schema's namespace with every other object. */
export function subsourceNames(spec: SourceSpec): { name: ObjectName; index: number }[] {
  if ((spec.type === 'postgres' || spec.type === 'mysql') && spec.tables.kind === 'tables') {
    return spec.tables.tables.flatMap((t, index) => (t.alias ? [{ name: t.alias, index }] : []));
  }
  return [];
}

/** FORMAT, or KEY FORMAT with VALUE FORMAT: a Kafka source's, or a Kafka table's (the same clauses). */
export function kafkaFormat(doc: { format?: FormatDoc; key_format?: FormatDoc; value_format?: FormatDoc }, ctx: ObjectContext): KafkaFormat | undefined {
  const { format, key_format: key, value_format: value } = doc;
  if (format !== undefined && (key !== undefined || value !== undefined)) {
    ctx.problem([key !== undefined ? 'key_format' : 'value_format'], 'set either format, or key_format with value_format, not both');
  }
  if ((key === undefined) !== (value === undefined)) {
    ctx.problem([key === undefined ? 'value_format' : 'key_format'], 'key_format and value_format go together: set both, or use format');
  }
  if (format !== undefined) return { kind: 'bare', format: convertFormat(format, ['format'], 'format', ctx) };
  if (key !== undefined && value !== undefined) {
    return {
      kind: 'key-value',
      key: convertFormat(key, ['key_format'], 'format.key', ctx),
      value: convertFormat(value, ['value_format'], 'format.value', ctx),
    };
  }
  return undefined;
}

function convertFormat(doc: FormatDoc, at: DocPath, field: string, ctx: ObjectContext): Format {
  if (typeof doc === 'string') return { kind: doc };
  switch (doc.type) {
    case 'json':
    case 'text':
    case 'bytes':
      return { kind: doc.type };
    case 'csv': {
      if ((doc.header === undefined) === (doc.columns === undefined)) {
        ctx.problem(at, 'a csv format needs exactly one of header (a list of column names) or columns (a count)');
      }
      return {
        kind: 'csv',
        columns: doc.header !== undefined ? { kind: 'header', names: [...doc.header] } : { kind: 'count', count: doc.columns ?? 0 },
        ...(doc.delimiter !== undefined ? { delimiter: doc.delimiter } : {}),
      };
    }
    case 'avro':
    case 'protobuf':
      // Both key and value may name a registry; the model keeps one field per side.
      return { kind: doc.type, schemaRegistry: ctx.reference(doc.schema_registry, [...at, 'schema_registry'], field) };
  }
}

/** INCLUDE items in the model, in the order written. */
export function includeItems(doc: { include?: IncludeDoc[] }): { include?: IncludeItem[] } {
  return doc.include !== undefined ? { include: doc.include.map((i): IncludeItem => (typeof i === 'string' ? { item: i } : { item: i.item, alias: i.as })) } : {};
}

export function checkIncludes(doc: { include?: IncludeDoc[] }, ctx: ObjectContext): void {
  const seen = new Set<string>();
  doc.include?.forEach((item, i) => {
    const name = typeof item === 'string' ? item : item.item;
    if (seen.has(name)) ctx.problem(['include', i], `INCLUDE ${name} is listed twice`, 'value');
    seen.add(name);
  });
}

/** `public.orders` or `[public, orders]`: the string form splits on dots, the list form is for parts that hold dots. */
function upstream(ref: UpstreamRefDoc): string[] {
  return typeof ref === 'string' ? ref.split('.') : [...ref];
}

function tableSelection(
  doc: { tables?: 'all' | SourceTableDoc[]; schemas?: string[] },
  ctx: ObjectContext,
  placement: SourcePlacement,
): TableSelection {
  if (doc.tables !== undefined && doc.schemas !== undefined) ctx.problem(['schemas'], 'set either tables or schemas, not both');
  // Neither: a v26 source (src/sql/src/pure.rs:761 SourceReferencePolicy::Optional), whose tables are declared under `tables:`
  // as CREATE TABLE ... FROM SOURCE; stored like a legacy source with no subsources left.
  if (doc.tables === undefined && doc.schemas === undefined) return { kind: 'tables', tables: [] };
  if (doc.schemas !== undefined) return { kind: 'schemas', schemas: [...doc.schemas] };
  if (doc.tables === undefined || doc.tables === 'all') return { kind: 'all' };
  const seen = new Map<string, number>();
  const tables = doc.tables.map((t, i): SourceTable => {
    const isNamed = typeof t === 'object' && !Array.isArray(t);
    const reference = upstream(isNamed ? t.table : t);
    const key = JSON.stringify(reference);
    const first = seen.get(key);
    if (first !== undefined) ctx.problem(['tables', i], `table ${reference.join('.')} is already listed at tables[${first}]`, 'value');
    else seen.set(key, i);
    if (!isNamed) return { reference };
    // FOR TABLES (t AS db.sch.name): a subsource may live in another schema or database (test/pg-cdc-old-syntax/create-views-from-source-in-schema.td:45, test/mysql-cdc-old-syntax/two-destination-schemas.td:51).
    const name = t.name ?? reference[reference.length - 1] ?? '';
    return { reference, alias: { database: t.database ?? placement.database, schema: t.schema ?? placement.schema, name } };
  });
  return { kind: 'tables', tables };
}

function columns(
  doc: { text_columns?: UpstreamRefDoc[]; exclude_columns?: UpstreamRefDoc[] },
  ctx: ObjectContext,
): { textColumns?: string[][]; excludeColumns?: string[][] } {
  const text = doc.text_columns?.map(upstream);
  const exclude = doc.exclude_columns?.map(upstream);
  for (const [i, column] of (exclude ?? []).entries()) {
    if (text?.some((t) => JSON.stringify(t) === JSON.stringify(column))) {
      ctx.problem(['exclude_columns', i], `column ${column.join('.')} is both a text column and an excluded column`, 'value');
    }
  }
  return { ...(text ? { textColumns: text } : {}), ...(exclude ? { excludeColumns: exclude } : {}) };
}
