import { sourceEntries } from '../model/index.js';
import type {
  SchemaStrategy,
  Envelope,
  UpsertInlineErrors,
  Format,
  IncludeItem,
  KafkaFormat,
  ObjectName,
  SourceCodec,
  SourceCodecKind,
  SourceOptionEntry,
  SourceSpec,
  SourceTable,
  SourceType,
  TableSelection,
} from '../model/index.js';
import type { FormatDoc, IncludeDoc, ProgressDoc, RefDoc, SchemaStrategyDoc, SourceDoc, SourceTableDoc, UpstreamRefDoc, ValueDecodingErrorsDoc } from './manifest-document.js';
import type { ObjectContext } from './object-context.js';
import type { DocPath } from './yaml-document.js';

type DocOf<T extends SourceType> = Extract<SourceDoc, { type: T }>;

/** Where a source's subsources go: the source's own database and schema. */
export interface SourcePlacement {
  readonly database: string;
  readonly schema: string;
}

type Doc = Record<string, unknown>;

type Convert<K extends SourceCodecKind> = (
  doc: Doc,
  keys: readonly string[],
  field: string,
  ctx: ObjectContext,
  codec: Extract<SourceCodec, { kind: K }>,
  entry: SourceOptionEntry,
  placement: SourcePlacement,
) => unknown;

const plain = (doc: Doc, [key]: readonly string[]): unknown => doc[key!];

/** How each source codec's value is read from the manifest (already shaped by the JSON Schema); undefined when not written. */
const READ: { readonly [K in SourceCodecKind]: Convert<K> } = {
  reference: (doc, [key], field, ctx) => (doc[key!] === undefined ? undefined : ctx.reference(doc[key!] as RefDoc, [key!], field)),
  generator: plain,
  text: plain,
  envelope: (doc, keys, _field, ctx, codec) => envelope(doc, keys, codec.inlineErrors === true, ctx),
  number: plain,
  boolean: plain,
  'integer-list': (doc, [key]) => (doc[key!] === undefined ? undefined : [...(doc[key!] as number[])]),
  'column-list': (doc, [key]) => (doc[key!] as UpstreamRefDoc[] | undefined)?.map(upstream),
  'kafka-format': (doc, keys, _field, ctx) => kafkaFormat(doc, keys, ctx),
  'include-list': (doc, [key], _field, ctx) => include(doc[key!] as IncludeDoc[] | undefined, key!, ctx),
  'progress-subsource': (doc, [key], _field, _ctx, _codec, _entry, placement) => progressName(doc[key!] as ProgressDoc | undefined, placement),
  'table-selection': (doc, keys, _field, ctx, codec, entry, placement) =>
    codec.allOnly ? (doc[keys[0]!] !== undefined ? { kind: 'all' } : undefined) : tableSelection(doc, keys, entry.required, ctx, placement),
};

/**
 * One registry field of a source type read from a manifest mapping, as a
 * source reads it: a Kafka table reads FORMAT, ENVELOPE and INCLUDE this way,
 * so both spell and check them alike.
 */
export function readSourceField(type: SourceType, field: string, doc: Doc, ctx: ObjectContext, placement: SourcePlacement): unknown {
  const entry = sourceEntries(type).find(([f]) => f === field)?.[1];
  if (!entry) throw new Error(`${type} sources have no field ${field}`);
  return (READ[entry.codec.kind] as Convert<SourceCodecKind>)(doc, entry.keys, field, ctx, entry.codec as never, entry, placement);
}

/**
 * Combinations the schema cannot express but Materialize refuses, per type,
 * reported where the options are read so that each message points at the
 * option at fault.
 */
const CHECKS: { [T in SourceType]: (doc: DocOf<T>, ctx: ObjectContext) => void } = {
  kafka: () => {},
  postgres: checkColumns,
  mysql: checkColumns,
  'load-generator': (doc, ctx) => {
    const generator = doc.generator;
    const sql = generator.toUpperCase().replaceAll('-', ' ');
    // Without `tables: all` a multi-output generator is a v26 source: its outputs become tables from the source (`tables:`), not subsources.
    const values = doc as unknown as Doc;
    for (const [, entry] of sourceEntries('load-generator')) {
      const key = entry.keys[0]!;
      if (values[key] !== undefined && entry.generators && !entry.generators.includes(generator)) {
        ctx.problem([key], `${key} is only valid with the ${entry.generators.join(', ')} generator${entry.generators.length > 1 ? 's' : ''} (Materialize: "${GENERATOR_REFUSAL[key]?.(sql) ?? `${sql} load generators do not support ${entry.sql} values`}")`);
      }
      if (values[key] === undefined && entry.requiredBy?.includes(generator)) {
        ctx.problem([], `the ${generator} generator needs ${key} (Materialize: "LOAD GENERATOR ${sql} requires ${entry.sql}")`);
      }
    }
  },
};

