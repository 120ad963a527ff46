import { CONNECTION_TYPES, type ConnectionSpec, type KafkaConnection, type KafkaSecurityProtocol } from './connections.js';
import { byType } from './by-type.js';
import { ifDefined } from './if-defined.js';
import type { MzObject } from './objects.js';
import { connectionEntries } from './registry/connection-registry.js';
import { normalizedText, type TextCodec } from './registry/option.js';
import { sourceEntries } from './registry/source-registry.js';
import { SOURCE_TYPES, formatAsStored, type Envelope, type KafkaFormat, type SourceSpec } from './sources.js';
import type { TableSpec } from './tables.js';

/**
 * The server's defaults, made explicit so that "not written" and "written as
 * the default" compare equal. Applied to both sides of a diff, never to what
 * is rendered: the SQL says only what the user said.
 */
export function kafkaDefaultSecurityProtocol(spec: KafkaConnection): KafkaSecurityProtocol {
  const sasl = spec.saslMechanisms !== undefined || spec.saslUsername !== undefined || spec.saslPassword !== undefined;
  return sasl || spec.awsConnection !== undefined ? 'SASL_SSL' : 'SSL';
}

/**
 * What filling in the server's defaults does to one field: its `serverDefault`
 * when it is not written, its text normalized to the case (or alias) its codec
 * declares, its Kafka format as the server stores it. Listed once per type,
 * for the fields where it does anything: every object of a diff goes through them.
 */
interface FieldDefault {
  readonly field: string;
  readonly serverDefault?: string | number | boolean;
  /** A text codec that changes what it reads (a case or aliases). */
  readonly text?: TextCodec<string>;
  readonly kafkaFormat?: true;
}

const CONNECTION_DEFAULTS = byType(CONNECTION_TYPES, (type) =>
  connectionEntries(type).flatMap(([field, entry]): FieldDefault[] => {
    const text = entry.codec.kind === 'text' && (entry.codec.case !== undefined || entry.codec.aliases !== undefined) ? entry.codec : undefined;
    if (entry.serverDefault === undefined && text === undefined) return [];
    return [{ field, ...ifDefined('serverDefault', entry.serverDefault), ...ifDefined('text', text) }];
  }),
);

const SOURCE_DEFAULTS = byType(SOURCE_TYPES, (type) =>
  sourceEntries(type).flatMap(([field, entry]): FieldDefault[] => {
    const kafkaFormat = entry.codec.kind === 'kafka-format';
    if (entry.serverDefault === undefined && !kafkaFormat) return [];
    return [{ field, ...ifDefined('serverDefault', entry.serverDefault), ...(kafkaFormat ? { kafkaFormat: true as const } : {}) }];
  }),
);

/**
 * Each registry entry's `serverDefault` filled in, text normalized to the
 * case its codec declares; Kafka's security protocol, whose default depends
 * on other options, computed.
 */
export function withConnectionDefaults(spec: ConnectionSpec): ConnectionSpec {
  const out: Record<string, unknown> = { ...spec };
  for (const { field, serverDefault, text } of CONNECTION_DEFAULTS[spec.type]) {
    const value = out[field];
    if (value === undefined && serverDefault !== undefined) out[field] = serverDefault;
    else if (typeof value === 'string' && text !== undefined) out[field] = normalizedText(text, value);
  }
  if (spec.type === 'kafka' && spec.securityProtocol === undefined) out.securityProtocol = kafkaDefaultSecurityProtocol(spec);
  return out as ConnectionSpec;
}

function kafkaFormatAsStored(f: KafkaFormat): KafkaFormat {
  return f.kind === 'bare' ? { kind: 'bare', format: formatAsStored(f.format) } : { kind: 'key-value', key: formatAsStored(f.key), value: formatAsStored(f.value) };
}

/** Each source registry entry's `serverDefault` filled in (Kafka's ENVELOPE NONE); formats as the server stores them. */
export function withSourceDefaults(spec: SourceSpec): SourceSpec {
  const out: Record<string, unknown> = { ...spec };
  for (const { field, serverDefault, kafkaFormat } of SOURCE_DEFAULTS[spec.type]) {
    if (out[field] === undefined && serverDefault !== undefined) out[field] = serverDefault;
    // The server keeps no Avro schema strategy (purification turns it into the SEED schema).
    if (kafkaFormat && out[field] !== undefined) out[field] = kafkaFormatAsStored(out[field] as KafkaFormat);
  }
  return out as unknown as SourceSpec;
}

/** A Kafka table's ENVELOPE when none is written: the Kafka source's, from the source registry. */
const KAFKA_ENVELOPE_DEFAULT = sourceEntries('kafka').find(([field]) => field === 'envelope')?.[1].serverDefault as Envelope;

/**
 * A table as the server holds it: a Kafka table's ENVELOPE NONE when none is
 * written and its format as stored (as a Kafka source's), TEXT / EXCLUDE
 * COLUMNS sorted (purification writes them in column order, which the
 * manifest does not know; a set either way).
 */
export function withTableDefaults(spec: TableSpec): TableSpec {
  switch (spec.type) {
    case 'kafka':
      return { ...spec, envelope: spec.envelope ?? KAFKA_ENVELOPE_DEFAULT, ...(spec.format ? { format: kafkaFormatAsStored(spec.format) } : {}) };
    case 'postgres':
    case 'mysql':
      return {
        ...spec,
        ...(spec.textColumns ? { textColumns: [...spec.textColumns].sort() } : {}),
        ...(spec.excludeColumns ? { excludeColumns: [...spec.excludeColumns].sort() } : {}),
      };
    case 'load-generator':
      return spec;
  }
}

/** The object as the server would hold it: defaults filled in, for comparison only. */
export function withDefaults<T extends MzObject>(object: T): T {
  switch (object.kind) {
    case 'secret':
      return object;
    case 'connection':
      return { ...object, spec: withConnectionDefaults(object.spec) };
    case 'source':
      return { ...object, spec: withSourceDefaults(object.spec) };
    case 'table':
      return { ...object, spec: withTableDefaults(object.spec) };
  }
  return object;
}
