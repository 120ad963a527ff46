import { CONNECTION_TYPES, type ConnectionType } from '../../model/index.js';
import { connectionEntries } from '../../model/index.js';
import type { Codec, CodecKind, OptionPart } from '../../model/index.js';
import { closed, port, ref, text, type JsonSchema } from './json-schema.js';

/** Properties every connection has besides its type-specific options. */
function connectionCommon(type: string): Record<string, JsonSchema> {
  return {
    type: { const: type, description: 'The kind of connection.' },
    validate: {
      type: 'boolean',
      description:
        'Set to false to create the connection `WITH (VALIDATE = false)`, e.g. while the upstream is not reachable yet. Omit to use the server default.',
    },
    comment: ref('comment', '`COMMENT ON CONNECTION`.'),
    renamed_from: ref('renamedFrom', 'The connection\'s previous name: `ALTER CONNECTION ... RENAME TO`.'),
    owner: ref('owner', 'Owner role of the connection.'),
    database_name: ref('databaseName', 'Materialize database of the connection.'),
    schema_name: ref('schemaName', 'Materialize schema of the connection.'),
  };
}

const kafkaBroker: JsonSchema = {
  type: ['string', 'object'],
  'x-expected': "a broker address 'host:port', {address, ...} or {matching, aws_privatelink, ...}",
  description:
    "A Kafka bootstrap broker: 'host:port', or {address, ssh_tunnel} / {address, aws_privatelink, privatelink_port, availability_zone} to reach it through a tunnel; or a rule {matching: '*.use1-az1.*', aws_privatelink, availability_zone, privatelink_port} routing every advertised broker whose host:port matches through that PrivateLink (Materialize's `MATCHING` entry; needs the enable_kafka_broker_matching_rules feature flag and a static broker in the same list).",
  if: { type: 'object' },
  then: closed(
    'A broker reached through an SSH tunnel or an AWS PrivateLink, or a MATCHING rule.',
    {
      address: text("The broker's advertised address, 'host:port'.", { minLength: 1 }),
      matching: text(
        "`MATCHING`: a pattern for advertised brokers' 'host:port', with `*` allowed only as a leading and/or trailing wildcard; needs aws_privatelink. Set either address or matching.",
        { minLength: 1 },
      ),
      ssh_tunnel: ref('reference', '`USING SSH TUNNEL`: an ssh-tunnel connection for this broker.'),
      aws_privatelink: ref('reference', '`USING AWS PRIVATELINK`: an aws-privatelink connection for this broker.'),
      privatelink_port: port("PORT: the PrivateLink service's listener port for this broker; defaults to the broker's port."),
      availability_zone: text(
        "AVAILABILITY ZONE: the zone ID (e.g. use1-az1) in which the broker is reachable; one of the PrivateLink connection's availability_zones.",
        { minLength: 1 },
      ),
    },
  ),
};

/** The schema of one option part, by its entry's codec. */
type PartSchema<K extends CodecKind> = (codec: Extract<Codec, { kind: K }>, part: OptionPart, index: number) => JsonSchema;

const PART_SCHEMA: { readonly [K in CodecKind]: PartSchema<K> } = {
  text: (codec, part) => (codec.values ? { enum: [...codec.values, ...Object.keys(codec.aliases ?? {})], description: part.doc } : text(part.doc, { minLength: 1 })),
  'text-or-secret': (_c, part) => ref('textOrSecret', part.doc),
  secret: (_c, part) => ref('secretOnly', part.doc),
  integer: (codec, part) =>
    codec.min === 1 && codec.max === 65535 ? port(part.doc) : { type: 'integer', minimum: codec.min, ...(codec.max !== undefined ? { maximum: codec.max } : {}), description: part.doc },
  'text-list': (_c, part) => ({ type: 'array', description: part.doc, items: text('An availability zone ID.', { minLength: 1 }), uniqueItems: true }),
  reference: (_c, part) => ref('reference', part.doc),
  'network-path': (_c, part) => ref('reference', part.doc),
  'kafka-brokers': (_c, part, i) =>
    i === 0
      ? { ...kafkaBroker, description: `${part.doc} ${kafkaBroker.description}` }
      : { type: 'array', description: part.doc, items: kafkaBroker, minItems: 1 },
  'kafka-default-path': (_c, part, i) => (i === 2 ? port(part.doc) : ref('reference', part.doc)),
};

/** A connection type's definition, from its registry entries. */
function definition(type: ConnectionType, description: string): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...connectionCommon(type) };
  const required = ['type'];
  for (const [, entry] of connectionEntries(type)) {
    entry.parts.forEach((part, i) => {
      properties[part.key] = (PART_SCHEMA[entry.codec.kind] as PartSchema<CodecKind>)(entry.codec as never, part, i);
    });
    if (entry.required && entry.parts.length === 1) required.push(entry.parts[0]!.key);
  }
  return closed(description, properties, required);
}

const DESCRIPTIONS: Record<ConnectionType, string> = {
  'ssh-tunnel': 'An SSH tunnel through a bastion host. Materialize generates its key pair; install the public keys on the bastion.',
  'aws-privatelink': "An AWS PrivateLink endpoint service. Allow the connection's principal on the endpoint service after creating it.",
  aws: 'AWS credentials: an IAM role to assume (recommended) or access keys.',
  kafka: 'A Kafka cluster.',
  'confluent-schema-registry': 'A Confluent Schema Registry, used by Avro and Protobuf formats.',
  postgres: 'A PostgreSQL database.',
  mysql: 'A MySQL server.',
};

export const CONNECTION_DEFINITION_BY_TYPE: Record<ConnectionType, string> = {
  'ssh-tunnel': 'sshTunnelConnection',
  'aws-privatelink': 'awsPrivatelinkConnection',
  aws: 'awsConnection',
  kafka: 'kafkaConnection',
  'confluent-schema-registry': 'schemaRegistryConnection',
  postgres: 'postgresConnection',
  mysql: 'mysqlConnection',
};

export const connectionDefinitions: Record<string, JsonSchema> = Object.fromEntries(
  CONNECTION_TYPES.map((type) => [CONNECTION_DEFINITION_BY_TYPE[type], definition(type, DESCRIPTIONS[type])]),
);