/** Where Materialize refuses a load generator's clause in words of its own (ddl.rs:2082-2083; pure.rs, single-output sources). */
const GENERATOR_REFUSAL: Readonly<Record<string, (generator: string) => string>> = {
  tables: () => 'FOR ALL TABLES is only valid for multi-output sources',
  include: () => 'INCLUDE metadata only supported with `KEY VALUE` load generators',
};

/** Manifest source → model: the registry's entries, read by codec, after the type's own checks. */
export function convertSource(doc: SourceDoc, ctx: ObjectContext, placement: SourcePlacement): SourceSpec {
  (CHECKS[doc.type] as (doc: SourceDoc, ctx: ObjectContext) => void)(doc, ctx);
  const values = doc as unknown as Doc;
  const spec: Doc = { type: doc.type };
  for (const [field, entry] of sourceEntries(doc.type)) {
    const value = (READ[entry.codec.kind] as Convert<SourceCodecKind>)(values, entry.keys, field, ctx, entry.codec as never, entry, placement);
    if (value !== undefined) spec[field] = value;
  }
  return spec as unknown as SourceSpec;
}

/** Subsource names a source declares with `{table, name}`: they share the schema's namespace with every other object. */
export function subsourceNames(spec: SourceSpec): { name: ObjectName; index: number }[] {
  if ((spec.type === 'postgres' || spec.type === 'mysql') && spec.tables.kind === 'tables') {
    return spec.tables.tables.flatMap((t, index) => (t.alias ? [{ name: t.alias, index }] : []));
  }
  return [];
}

/** The progress subsource a source names with `expose_progress`: it shares the schema's namespace too. */
export function progressSubsourceName(spec: SourceSpec): ObjectName | undefined {
  return spec.exposeProgress;
}

