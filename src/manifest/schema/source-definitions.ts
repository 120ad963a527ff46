import { SOURCE_TYPES, sourceEntries, type SourceCodec, type SourceCodecKind, type SourceOptionEntry, type SourceType } from '../../model/index.js';
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
  description: `${what} Upstream columns, each as schema.table.column or a list of its parts.`,
  items: ref('upstreamReference', 'One upstream column.'),
  minItems: 1,
});

/** FOR ALL TABLES, FOR TABLES (...) or FOR SCHEMAS (...): the schemas of `tables` and `schemas`. */
const tableSelection = (upstream: string): JsonSchema[] => [
  {
    type: ['string', 'array'],
    'x-expected': "'all' or a list of tables",
    description: `'all' (FOR ALL TABLES), or the ${upstream} tables to ingest (FOR TABLES), each a dotted name, a list of parts, or {table, name} to name its subsource.`,
    if: { type: 'string' },
    then: { const: 'all', description: 'FOR ALL TABLES.' },
    else: { type: 'array', minItems: 1, items: ref('sourceTable', 'One upstream table.') },
  },
  {
    type: 'array',
    description: `FOR SCHEMAS: every table of these upstream ${upstream} schemas.`,
    items: text('An upstream schema name.', { minLength: 1 }),
    minItems: 1,
    uniqueItems: true,
  },
];

/** KEY / VALUE STRATEGY of an Avro format (src/sql-parser/src/parser.rs:2303-2327). */
const strategy: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': "latest, {id: n} or {inline: '<schema>'}",
  description:
    'the registered schema to read with: latest (the server default), {id: n} (a schema id), or {inline: <reader schema>}. Materialize resolves it when the source is created and keeps no strategy, so a later change is not seen.',
  if: { type: 'string' },
  then: { const: 'latest', description: 'LATEST.' },
  else: {
    type: 'object',
    if: { properties: { id: { type: 'integer' } }, required: ['id'] },
    then: closed('ID n.', { id: { type: 'integer', minimum: 0, maximum: 2147483647, description: 'A schema id of the registry (32-bit).' } }, ['id']),
    else: closed("INLINE '<schema>'.", { inline: text('A reader schema, Avro JSON.', { minLength: 1 }) }, ['inline']),
  },
};

const format: JsonSchema = {
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
        if: { properties: { type: { const: 'avro' } }, required: ['type'] },
        then: closed(
          'FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION.',
          {
            type: { const: 'avro', description: 'AVRO.' },
            schema_registry: ref('reference', 'The confluent-schema-registry connection that holds the schemas.'),
            key_strategy: { ...strategy, description: `KEY STRATEGY: ${strategy.description}` },
            value_strategy: { ...strategy, description: `VALUE STRATEGY: ${strategy.description}` },
          },
          ['schema_registry'],
        ),
      },
      {
        // A Protobuf schema comes from the registry only; MESSAGE goes with an inline schema (src/sql-parser/src/parser.rs:2149-2165).
        if: { properties: { type: { const: 'protobuf' } }, required: ['type'] },
        then: {
          ...closed(
            'FORMAT PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION.',
            {
              type: { const: 'protobuf', description: 'PROTOBUF.' },
              schema_registry: ref('reference', 'The confluent-schema-registry connection that holds the schemas.'),
            },
            ['schema_registry'],
          ),
          'x-refused': {
            message:
              "Materialize takes MESSAGE only with an inline schema (FORMAT PROTOBUF MESSAGE '..' USING SCHEMA '..'), which mzform does not manage; with a schema registry the message comes from the registered schema",
          },
        },
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
  'x-expected': 'key, partition, offset, timestamp, headers, {item, as}, or {header, as, bytes}',
  description: 'One INCLUDE item: key, partition, offset, timestamp or headers, {item, as} to name its column, or {header, as, bytes} for one Kafka header.',
  if: { type: 'string' },
  then: { enum: ['key', 'partition', 'offset', 'timestamp', 'headers'], description: 'The metadata to include.' },
  else: {
    type: 'object',
    if: { properties: { header: { type: 'string' } }, required: ['header'] },
    then: closed(
      "INCLUDE HEADER '<key>' AS <column> [BYTES]: one Kafka header's value.",
      {
        header: text("The header's key.", { minLength: 1 }),
        as: text('The column name.', { minLength: 1 }),
        bytes: { type: 'boolean', description: 'BYTES: the raw bytes; otherwise the value decoded as UTF-8 text.' },
      },
      ['header', 'as'],
    ),
    else: closed(
      'INCLUDE <item> AS <column>.',
      {
        item: { enum: ['key', 'partition', 'offset', 'timestamp', 'headers'], description: 'The metadata to include.' },
        as: text('The column name.', { minLength: 1 }),
      },
      ['item', 'as'],
    ),
  },
};

/** The schema of each manifest key of an entry, by its codec. */
type KeySchemas<K extends SourceCodecKind> = (codec: Extract<SourceCodec, { kind: K }>, entry: SourceOptionEntry) => JsonSchema[];

