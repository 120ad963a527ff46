import {
  type ConnectionSpec,
  type ConnectionType,
  type Format,
  type KafkaBroker,
  type KafkaFormat,
  type ObjectName,
  type SourceSpec,
  type SourceType,
  type TableSelection,
  type TextOrSecret,
  type TlsOptions,
} from '../model/index.js';

/**
 * Model -> manifest document, the inverse of the manifest's converters: the
 * keys and shapes `loadManifest` reads back into the same model. Optional
 * fields absent in the model are absent here, so the manifest says only what
 * the catalog holds.
 */

export type Doc = Record<string, unknown>;

/** How a reference is written: a plain name in the default schema, a mapping elsewhere. */
export type WriteRef = (target: ObjectName) => unknown;

type SpecOf<T extends ConnectionType> = Extract<ConnectionSpec, { type: T }>;

const connectionWriters: { [T in ConnectionType]: (spec: SpecOf<T>, ref: WriteRef) => Doc } = {
  'ssh-tunnel': (spec) => ({ host: spec.host, ...opt('port', spec.port), user: spec.user }),
  'aws-privatelink': (spec) => ({ service_name: spec.serviceName, availability_zones: [...spec.availabilityZones] }),
  aws: (spec, ref) => ({
    ...opt('assume_role_arn', spec.assumeRoleArn),
    ...opt('assume_role_session_name', spec.assumeRoleSessionName),
    ...opt('access_key_id', textOrSecret(spec.accessKeyId, ref)),
    ...opt('secret_access_key', secretRef(spec.secretAccessKey, ref)),
    ...opt('session_token', textOrSecret(spec.sessionToken, ref)),
    ...opt('region', spec.region),
    ...opt('endpoint', spec.endpoint),
  }),
  kafka: (spec, ref) => {
    const path = spec.defaultPath;
    const brokers =
      spec.brokers.length === 1 && spec.brokers[0]?.path === undefined && path?.kind !== 'aws-privatelink'
        ? { broker: spec.brokers[0]?.address }
        : spec.brokers.length > 0
          ? { brokers: spec.brokers.map((b) => broker(b, ref)) }
          : {};
    return {
      ...brokers,
      ...(path?.kind === 'ssh-tunnel' ? { ssh_tunnel: ref(path.connection) } : {}),
      ...(path?.kind === 'aws-privatelink' ? { aws_privatelink: ref(path.connection), ...opt('privatelink_port', path.port) } : {}),
      ...opt('security_protocol', spec.securityProtocol),
      ...opt('sasl_mechanisms', spec.saslMechanisms),
      ...opt('sasl_username', textOrSecret(spec.saslUsername, ref)),
      ...opt('sasl_password', secretRef(spec.saslPassword, ref)),
      ...tls(spec, ref),
      ...opt('aws_connection', spec.awsConnection && ref(spec.awsConnection)),
      ...opt('progress_topic', spec.progressTopic),
      ...opt('progress_topic_replication_factor', spec.progressTopicReplicationFactor),
    };
  },
  'confluent-schema-registry': (spec, ref) => ({
    url: spec.url,
    ...opt('username', textOrSecret(spec.username, ref)),
    ...opt('password', secretRef(spec.password, ref)),
    ...tls(spec, ref),
    ...networkPath(spec.path, ref),
  }),
  postgres: (spec, ref) => ({
    host: spec.host,
    ...opt('port', spec.port),
    database: spec.database,
    user: textOrSecret(spec.user, ref),
    ...opt('password', secretRef(spec.password, ref)),
    ...opt('ssl_mode', spec.sslMode),
    ...tls(spec, ref),
    ...networkPath(spec.path, ref),
    ...opt('aws_connection', spec.awsConnection && ref(spec.awsConnection)),
  }),
  mysql: (spec, ref) => ({
    host: spec.host,
    ...opt('port', spec.port),
    user: textOrSecret(spec.user, ref),
    ...opt('password', secretRef(spec.password, ref)),
    ...opt('ssl_mode', spec.sslMode),
    ...tls(spec, ref),
    ...networkPath(spec.path, ref),
    ...opt('aws_connection', spec.awsConnection && ref(spec.awsConnection)),
  }),
};

export function connectionDocument(spec: ConnectionSpec, ref: WriteRef): Doc {
  const write = connectionWriters[spec.type] as (spec: ConnectionSpec, ref: WriteRef) => Doc;
  return { type: spec.type, ...write(spec, ref) };
}

type SourceOf<T extends SourceType> = Extract<SourceSpec, { type: T }>;