/** FORMAT, or KEY FORMAT with VALUE FORMAT, under the given keys: a Kafka source's, or a Kafka table's. */
export function kafkaFormat(doc: Doc, [bareKey, keyKey, valueKey]: readonly string[], ctx: ObjectContext): KafkaFormat | undefined {
  const format = doc[bareKey!] as FormatDoc | undefined;
  const key = doc[keyKey!] as FormatDoc | undefined;
  const value = doc[valueKey!] as FormatDoc | undefined;
  if (format !== undefined && (key !== undefined || value !== undefined)) {
    ctx.problem([key !== undefined ? keyKey! : valueKey!], `set either ${bareKey}, or ${keyKey} with ${valueKey}, not both`);
  }
  if ((key === undefined) !== (value === undefined)) {
    ctx.problem([key === undefined ? valueKey! : keyKey!], `${keyKey} and ${valueKey} go together: set both, or use ${bareKey}`);
  }
  if (format !== undefined) return { kind: 'bare', format: convertFormat(format, [bareKey!], 'format', ctx) };
  if (key !== undefined && value !== undefined) {
    return {
      kind: 'key-value',
      key: convertFormat(key, [keyKey!], 'format.key', ctx),
      value: convertFormat(value, [valueKey!], 'format.value', ctx),
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
    case 'protobuf':
      // Both key and value may name a registry; the model keeps one field per side.
      return { kind: 'protobuf', schemaRegistry: ctx.reference(doc.schema_registry, [...at, 'schema_registry'], field) };
    case 'avro':
      return {
        kind: 'avro',
        schemaRegistry: ctx.reference(doc.schema_registry, [...at, 'schema_registry'], field),
        ...(doc.key_strategy !== undefined ? { keyStrategy: strategy(doc.key_strategy) } : {}),
        ...(doc.value_strategy !== undefined ? { valueStrategy: strategy(doc.value_strategy) } : {}),
      };
  }
}

function strategy(doc: SchemaStrategyDoc): SchemaStrategy {
  if (doc === 'latest') return { kind: 'latest' };
  return 'id' in doc ? { kind: 'id', id: doc.id } : { kind: 'inline', schema: doc.inline };
}

/** A name in the source's schema, or `{name, schema, database}` elsewhere. */
function progressName(doc: ProgressDoc | undefined, placement: SourcePlacement): ObjectName | undefined {
  if (doc === undefined) return undefined;
  if (typeof doc === 'string') return { database: placement.database, schema: placement.schema, name: doc };
  return { database: doc.database ?? placement.database, schema: doc.schema ?? placement.schema, name: doc.name };
}

/** `envelope`, and with upsert `value_decoding_errors: inline` or `{inline: true, as: column}`. */
function envelope(doc: Doc, [key, errorsKey]: readonly string[], inlineErrors: boolean, ctx: ObjectContext): Envelope | UpsertInlineErrors | undefined {
  const value = doc[key!] as Envelope | undefined;
  const errors = inlineErrors ? (doc[errorsKey!] as ValueDecodingErrorsDoc | undefined) : undefined;
  if (errors === undefined) return value;
  // The option exists only inside ENVELOPE UPSERT (...) (src/sql-parser/src/parser.rs:2384-2395).
  if (value !== 'upsert') ctx.problem([errorsKey!], `${errorsKey} is only valid with ${key}: upsert (Materialize takes VALUE DECODING ERRORS only in ENVELOPE UPSERT (...))`);
  const alias = typeof errors === 'object' ? errors.as : undefined;
  return { kind: 'upsert', valueDecodingErrors: 'inline', ...(alias !== undefined ? { alias } : {}) };
}

/** INCLUDE items in the order written, each at most once: a Kafka source's, or a Kafka table's. */
export function include(items: IncludeDoc[] | undefined, key: string, ctx: ObjectContext): IncludeItem[] | undefined {
  const seen = new Set<string>();
  items?.forEach((item, i) => {
    // One column per item: a header may be included more than once, under other names.
    const name = typeof item === 'string' ? item : 'header' in item ? `HEADER '${item.header}' AS ${item.as}` : item.item;
    if (seen.has(name)) ctx.problem([key, i], `INCLUDE ${name} is listed twice`, 'value');
    seen.add(name);
  });
  return items?.map((i): IncludeItem => {
    if (typeof i === 'string') return { item: i };
    if ('header' in i) return { item: 'header', key: i.header, alias: i.as, ...(i.bytes ? { bytes: true as const } : {}) };
    return { item: i.item, alias: i.as };
  });
}

/** `public.orders` or `[public, orders]`: the string form splits on dots, the list form is for parts that hold dots. */
function upstream(ref: UpstreamRefDoc): string[] {
  return typeof ref === 'string' ? ref.split('.') : [...ref];
}

function tableSelection(doc: Doc, [tablesKey, schemasKey]: readonly string[], required: boolean, ctx: ObjectContext, placement: SourcePlacement): TableSelection | undefined {
  const listed = doc[tablesKey!] as 'all' | SourceTableDoc[] | undefined;
  const schemas = doc[schemasKey!] as string[] | undefined;
  if (listed !== undefined && schemas !== undefined) ctx.problem([schemasKey!], `set either ${tablesKey} or ${schemasKey}, not both`);
  if (listed === undefined && schemas === undefined) {
    if (!required) return undefined;
    // Neither: a v26 source (src/sql/src/pure.rs:761 SourceReferencePolicy::Optional), whose tables are declared under `tables:`
    // as CREATE TABLE ... FROM SOURCE; stored like a legacy source with no subsource left.
    return { kind: 'tables', tables: [] };
  }
  if (schemas !== undefined) return { kind: 'schemas', schemas: [...schemas] };
  if (listed === undefined || listed === 'all') return { kind: 'all' };
  const seen = new Map<string, number>();
  const tables = listed.map((t, i): SourceTable => {
    const isNamed = typeof t === 'object' && !Array.isArray(t);
    const reference = upstream(isNamed ? t.table : t);
    const key = JSON.stringify(reference);
    const first = seen.get(key);
    if (first !== undefined) ctx.problem([tablesKey!, i], `table ${reference.join('.')} is already listed at ${tablesKey}[${first}]`, 'value');
    else seen.set(key, i);
    if (!isNamed) return { reference };
    // FOR TABLES (t AS db.sch.name): a subsource may live in another schema or database (test/pg-cdc-old-syntax/create-views-from-source-in-schema.td:45, test/mysql-cdc-old-syntax/two-destination-schemas.td:51).
    const name = t.name ?? reference[reference.length - 1] ?? '';
    return { reference, alias: { database: t.database ?? placement.database, schema: t.schema ?? placement.schema, name } };
  });
  return { kind: 'tables', tables };
}

/** Materialize refuses a column that is both decoded as text and excluded. */
function checkColumns(doc: { text_columns?: UpstreamRefDoc[]; exclude_columns?: UpstreamRefDoc[] }, ctx: ObjectContext): void {
  const text = doc.text_columns?.map(upstream);
  for (const [i, column] of (doc.exclude_columns?.map(upstream) ?? []).entries()) {
    if (text?.some((t) => JSON.stringify(t) === JSON.stringify(column))) {
      ctx.problem(['exclude_columns', i], `column ${column.join('.')} is both a text column and an excluded column`, 'value');
    }
  }
}
