import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/model/objects.js';
import { parseCreateSql } from '../../../src/sql/index.js';

/**
 * Avro's KEY / VALUE STRATEGY after the registry connection (and its seed),
 * as Materialize's parser reads them (src/sql-parser/src/parser.rs:2303-2330;
 * statements from test/testdrive/avro-registry-schema-selection.td).
 */
const OPTIONS = { defaultDatabase: 'materialize', defaultSchema: 'public', defaultCluster: 'quickstart' };
const csr = { database: 'materialize', schema: 'public', name: 'csr_conn' };
const head = "CREATE SOURCE s FROM KAFKA CONNECTION kafka_conn (TOPIC 't') FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION csr_conn";

describe('Avro schema strategies', () => {
  it.each([
    ['td:60', `${head} VALUE STRATEGY ID 7 ENVELOPE NONE`, { kind: 'avro', schemaRegistry: csr, valueStrategy: { kind: 'id', id: 7 } }],
    ['td:96', `${head} VALUE STRATEGY LATEST`, { kind: 'avro', schemaRegistry: csr, valueStrategy: { kind: 'latest' } }],
    [
      'td:42',
      `${head} SEED VALUE SCHEMA '{"type": "long"}' KEY STRATEGY LATEST VALUE STRATEGY INLINE '{"type": "long"}'`,
      { kind: 'avro', schemaRegistry: csr, keyStrategy: { kind: 'latest' }, valueStrategy: { kind: 'inline', schema: '{"type": "long"}' } },
    ],
  ])('%s', (_from, sql, format) => {
    const source = parseCreateSql(sql, OPTIONS).object as Source;
    expect(source.spec.type === 'kafka' && source.spec.format).toEqual({ kind: 'bare', format });
  });

  it('refuses an id beyond 32 bits, as Materialize does (parser.rs:2311-2315)', () => {
    expect(() => parseCreateSql(`${head} VALUE STRATEGY ID 4294967296`, OPTIONS)).toThrow('Expected a 32-bit integer');
  });
});