/** `placement` is the source's own schema: subsources named with `{table, name}` live there. */
const sourceWriters: { [T in SourceType]: (spec: SourceOf<T>, ref: WriteRef, source: ObjectName) => Doc } = {
  kafka: (spec, ref) => ({
    connection: ref(spec.connection),
    topic: spec.topic,
    ...kafkaFormat(spec.format, ref),
    ...opt('envelope', spec.envelope),
    ...opt('include', spec.include?.map((i) => (i.alias === undefined ? i.item : { item: i.item, as: i.alias }))),
    ...opt('start_offset', spec.startOffset && [...spec.startOffset]),
    ...opt('group_id_prefix', spec.groupIdPrefix),
  }),
  postgres: (spec, ref, source) => ({
    connection: ref(spec.connection),
    publication: spec.publication,
    ...tables(spec.tables, source),
    ...columns(spec),
  }),
  mysql: (spec, ref, source) => ({ connection: ref(spec.connection), ...tables(spec.tables, source), ...columns(spec) }),
  'load-generator': (spec) => ({
    generator: spec.generator,
    ...opt('tick_interval', spec.tickInterval),
    ...opt('as_of', spec.asOf),
    ...opt('up_to', spec.upTo),
    ...opt('scale_factor', spec.scaleFactor),
    ...opt('max_cardinality', spec.maxCardinality),
    // AUCTION, MARKETING and TPCH need FOR ALL TABLES, which the stored create_sql never keeps (src/sql/src/pure.rs:1249-1252).
    ...(spec.tables !== undefined || spec.generator !== 'counter' ? { tables: 'all' } : {}),
  }),
};

/** `source` is the source's own name: subsources elsewhere say their schema and database. */
export function sourceDocument(spec: SourceSpec, ref: WriteRef, source: ObjectName): Doc {
  const write = sourceWriters[spec.type] as (spec: SourceSpec, ref: WriteRef, source: ObjectName) => Doc;
  return { type: spec.type, ...write(spec, ref, source) };
}

function opt(key: string, value: unknown): Doc {
  return value === undefined ? {} : { [key]: value };
}

function textOrSecret(value: TextOrSecret | undefined, ref: WriteRef): unknown {
  if (value === undefined) return undefined;
  return value.kind === 'text' ? value.value : { secret: ref(value.secret) };
}

function secretRef(target: ObjectName | undefined, ref: WriteRef): unknown {
  return target === undefined ? undefined : { secret: ref(target) };
}

function tls(spec: TlsOptions, ref: WriteRef): Doc {
  return {
    ...opt('ssl_certificate_authority', textOrSecret(spec.sslCertificateAuthority, ref)),
    ...opt('ssl_certificate', textOrSecret(spec.sslCertificate, ref)),
    ...opt('ssl_key', secretRef(spec.sslKey, ref)),
  };
}

function networkPath(path: { kind: 'ssh-tunnel' | 'aws-privatelink'; connection: ObjectName } | undefined, ref: WriteRef): Doc {
  if (path === undefined) return {};
  return path.kind === 'ssh-tunnel' ? { ssh_tunnel: ref(path.connection) } : { aws_privatelink: ref(path.connection) };
}

function broker(b: KafkaBroker, ref: WriteRef): unknown {
  if (b.path === undefined) return b.address;
  if (b.path.kind === 'ssh-tunnel') return { address: b.address, ssh_tunnel: ref(b.path.connection) };
  return {
    address: b.address,
    aws_privatelink: ref(b.path.connection),
    ...opt('privatelink_port', b.path.port),
    ...opt('availability_zone', b.path.availabilityZone),
  };
}

function kafkaFormat(format: KafkaFormat | undefined, ref: WriteRef): Doc {
  if (format === undefined) return {};
  if (format.kind === 'bare') return { format: formatDoc(format.format, ref) };
  return { key_format: formatDoc(format.key, ref), value_format: formatDoc(format.value, ref) };
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
        ...opt('delimiter', format.delimiter),
      };
    case 'avro':
    case 'protobuf':
      return { type: format.kind, schema_registry: ref(format.schemaRegistry) };
  }
}

/** An upstream name: dotted when no part holds a dot (the loader splits on dots), else the list of parts. */
function upstream(parts: readonly string[]): unknown {
  return parts.some((p) => p.includes('.')) ? [...parts] : parts.join('.');
}

function tables(selection: TableSelection, source: ObjectName): Doc {
  switch (selection.kind) {
    case 'all':
      return { tables: 'all' };
    case 'schemas':
      return { schemas: [...selection.schemas] };
    case 'tables':
      return {
        tables: selection.tables.map((t) =>
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

function columns(spec: { textColumns?: readonly (readonly string[])[]; excludeColumns?: readonly (readonly string[])[] }): Doc {
  return {
    ...opt('text_columns', spec.textColumns?.map(upstream)),
    ...opt('exclude_columns', spec.excludeColumns?.map(upstream)),
  };
}
