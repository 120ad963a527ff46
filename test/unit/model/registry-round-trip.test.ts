import { describe, expect, expectTypeOf, it } from 'vitest';
import { compareConnection } from '../../../src/diff/kinds/connection.js';
import { connectionDocument } from '../../../src/import/object-documents.js';
import { convertConnection } from '../../../src/manifest/connection-converter.js';
import type { ConnectionDoc, ConnectionDocOf, KafkaBrokerDoc, RefDoc, SourceDoc, SourceDocOf, SourceTableDoc, TextOrSecretDoc } from '../../../src/manifest/manifest-document.js';
import { compareSource } from '../../../src/diff/kinds/source.js';
import { sourceDocument } from '../../../src/import/object-documents.js';
import { convertSource } from '../../../src/manifest/source-converter.js';
import { ObjectContext } from '../../../src/manifest/object-context.js';
import { manifestSchema } from '../../../src/manifest/index.js';
import {
  CONNECTION_TYPES,
  SOURCE_TYPES,
  connectionEntries,
  sourceEntries,
  sourceEntry,
  manifestKeys,
  referencesOf,
  type Codec,
  type CodecKind,
  type Connection,
  type ConnectionSpec,
  type ConnectionType,
  type ObjectName,
  type OptionEntry,
  SOURCE_CODEC_PLACE,
  MULTI_OUTPUT_GENERATORS,
  type KafkaSource,
  type LoadGeneratorSource,
  type PostgresSource,
  type Source,
  type SourceCodec,
  type SourceCodecKind,
  type SourceOptionEntry,
  type SourceSpec,
  type SourceType,
  type TableSelection,
} from '../../../src/model/index.js';
import { parseCreateSql, renderCreate } from '../../../src/sql/index.js';
import { renderAlterConnection } from '../../../src/sql/render/alter.js';

/**
 * Every registry entry, one at a time, through every place that reads the
 * registry: CREATE and back through the create_sql parser, manifest and back
 * through `import`'s writer and the converter, references, the differ's
 * field names and alter-or-replace, ALTER CONNECTION, the JSON Schema. A new
 * entry is covered without a line here.
 */

const n = (name: string): ObjectName => ({ database: 'materialize', schema: 'public', name });
const DEFAULTS = { database: 'materialize', schema: 'public' };

/** A value of each codec, different from any other entry's default. */
const SAMPLE: { readonly [K in CodecKind]: (codec: Extract<Codec, { kind: K }>) => unknown } = {
  text: (c) => c.values?.[0] ?? 'sample-text',
  'text-or-secret': () => ({ kind: 'secret', secret: n('some_secret') }),
  secret: () => n('some_secret'),
  integer: (c) => Math.min(c.max ?? 4242, 4242),
  'text-list': () => ['use1-az1', 'use1-az2'],
  reference: () => n('some_connection'),
  'network-path': () => ({ kind: 'ssh-tunnel', connection: n('some_tunnel') }),
  'kafka-brokers': () => [{ address: 'b1:9092' }, { address: 'b2:9092', path: { kind: 'ssh-tunnel', connection: n('some_tunnel') } }],
  'kafka-default-path': () => ({ kind: 'ssh-tunnel', connection: n('some_tunnel') }),
};

const sample = (entry: OptionEntry): unknown => (SAMPLE[entry.codec.kind] as (c: Codec) => unknown)(entry.codec);

/** The type's required fields, each with its sample, plus `field`. */
function specWith(type: ConnectionType, field?: string): ConnectionSpec {
  const spec: Record<string, unknown> = { type };
  for (const [f, entry] of connectionEntries(type)) if (entry.required || f === field) spec[f] = sample(entry);
  return spec as unknown as ConnectionSpec;
}

const connection = (spec: ConnectionSpec): Connection => ({ kind: 'connection', name: n('c'), spec });

const cases = CONNECTION_TYPES.flatMap((type) => connectionEntries(type).map(([field, entry]) => ({ type, field, entry })));

