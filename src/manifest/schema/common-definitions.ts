import { closed, text, type JsonSchema } from './json-schema.js';

/** Shapes shared by every part of the manifest: references, secret options, per-object settings. */
export const commonDefinitions: Record<string, JsonSchema> = {
  objectName: {
    type: 'string',
    minLength: 1,
    description: 'An object name, exactly as it will exist in Materialize (case-sensitive; any character, dots included).',
  },
  reference: {
    type: ['string', 'object'],
    'x-expected': 'an object name or {name, schema_name, database_name}',
    description:
      'A reference to an object declared in this manifest. A plain string names an object in the default database and schema (`defaults`); use {name, schema_name, database_name} for an object elsewhere.',
    if: { type: 'object' },
    then: closed(
      'A reference to an object in another schema or database.',
      {
        name: { $ref: '#/definitions/objectName', description: 'The name of the object.' },
        schema_name: text('The schema of the object; defaults to `defaults.schema`.', { minLength: 1 }),
        database_name: text('The database of the object; defaults to `defaults.database`.', { minLength: 1 }),
      },
      ['name'],
    ),
  },
  secretReference: closed(
    'A value held in a secret: {secret: <secret name>}. Options that Materialize only takes as a secret (passwords, private keys) accept nothing else, so the manifest never holds a credential.',
    { secret: { $ref: '#/definitions/reference', description: 'The secret that holds the value.' } },
    ['secret'],
  ),
  textOrSecret: {
    type: ['string', 'object'],
    'x-expected': 'text or {secret: <name>}',
    description: 'A value Materialize accepts either in clear text or from a secret: a string, or {secret: <secret name>}.',
    if: { type: 'object' },
    then: { $ref: '#/definitions/secretReference', description: 'The secret that holds the value.' },
  },
  secretOnly: {
    type: 'object',
    'x-expected': 'a secret reference {secret: <name>} (never a value written in the manifest)',
    description: 'A value Materialize only accepts from a secret: {secret: <secret name>}.',
    $ref: '#/definitions/secretReference',
  },
  comment: text('`COMMENT ON` the object (at most 1024 bytes).'),
  renamedFrom: text(
    'The name this object had until now, in the same database and schema: the plan renames it in place (`ALTER ... RENAME TO`), keeping its id, data, SSH keys and PrivateLink principal, instead of creating a new one. Remove it once applied, or keep it: once renamed it changes nothing.',
    { minLength: 1 },
  ),
  owner: text('The role that owns the object (`ALTER ... OWNER TO`). Omit to leave ownership alone.', { minLength: 1 }),
  databaseName: text('The Materialize database this object lives in; overrides `defaults.database`.', { minLength: 1 }),
  schemaName: text('The Materialize schema this object lives in; overrides `defaults.schema`.', { minLength: 1 }),
  upstreamReference: {
    type: ['string', 'array'],
    'x-expected': 'a dotted name such as public.orders, or a list of its parts',
    description:
      'An upstream table or column, outermost part first: `public.orders` or `[public, orders]`. A string is split on dots; use the list form when a part contains a dot.',
    items: { type: 'string', minLength: 1, description: 'One part of the upstream name.' },
    minItems: 1,
    minLength: 1,
  },
};