const KEY_SCHEMAS: { readonly [K in SourceCodecKind]: KeySchemas<K> } = {
  reference: (_c, e) => [ref('reference', e.doc)],
  generator: (c, e) => [{ enum: [...(c.values ?? [])], description: e.doc }],
  envelope: (c, e) => [
    { enum: [...(c.values ?? [])], description: e.doc },
    ...(c.inlineErrors
      ? [
          {
            type: ['string', 'object'],
            'x-expected': "'inline' or {inline: true, as: column}",
            description:
              'VALUE DECODING ERRORS = INLINE (envelope upsert only): a value that fails to decode becomes an error column instead of stalling the source; {inline: true, as: column} names the column (server default `error`).',
            if: { type: 'string' },
            then: { const: 'inline', description: 'INLINE.' },
            else: closed('INLINE AS <column>.', { inline: { const: true, description: 'INLINE.' }, as: text('The error column.', { minLength: 1 }) }, ['inline']),
          } satisfies JsonSchema,
        ]
      : []),
  ],
  text: (c, e) => [c.values ? { enum: [...c.values], description: e.doc } : text(e.doc, { minLength: 1 })],
  boolean: (_c, e) => [{ type: 'boolean', description: e.doc }],
  number: (c, e) => [{ type: c.integer ? 'integer' : 'number', ...(c.min > Number.MIN_SAFE_INTEGER ? { minimum: c.min } : {}), description: e.doc }],
  'integer-list': (_c, e) => [
    { type: 'array', items: { type: 'integer', minimum: 0, description: 'The offset to start from in one partition.' }, minItems: 1, description: e.doc },
  ],
  'column-list': (_c, e) => [columnList(e.doc)],
  'kafka-format': () => [
    { ...format, description: `FORMAT, for key and value alike. ${format.description}` },
    { ...format, description: `KEY FORMAT; requires value_format. ${format.description}` },
    { ...format, description: `VALUE FORMAT; requires key_format. ${format.description}` },
  ],
  'include-list': (_c, e) => [{ type: 'array', items: includeItem, minItems: 1, description: e.doc }],
  'progress-subsource': (_c, e) => [
    {
      type: ['string', 'object'],
      'x-expected': 'a name or {name, schema, database}',
      description: e.doc,
      if: { type: 'string' },
      then: ref('objectName', "The name, in the source's schema."),
      else: closed(
        'The name, schema and database of the progress subsource.',
        {
          name: ref('objectName', 'Its name.'),
          schema: ref('objectName', "Its schema; absent means the source's schema."),
          database: ref('objectName', "Its database; absent means the source's database."),
        },
        ['name'],
      ),
    },
  ],
  'table-selection': (c, e) => (c.allOnly ? [{ const: 'all', description: e.doc }] : tableSelection(c.upstream)),
};

/** The manifest keys of one registry field with their schemas, as a source has them (a Kafka table's FORMAT, ENVELOPE, INCLUDE). */
export function sourceFieldSchemas(type: SourceType, field: string, describe: (doc: string) => string = (d) => d): Record<string, JsonSchema> {
  const entry = sourceEntries(type).find(([f]) => f === field)?.[1];
  if (!entry) throw new Error(`${type} sources have no field ${field}`);
  const schemas = (KEY_SCHEMAS[entry.codec.kind] as KeySchemas<SourceCodecKind>)(entry.codec as never, entry);
  return Object.fromEntries(entry.keys.map((key, i) => [key, { ...schemas[i]!, description: describe(String(schemas[i]!.description ?? '')) }]));
}

/** A source type's definition, from its registry entries. */
function definition(type: SourceType, description: string): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...sourceCommon(type) };
  const required = ['type'];
  for (const [, entry] of sourceEntries(type)) {
    const schemas = (KEY_SCHEMAS[entry.codec.kind] as KeySchemas<SourceCodecKind>)(entry.codec as never, entry);
    entry.keys.forEach((key, i) => {
      properties[key] = schemas[i]!;
    });
    if (entry.required && entry.keys.length === 1) required.push(entry.keys[0]!);
  }
  return closed(description, properties, required);
}

const DESCRIPTIONS: Record<SourceType, string> = {
  kafka: 'A Kafka topic.',
  postgres: 'A PostgreSQL publication, replicated into subsources.',
  mysql: 'MySQL tables, replicated into subsources from the binlog.',
  'load-generator': 'A built-in load generator, for trying things out.',
};

export const SOURCE_DEFINITION_BY_TYPE: Record<SourceType, string> = {
  kafka: 'kafkaSource',
  postgres: 'postgresSource',
  mysql: 'mysqlSource',
  'load-generator': 'loadGeneratorSource',
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
  ...Object.fromEntries(SOURCE_TYPES.map((type) => [SOURCE_DEFINITION_BY_TYPE[type], definition(type, DESCRIPTIONS[type])])),
};
