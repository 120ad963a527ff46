import { closed, ref, text, type JsonSchema } from './json-schema.js';

function sourceCommon(type: string): Record<string, JsonSchema> {
  return {
    type: { const: type, description: 'The kind of source.' },
    cluster: text('IN CLUSTER: the cluster the source runs in; overrides `defaults.cluster`. The cluster must exist.', { minLength: 1 }),
    retain_history: text("RETAIN HISTORY FOR: how long to keep history, e.g. '1h'. Alterable in place.", { minLength: 1 }),
    timestamp_interval: text("TIMESTAMP INTERVAL, e.g. '1s'. Alterable in place.", { minLength: 1 }),
    comment: ref('comment', '`COMMENT ON SOURCE`.'),
    renamed_from: ref('renamedFrom', 'The source\'s previous name: `ALTER SOURCE ... RENAME TO`, no re-ingest.'),
    owner: ref('owner', 'Owner role of the source.'),
    database_name: ref('databaseName', 'Materialize database of the source.'),
    schema_name: ref('schemaName', 'Materialize schema of the source.'),
  };
}

const columnList = (what: string): JsonSchema => ({
  type: 'array',
  description: `${what}: upstream columns, each as schema.table.column or a list of its parts.`,
  items: ref('upstreamReference', 'One upstream column.'),
  minItems: 1,
});

/** FOR ALL TABLES, FOR TABLES (...) or FOR SCHEMAS (...). */
const tableSelection = (upstream: string): Record<string, JsonSchema> => ({
  tables: {
    type: ['string', 'array'],
    'x-expected': "'all' or a list of tables",
    description: `'all' (FOR ALL TABLES), or the ${upstream} tables to ingest (FOR TABLES), each a dotted name, a list of parts, or {table, name} to name its subsource.`,
    if: { type: 'string' },
    then: { const: 'all', description: 'FOR ALL TABLES.' },
    else: { type: 'array', minItems: 1, items: ref('sourceTable', 'One upstream table.') },
  },
  schemas: {
    type: 'array',
    description: `FOR SCHEMAS: every table of these upstream ${upstream} schemas.`,
    items: text('An upstream schema name.', { minLength: 1 }),
    minItems: 1,
    uniqueItems: true,
  },
});

export const format: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': 'json, text, bytes, or {type: csv|avro|protobuf, ...}',
  description: 'A Kafka format: json, text or bytes; {type: csv, header | columns, delimiter}; {type: avro | protobuf, schema_registry}.',
  if: { type: 'string' },
  then: { enum: ['json', 'text', 'bytes'], description: 'A format without options.' },
  else: {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: ['csv', 'avro', 'protobuf', 'json', 'text', 'bytes'], description: 'The format.' } },
    allOf: [
      {
        if: { properties: { type: { const: 'csv' } }, required: ['type'] },
        then: closed('FORMAT CSV.', {
          type: { const: 'csv', description: 'FORMAT CSV.' },
          header: { type: 'array', minItems: 1, items: text('A column name.'), description: 'WITH HEADER (names): the first line is a header with these columns.' },
          columns: { type: 'integer', minimum: 1, description: 'WITH n COLUMNS: the number of columns (no header).' },
          delimiter: text("DELIMITED BY: one character; server default ','.", { minLength: 1, maxLength: 1 }),
        }),
      },
      {
        if: { properties: { type: { enum: ['avro', 'protobuf'] } }, required: ['type'] },
        then: closed(
          'FORMAT AVRO or PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION.',
          {
            type: { enum: ['avro', 'protobuf'], description: 'AVRO or PROTOBUF.' },
            schema_registry: ref('reference', 'The confluent-schema-registry connection that holds the schemas.'),
          },
          ['schema_registry'],
        ),
      },
      {
        if: { properties: { type: { enum: ['json', 'text', 'bytes'] } }, required: ['type'] },
        then: closed('A format without options.', { type: { enum: ['json', 'text', 'bytes'], description: 'The format.' } }),
      },
    ],
  },
};

export const includeItem: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': 'key, partition, offset, timestamp, headers, or {item, as}',
  description: 'One INCLUDE item: key, partition, offset, timestamp or headers, or {item, as} to name its column.',
  if: { type: 'string' },
  then: { enum: ['key', 'partition', 'offset', 'timestamp', 'headers'], description: 'The metadata to include.' },
  else: closed(
    'INCLUDE <item> AS <column>.',
    {
      item: { enum: ['key', 'partition', 'offset', 'timestamp', 'headers'], description: 'The metadata to include.' },
      as: text('The column name.', { minLength: 1 }),
    },
    ['item', 'as'],
  ),
};

