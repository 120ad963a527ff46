import { closed, ref, text, type JsonSchema } from './json-schema.js';
import { sourceFieldSchemas } from './source-definitions.js';

const columnNames = (what: string): JsonSchema => ({
  type: 'array',
  description: `${what} (Postgres and MySQL tables): column names of the upstream table.`,
  items: text('A column name.', { minLength: 1 }),
  minItems: 1,
  uniqueItems: true,
});

/**
 * `CREATE TABLE t FROM SOURCE s (REFERENCE ...)`. One definition for every
 * source type: the type is the source's, so which fields apply is checked
 * against the source once it is known (FORMAT, INCLUDE and ENVELOPE for Kafka;
 * TEXT and EXCLUDE COLUMNS for Postgres and MySQL).
 */
export const tableDefinition: JsonSchema = closed(
  'A table fed by a source (CREATE TABLE ... FROM SOURCE), keyed by its name.',
  {
    source: ref('reference', 'The source the table reads; a source declared in this manifest.'),
    reference: {
      ...ref('upstreamReference', ''),
      description:
        "REFERENCE: what the table reads. Postgres and MySQL: the upstream table as schema.table; Kafka: the topic (default: the source's topic); load generator: the output, e.g. bids (default for counter: counter).",
    },
    // FORMAT, ENVELOPE (with VALUE DECODING ERRORS) and INCLUDE exactly as a Kafka source has them.
    ...sourceFieldSchemas('kafka', 'format', (d) => `Kafka: ${d}`),
    ...sourceFieldSchemas('kafka', 'envelope', (d) => `Kafka: ${d}`),
    ...sourceFieldSchemas('kafka', 'include', (d) => `Kafka: ${d}`),
    text_columns: columnNames('TEXT COLUMNS: decode these columns as text'),
    exclude_columns: columnNames('EXCLUDE COLUMNS: leave these columns out'),
    comment: ref('comment', '`COMMENT ON TABLE`.'),
    renamed_from: ref('renamedFrom', "The table's previous name: `ALTER TABLE ... RENAME TO`, no re-ingest."),
    owner: ref('owner', 'Owner role of the table.'),
    database_name: ref('databaseName', 'Materialize database of the table.'),
    schema_name: ref('schemaName', 'Materialize schema of the table.'),
  },
  ['source'],
);