describe('the option registry, entry by entry', () => {
  it('covers every connection type', () => {
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(CONNECTION_TYPES));
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)('$type $field: CREATE, then create_sql back to the same model', ({ type, field }) => {
    const spec = specWith(type, field);
    const sql = renderCreate(connection(spec)).sql;
    const back = parseCreateSql(sql, { defaultDatabase: 'materialize', defaultSchema: 'public' }).object as Connection;
    expect(back.spec).toEqual(spec);
  });

  it.each(cases)('$type $field: import writes it, the manifest reads it back', ({ type, field, entry }) => {
    const spec = specWith(type, field);
    const doc = connectionDocument(spec, (target) => target.name);
    for (const key of manifestKeys(entry).filter((k) => k !== 'privatelink_port')) {
      if (entry.codec.kind === 'kafka-brokers') expect(doc.broker ?? doc.brokers).toBeDefined();
      else if (entry.codec.kind === 'network-path' || entry.codec.kind === 'kafka-default-path') expect(doc.ssh_tunnel ?? doc.aws_privatelink).toBeDefined();
      else expect(doc[key], key).toBeDefined();
    }
    const ctx = new ObjectContext(['connections', 'c'], DEFAULTS);
    expect(convertConnection(doc as unknown as ConnectionDoc, ctx)).toEqual(spec);
  });

  it.each(cases)('$type $field: references name the field', ({ type, field, entry }) => {
    const refs = referencesOf(connection(specWith(type, field))).filter((r) => r.field === field || r.field.startsWith(`${field}.`) || r.field.startsWith(`${field}[`));
    const refers = ['secret', 'text-or-secret', 'reference', 'network-path', 'kafka-brokers', 'kafka-default-path'].includes(entry.codec.kind);
    expect(refs.length > 0).toBe(refers);
  });

  it.each(cases.filter((c) => !c.entry.required))('$type $field: set where it was absent, a change named by its manifest key', ({ type, field, entry }) => {
    const comparison = compareConnection(connection(specWith(type, field)), connection(specWith(type)));
    if (entry.serverDefault !== undefined && entry.serverDefault === sample(entry)) return;
    // Kafka's security protocol defaults from the SASL and AWS options: it changes with them.
    const own = comparison.fields.filter((f) => !(type === 'kafka' && field !== 'securityProtocol' && f.field === 'security_protocol'));
    expect(own.length).toBeGreaterThan(0);
    for (const change of own) expect(manifestKeys(entry)).toContain(change.field);
    expect(comparison.forcing.length > 0).toBe(!entry.alterable);
    if (entry.alterable) {
      const sql = renderAlterConnection(n('c'), specWith(type, field), [field]).sql;
      for (const part of entry.parts) if (part.key !== 'privatelink_port') expect(sql).toContain(part.sql);
    } else {
      expect(() => renderAlterConnection(n('c'), specWith(type, field), [field])).toThrow(/cannot be altered/);
    }
  });

  it.each(cases)('$type $field: the JSON Schema describes each manifest key', ({ type, entry }) => {
    const definitions = manifestSchema.definitions!;
    const definition = Object.values(definitions).find((d) => (d.properties?.type as { const?: string } | undefined)?.const === type);
    expect(definition).toBeDefined();
    for (const part of entry.parts) expect(definition!.properties![part.key]?.description).toEqual(part.key === 'broker' ? expect.stringContaining(part.doc) : part.doc);
  });
});

describe('manifest document types, derived from the registry', () => {
  it('have each key with its codec\'s document type, required where the registry says', () => {
    expectTypeOf<ConnectionDocOf<'postgres'>['host']>().toEqualTypeOf<string>();
    expectTypeOf<ConnectionDocOf<'postgres'>['user']>().toEqualTypeOf<TextOrSecretDoc>();
    expectTypeOf<ConnectionDocOf<'postgres'>['ssh_tunnel']>().toEqualTypeOf<RefDoc | undefined>();
    expectTypeOf<ConnectionDocOf<'postgres'>>().not.toHaveProperty('aws_connection');
    expectTypeOf<ConnectionDocOf<'kafka'>['brokers']>().toEqualTypeOf<KafkaBrokerDoc[] | undefined>();
    expectTypeOf<ConnectionDocOf<'kafka'>['broker']>().toEqualTypeOf<KafkaBrokerDoc | undefined>();
    expectTypeOf<ConnectionDocOf<'kafka'>['privatelink_port']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ConnectionDocOf<'kafka'>['security_protocol']>().toEqualTypeOf<'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL' | undefined>();
    expectTypeOf<ConnectionDocOf<'confluent-schema-registry'>['port']>().toEqualTypeOf<number | undefined>();
  });
});

