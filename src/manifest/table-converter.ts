import { LOAD_GENERATOR_OUTPUTS, type KafkaTableSpec, type ObjectName, type SourceType, type TableSpec } from '../model/index.js';
import type { TableDoc, UpstreamRefDoc } from './manifest-document.js';
import type { ObjectContext } from './object-context.js';
import { readSourceField } from './source-converter.js';

/** What a table needs to know of its source, read from the manifest's declaration of it. */
export interface TableSourceInfo {
  readonly type: SourceType;
  /** Kafka: the source's topic, the table's default reference. */
  readonly topic?: string;
  /** Load generator: which one, to check the output named. */
  readonly generator?: string;
}

const KAFKA_FIELDS = ['format', 'key_format', 'value_format', 'envelope', 'value_decoding_errors', 'include'] as const;
const COLUMN_FIELDS = ['text_columns', 'exclude_columns'] as const;

/**
 * A table's manifest entry → its spec, checked against its source's type the
 * way Materialize checks it (src/sql/src/plan/statement/ddl.rs:1745-1800,
 * src/sql/src/pure.rs:1736-2010). `source` is undefined when the name is not a
 * declared source: that is reported by the reference check.
 */
export function convertTable(doc: TableDoc, ctx: ObjectContext, sourceName: ObjectName, source: TableSourceInfo | undefined): TableSpec {
  // Not a declared source: the reference check says so; the table is kept for that check (never dropped silently).
  if (!source) return { type: 'kafka', reference: '' };
  const label = displaySource(sourceName);
  const notFor = (fields: readonly (keyof TableDoc)[], why: string) => {
    for (const f of fields) if (doc[f] !== undefined) ctx.problem([f], why);
  };
  switch (source.type) {
    case 'kafka': {
      // Materialize: "INCLUDE <metadata> ... with non-Kafka source table" and purification accepts TEXT / EXCLUDE COLUMNS only where upstream has columns.
      notFor(COLUMN_FIELDS, `text_columns and exclude_columns apply to Postgres and MySQL tables; ${label} is a Kafka source`);
      // The clauses of a legacy Kafka source, read by the same functions.
      const values = doc as unknown as Record<string, unknown>;
      const placement = { database: sourceName.database, schema: sourceName.schema };
      const read = <K extends 'format' | 'envelope' | 'include'>(field: K) => readSourceField('kafka', field, values, ctx, placement) as KafkaTableSpec[K];
      const format = read('format');
      const envelope = read('envelope');
      const items = read('include');
      const reference = kafkaReference(doc.reference, ctx) ?? source.topic ?? '';
      if (source.topic !== undefined && reference !== source.topic) {
        // The only reference a Kafka source has is its topic (src/sql/src/pure/references.rs:165).
        ctx.problem(['reference'], `${label} reads topic ${source.topic} (Materialize: "reference to ${reference} not found in source")`, 'value');
      }
      return {
        type: 'kafka',
        reference,
        ...(format ? { format } : {}),
        ...(envelope !== undefined ? { envelope } : {}),
        ...(items ? { include: items } : {}),
      };
    }
    case 'postgres':
    case 'mysql': {
      notFor(KAFKA_FIELDS, `format, envelope and include apply to Kafka tables; ${label} is a ${source.type === 'postgres' ? 'Postgres' : 'MySQL'} source (Materialize: "INCLUDE metadata with non-Kafka source table not yet supported")`);
      const parts = doc.reference === undefined ? [] : upstream(doc.reference);
      // Without one, purification cannot pick among the upstream tables (src/sql/src/pure/references.rs:466-473).
      if (doc.reference === undefined) ctx.problem([], `needs reference: the upstream table as schema.table (Materialize: "reference is ambiguous, consider specifying an additional layer of qualification")`);
      // Postgres names the upstream database too (database.schema.table); the database is the connection's, so only its last two parts matter.
      const max = source.type === 'postgres' ? 3 : 2;
      if (doc.reference !== undefined && (parts.length < 2 || parts.length > max)) {
        ctx.problem(['reference'], `reference must be schema.table${source.type === 'postgres' ? ' (or database.schema.table)' : ''}, got ${parts.join('.')}`, 'value');
      }
      const text = doc.text_columns ?? [];
      for (const [i, column] of (doc.exclude_columns ?? []).entries()) {
        if (text.includes(column)) ctx.problem(['exclude_columns', i], `column ${column} is both a text column and an excluded column`, 'value');
      }
      const [schema, table] = parts.slice(-2);
      return {
        type: source.type,
        reference: [schema ?? '', table ?? ''],
        ...(doc.text_columns !== undefined ? { textColumns: [...doc.text_columns] } : {}),
        ...(doc.exclude_columns !== undefined ? { excludeColumns: [...doc.exclude_columns] } : {}),
      };
    }
    case 'load-generator': {
      notFor([...KAFKA_FIELDS, ...COLUMN_FIELDS], `a load-generator table takes only reference; ${label} is a load generator`);
      const outputs = LOAD_GENERATOR_OUTPUTS[source.generator ?? ''] ?? [];
      const written = doc.reference === undefined ? undefined : upstream(doc.reference);
      const reference = written?.[written.length - 1] ?? (outputs.length === 1 ? outputs[0] : undefined);
      if (reference === undefined) {
        ctx.problem([], `needs reference: one of ${outputs.join(', ')} (Materialize: "reference is ambiguous, consider specifying an additional layer of qualification")`);
        return { type: 'load-generator', reference: '' };
      }
      if (!outputs.includes(reference)) {
        ctx.problem(['reference'], `the ${source.generator} generator has ${outputs.join(', ')} (Materialize: "reference to ${reference} not found in source")`, 'value');
      }
      return { type: 'load-generator', reference };
    }
    default:
      // A source of a type the schema refuses (reported there): nothing to check the table against.
      return { type: 'kafka', reference: '' };
  }
}

/** A topic is one name, dots and all. */
function kafkaReference(ref: UpstreamRefDoc | undefined, ctx: ObjectContext): string | undefined {
  if (ref === undefined) return undefined;
  if (typeof ref === 'string') return ref;
  if (ref.length !== 1) ctx.problem(['reference'], 'a Kafka table refers to its topic: one name', 'value');
  return ref[0];
}

function upstream(ref: UpstreamRefDoc): string[] {
  return typeof ref === 'string' ? ref.split('.') : [...ref];
}

function displaySource(name: ObjectName): string {
  return `source ${name.name}`;
}
