import { commonDefinitions } from './common-definitions.js';
import { CONNECTION_DEFINITION_BY_TYPE, connectionDefinitions } from './connection-definitions.js';
import { closed, ref, text, type JsonSchema } from './json-schema.js';
import { SOURCE_DEFINITION_BY_TYPE, sourceDefinitions } from './source-definitions.js';
import { tableDefinition } from './table-definitions.js';

/** Picks the definition by the `type` key, so that errors come from the matching definition only. */
function byType(kind: string, definitions: Record<string, string>): JsonSchema {
  const types = Object.keys(definitions);
  return {
    type: 'object',
    description: `A ${kind}, keyed by its name. \`type\` selects the kind of ${kind} and its options.`,
    required: ['type'],
    properties: { type: { enum: types, description: `The kind of ${kind}.` } },
    allOf: types.map((type) => ({
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: { $ref: `#/definitions/${definitions[type]}` },
    })),
  };
}

const variableMap = (description: string): JsonSchema => ({
  type: 'object',
  description,
  propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', 'x-expected': 'a variable name (letters, digits and _, not starting with a digit)' },
  additionalProperties: {
    type: ['string', 'number', 'boolean', 'array'],
    'x-expected': 'text, a number, true or false, or a list',
    description: 'The value; text may itself use ${env:NAME} and ${file:path}.',
  },
});

/** A schema name in the default database, or {database_name, schema_name}: `scope` and `schemas` items. */
const SCHEMA_ITEM: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': 'a schema name or {database_name, schema_name}',
  description: 'A schema name in the default database, or {database_name, schema_name}.',
  minLength: 1,
  if: { type: 'object' },
  then: closed(
    'A schema in another database.',
    {
      database_name: text('The database.', { minLength: 1 }),
      schema_name: text('The schema.', { minLength: 1 }),
    },
    ['schema_name'],
  ),
};

const objectMap = (description: string, item: JsonSchema): JsonSchema => ({
  type: 'object',
  description,
  propertyNames: { minLength: 1 },
  additionalProperties: item,
});

/**
 * The manifest's JSON Schema (draft-07, which editors support best). It is
 * built here and written to `schemas/manifest.schema.json`; a test keeps the
 * two identical.
 */
export const manifestSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'mzform manifest',
  ...closed(
    'The manifest.',
    {
      version: { const: 1, description: 'The manifest format version. Always 1.' },
      defaults: closed('Where objects go when they do not say, and how plain-string references resolve.', {
        database: text('The default database (Materialize default: materialize).', { minLength: 1 }),
        schema: text('The default schema (Materialize default: public).', { minLength: 1 }),
        cluster: text('The default cluster for sources (e.g. quickstart). Sources without `cluster` need it.', { minLength: 1 }),
      }),
      scope: {
        type: 'array',
        description:
          'More schemas that mzform manages besides those the declared objects live in: objects found there that the manifest does not declare are shown, and dropped with `prune`. Each item is a schema name in the default database, or {database_name, schema_name}.',
        items: SCHEMA_ITEM,
      },
      clusters: objectMap(
        'Managed clusters the sources run in, keyed by name: created when missing (CREATE CLUSTER), resized in place (ALTER CLUSTER ... SET), never dropped.',
        closed(
          'A managed cluster.',
          {
            size: text("SIZE, e.g. '25cc'.", { minLength: 1 }),
            replication_factor: { type: 'integer', minimum: 0, description: 'REPLICATION FACTOR: the number of replicas (Materialize default: 1).' },
          },
          ['size'],
        ),
      ),
      databases: {
        type: 'array',
        description: 'Databases to create when missing (CREATE DATABASE); never dropped.',
        items: text('A database name.', { minLength: 1 }),
        uniqueItems: true,
      },
      schemas: {
        type: 'array',
        description:
          'Schemas to create when missing (CREATE SCHEMA); never dropped. Each item is a schema name in the default database, or {database_name, schema_name}.',
        items: SCHEMA_ITEM,
      },
      prune: {
        type: 'boolean',
        description: 'Drop objects in scope that the manifest does not declare. Default false: they are only shown.',
      },
      secrets: objectMap(
        'Secrets, keyed by name. Values come from the environment or a file, never from the manifest itself.',
        closed(
          'A secret.',
          {
            value: text(
              'Where the value comes from: ${env:NAME} (an environment variable), ${file:path} (a file, relative to the manifest file), or ${var:name} holding one of those (per environment). A value written in the manifest is refused.',
              { pattern: '^\\$\\{(env:[A-Za-z_][A-Za-z0-9_]*|file:[^}]+|var:[A-Za-z_][A-Za-z0-9_]*)\\}$', 'x-expected': '${env:NAME} or ${file:path}, never the secret value itself' },
            ),
            comment: ref('comment', '`COMMENT ON SECRET`.'),
            renamed_from: ref('renamedFrom', 'The secret\'s previous name: `ALTER SECRET ... RENAME TO`.'),
            owner: ref('owner', 'Owner role of the secret.'),
            database_name: ref('databaseName', 'Materialize database of the secret.'),
            schema_name: ref('schemaName', 'Materialize schema of the secret.'),
          },
          ['value'],
        ),
      ),
      connections: objectMap('Connections, keyed by name.', byType('connection', CONNECTION_DEFINITION_BY_TYPE)),
      sources: objectMap('Sources, keyed by name.', byType('source', SOURCE_DEFINITION_BY_TYPE)),
      tables: objectMap(
        'Tables from sources (Materialize v26: CREATE TABLE ... FROM SOURCE), keyed by name. Each reads one upstream table, topic or load-generator output of a source declared here.',
        tableDefinition,
      ),
      variables: variableMap('Values used as ${var:name} in any string field, for every environment; an environment\'s `variables` override them.'),
      environments: {
        type: 'object',
        description: 'Environments, keyed by name (staging, production). `--environment` selects one; its variables override the defaults in `variables`.',
        propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', 'x-expected': 'an environment name (letters, digits, _ . -)' },
        additionalProperties: closed('One environment.', {
          variables: variableMap('This environment\'s values for ${var:name}.'),
        }),
      },
      external: closed(
        'Objects the manifest references by name but does not manage (like Terraform data sources): never created, changed or dropped. `plan` checks that each exists with this kind and type.',
        {
          secrets: objectMap(
            'Secrets managed elsewhere, keyed by name.',
            closed('A secret managed elsewhere.', {
              database_name: ref('databaseName', 'Materialize database of the secret.'),
              schema_name: ref('schemaName', 'Materialize schema of the secret.'),
            }),
          ),
          connections: objectMap(
            'Connections managed elsewhere, keyed by name.',
            closed(
              'A connection managed elsewhere.',
              {
                type: { enum: Object.keys(CONNECTION_DEFINITION_BY_TYPE), description: 'The type the connection must have.' },
                database_name: ref('databaseName', 'Materialize database of the connection.'),
                schema_name: ref('schemaName', 'Materialize schema of the connection.'),
              },
              ['type'],
            ),
          ),
        },
      ),
    },
    ['version'],
  ),
  patternProperties: {
    '^x-': { description: 'Ignored by mzform: a place for shared values to reuse with YAML anchors and merge keys (`<<: *base`).' },
  },
  description:
    'Materialize secrets, connections and sources, declared. `mzform plan` compares this file with the live catalog; `mzform apply` makes the catalog match it.',
  definitions: { ...commonDefinitions, ...connectionDefinitions, ...sourceDefinitions },
};
