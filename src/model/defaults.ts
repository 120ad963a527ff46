import type { ConnectionSpec, KafkaConnection, KafkaSecurityProtocol } from './connections.js';
import type { MzObject } from './objects.js';
import { connectionEntries } from './registry/connection-registry.js';
import { normalizedText } from './registry/option.js';
import { sourceEntries } from './registry/source-registry.js';
import { formatAsStored, type Envelope, type KafkaFormat, type SourceSpec } from './sources.js';
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
 * Each registry entry's `serverDefault` filled in, text normalized to the
 * case its codec declares; Kafka's security protocol, whose default depends
 * on other options, computed.
 */
export function withConnectionDefaults(spec: ConnectionSpec): ConnectionSpec {
  const out: Record<string, unknown> = { ...spec };
  for (const [field, entry] of connectionEntries(spec.type)) {
    const value = out[field];
    if (value === undefined && entry.serverDefault !== undefined) out[field] = entry.serverDefault;
    else if (typeof value === 'string' && entry.codec.kind === 'text') out[field] = normalizedText(entry.codec, value);
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
  for (const [field, entry] of sourceEntries(spec.type)) {
    if (out[field] === undefined && entry.serverDefault !== undefined) out[field] = entry.serverDefault;
    // The server keeps no Avro schema strategy (purification turns it into the SEED schema).
    if (entry.codec.kind === 'kafka-format' && out[field] !== undefined) out[field] = kafkaFormatAsStored(out[field] as KafkaFormat);
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