/** A value of each source codec, different from the server default. */
const SOURCE_SAMPLE: { readonly [K in SourceCodecKind]: (codec: Extract<SourceCodec, { kind: K }>, entry: SourceOptionEntry) => unknown } = {
  reference: () => n('some_connection'),
  generator: (c) => c.values?.[0],
  text: (c) => c.values?.[0] ?? 'sample-text',
  envelope: (c, e) => (c.inlineErrors ? { kind: 'upsert', valueDecodingErrors: 'inline', alias: 'decode_error' } : c.values?.find((v) => v !== e.serverDefault)),
  number: (c) => (c.min < 0 ? -3600000 : c.integer ? Math.max(c.min, 42) : 1.5),
  boolean: (_c, e) => e.serverDefault !== true,
  'integer-list': () => [0, 10],
  'column-list': () => [['public', 't', 'c']],
  'kafka-format': () => ({
    kind: 'key-value',
    key: { kind: 'avro', schemaRegistry: n('csr'), keyStrategy: { kind: 'id', id: 7 }, valueStrategy: { kind: 'inline', schema: '{"type": "long"}' } },
    value: { kind: 'csv', columns: { kind: 'header', names: ['a'] }, delimiter: ';' },
  }),
  'include-list': () => [{ item: 'key' }, { item: 'partition', alias: 'p' }, { item: 'header', key: 'trace-id', alias: 'trace', bytes: true }],
  'progress-subsource': () => n('s_ingest_progress'),
  'table-selection': (c) =>
    c.allOnly ? { kind: 'all' } : { kind: 'tables', tables: [{ reference: ['public', 't'] }, { reference: ['public', 'u'], alias: n('u2') }] },
};

const sourceSample = (entry: SourceOptionEntry): unknown => (SOURCE_SAMPLE[entry.codec.kind] as (c: SourceCodec, e: SourceOptionEntry) => unknown)(entry.codec, entry);

/**
 * The type's required fields, each with its sample, plus `field`; for a load
 * generator option, the first generator that takes it, with what that
 * generator requires.
 */
function sourceSpecWith(type: SourceType, field?: string): SourceSpec {
  const spec: Record<string, unknown> = { type };
  for (const [f, entry] of sourceEntries(type)) if (entry.required || f === field) spec[f] = sourceSample(entry);
  const generators = field === undefined ? undefined : sourceEntry(type, field)?.generators;
  if (type === 'load-generator' && generators) {
    spec.generator = generators[0];
    for (const [f, entry] of sourceEntries(type)) if (entry.requiredBy?.includes(generators[0]!)) spec[f] = sourceSample(entry);
  }
  // AUCTION, MARKETING and TPCH always read all their tables: the manifest says `tables: all` for them.
  if (type === 'load-generator' && MULTI_OUTPUT_GENERATORS.includes(spec.generator as never)) spec.tables = { kind: 'all' };
  return spec as unknown as SourceSpec;
}

const source = (spec: SourceSpec): Source => ({ kind: 'source', name: n('s'), cluster: 'quickstart', spec });

const sourceCases = SOURCE_TYPES.flatMap((type) => sourceEntries(type).map(([field, entry]) => ({ type, field, entry })));