export const sourceDefinitions: Record<string, JsonSchema> = {
  sourceTable: {
    type: ['string', 'array', 'object'],
    'x-expected': 'a table name, a list of its parts, or {table, name, schema, database}',
    description:
      'An upstream table: `public.orders`, `[public, orders]`, or {table, name, schema, database} to choose the name, schema or database of its subsource.',
    if: { type: 'object' },
    then: closed(
      'FOR TABLES (<table> AS <database>.<schema>.<name>).',
      {
        table: ref('upstreamReference', 'The upstream table.'),
        name: ref('objectName', "The subsource's name; absent means the table's own name."),
        schema: ref('objectName', "The subsource's schema; absent means the source's schema."),
        database: ref('objectName', "The subsource's database; absent means the source's database."),
      },
      ['table'],
    ),
    else: { $ref: '#/definitions/upstreamReference', description: 'The upstream table.' },
  },
  kafkaSource: closed('A Kafka topic.', {
    ...sourceCommon('kafka'),
    connection: ref('reference', 'The kafka connection.'),
    topic: text('TOPIC: the Kafka topic to read.', { minLength: 1 }),
    format: { ...format, description: `FORMAT, for key and value alike. ${format.description}` },
    key_format: { ...format, description: `KEY FORMAT; requires value_format. ${format.description}` },
    value_format: { ...format, description: `VALUE FORMAT; requires key_format. ${format.description}` },
    envelope: { enum: ['none', 'upsert', 'debezium'], description: 'ENVELOPE (server default none).' },
    include: { type: 'array', items: includeItem, minItems: 1, description: 'INCLUDE: metadata columns, in this order.' },
    start_offset: {
      type: 'array',
      items: { type: 'integer', minimum: 0, description: 'The offset to start from in one partition.' },
      minItems: 1,
      description: 'START OFFSET: the offset to start from per partition, partition 0 first.',
    },
    group_id_prefix: text('GROUP ID PREFIX for the consumer group.', { minLength: 1 }),
  }, ['type', 'connection', 'topic']),
  postgresSource: closed('A PostgreSQL publication, replicated into subsources.', {
    ...sourceCommon('postgres'),
    connection: ref('reference', 'The postgres connection.'),
    publication: text('PUBLICATION: the upstream publication.', { minLength: 1 }),
    ...tableSelection('PostgreSQL'),
    text_columns: columnList('TEXT COLUMNS: decode these columns as text'),
    exclude_columns: columnList('EXCLUDE COLUMNS: leave these columns out'),
  }, ['type', 'connection', 'publication']),
  mysqlSource: closed('MySQL tables, replicated into subsources from the binlog.', {
    ...sourceCommon('mysql'),
    connection: ref('reference', 'The mysql connection.'),
    ...tableSelection('MySQL'),
    text_columns: columnList('TEXT COLUMNS: decode these columns as text'),
    exclude_columns: columnList('EXCLUDE COLUMNS: leave these columns out'),
  }, ['type', 'connection']),
  loadGeneratorSource: closed('A built-in load generator, for trying things out.', {
    ...sourceCommon('load-generator'),
    generator: { enum: ['counter', 'auction', 'marketing', 'tpch'], description: 'Which generator.' },
    tick_interval: text("TICK INTERVAL, e.g. '1s'.", { minLength: 1 }),
    as_of: { type: 'integer', minimum: 0, description: 'AS OF: the tick to start at.' },
    up_to: { type: 'integer', minimum: 0, description: 'UP TO: the tick to stop at.' },
    scale_factor: { type: 'number', minimum: 0, description: 'SCALE FACTOR (tpch only).' },
    max_cardinality: { type: 'integer', minimum: 1, description: 'MAX CARDINALITY (counter only).' },
    tables: {
      const: 'all',
      description: "'all' (FOR ALL TABLES): required by auction, marketing and tpch, refused by counter.",
    },
  }, ['type', 'generator']),
};

export const SOURCE_DEFINITION_BY_TYPE: Record<string, string> = {
  kafka: 'kafkaSource',
  postgres: 'postgresSource',
  mysql: 'mysqlSource',
  'load-generator': 'loadGeneratorSource',
};