describe('the source registry, entry by entry', () => {
  it('covers every source type', () => {
    expect(new Set(sourceCases.map((c) => c.type))).toEqual(new Set(SOURCE_TYPES));
    expect(sourceCases.length).toBeGreaterThan(20);
  });

  it.each(sourceCases)('$type $field: CREATE SOURCE, then create_sql back to the same model', ({ type, field, entry }) => {
    const spec = sourceSpecWith(type, field);
    const sql = renderCreate(source(spec)).sql;
    if (SOURCE_CODEC_PLACE[entry.codec.kind] === 'option') expect(sql).toContain(`${entry.sql} = `);
    const back = parseCreateSql(sql, { defaultDatabase: 'materialize', defaultSchema: 'public' }).object as Source;
    expect(back.spec).toEqual(spec);
  });

  it.each(sourceCases)('$type $field: import writes it, the manifest reads it back', ({ type, field, entry }) => {
    const spec = sourceSpecWith(type, field);
    const doc = sourceDocument(spec, (target) => target.name, n('s'));
    expect(entry.keys.some((k) => doc[k] !== undefined)).toBe(true);
    const ctx = new ObjectContext(['sources', 's'], DEFAULTS);
    expect(convertSource(doc as unknown as SourceDoc, ctx, DEFAULTS)).toEqual(spec);
    expect(ctx.problems).toEqual([]);
  });

  it.each(sourceCases)('$type $field: references name the field', ({ type, field, entry }) => {
    const refs = referencesOf(source(sourceSpecWith(type, field))).filter((r) => r.field === field || r.field.startsWith(`${field}.`));
    expect(refs.length > 0).toBe(entry.codec.kind === 'reference' || entry.codec.kind === 'kafka-format');
  });

  // A generator's `tables` is implied by the generator (absent and `all` are the same), so it is not set on its own.
  it.each(sourceCases.filter((c) => !c.entry.required && c.entry.change !== 'per-table' && c.entry.codec.kind !== 'table-selection'))(
    '$type $field: set where it was absent, a change named by its manifest key',
    ({ type, field, entry }) => {
      const desired = sourceSpecWith(type, field);
      const { [field as keyof SourceSpec]: _set, ...actual } = desired;
      const comparison = compareSource(source(desired), source(actual as SourceSpec));
      expect(comparison.fields.length).toBeGreaterThan(0);
      for (const change of comparison.fields) expect(entry.keys).toContain(change.field);
      expect(comparison.forcing.length > 0).toBe(entry.change === 'replace');
    },
  );

  it.each(sourceCases)('$type $field: the JSON Schema describes each manifest key', ({ type, entry }) => {
    const definition = Object.values(manifestSchema.definitions!).find((d) => (d.properties?.type as { const?: string } | undefined)?.const === type && d.properties?.cluster);
    for (const key of entry.keys) expect(definition!.properties![key]?.description).toBeDefined();
    if (entry.keys.length === 1) expect(definition!.properties![entry.keys[0]!]!.description).toContain(entry.doc);
  });
});

describe('the source registry', () => {
  const COMMON = ['type', 'cluster', 'retain_history', 'timestamp_interval', 'comment', 'renamed_from', 'owner', 'database_name', 'schema_name'];
  it.each(SOURCE_TYPES)('%s: the JSON Schema has exactly the registry keys besides the common ones', (type) => {
    const definition = Object.values(manifestSchema.definitions!).find((d) => (d.properties?.type as { const?: string } | undefined)?.const === type && d.properties?.cluster);
    const schemaKeys = Object.keys(definition!.properties!).filter((k) => !COMMON.includes(k));
    expect(new Set(schemaKeys)).toEqual(new Set(sourceEntries(type).flatMap(([, e]) => e.keys)));
    const required = (definition!.required ?? []).filter((k) => k !== 'type');
    expect(new Set(required)).toEqual(new Set(sourceEntries(type).filter(([, e]) => e.required && e.keys.length === 1).map(([, e]) => e.keys[0])));
  });
});

describe('source documents and specs, derived from the source registry', () => {
  it('have each key with its codec\'s type, required where the registry says', () => {
    expectTypeOf<SourceDocOf<'kafka'>['topic']>().toEqualTypeOf<string>();
    expectTypeOf<SourceDocOf<'kafka'>['envelope']>().toEqualTypeOf<'none' | 'upsert' | 'debezium' | undefined>();
    expectTypeOf<SourceDocOf<'kafka'>['start_offset']>().toEqualTypeOf<number[] | undefined>();
    expectTypeOf<SourceDocOf<'postgres'>['tables']>().toEqualTypeOf<'all' | SourceTableDoc[] | undefined>();
    expectTypeOf<SourceDocOf<'load-generator'>['tables']>().toEqualTypeOf<'all' | undefined>();
    expectTypeOf<SourceDocOf<'load-generator'>['generator']>().toEqualTypeOf<'counter' | 'auction' | 'marketing' | 'tpch' | 'key-value' | 'clock' | 'datums'>();
    expectTypeOf<KafkaSource['connection']>().toEqualTypeOf<ObjectName>();
    expectTypeOf<KafkaSource['startOffset']>().toEqualTypeOf<readonly number[] | undefined>();
    expectTypeOf<PostgresSource['tables']>().toEqualTypeOf<TableSelection>();
    expectTypeOf<LoadGeneratorSource['scaleFactor']>().toEqualTypeOf<number | undefined>();
  });
});
