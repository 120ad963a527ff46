import { describe, expect, it } from 'vitest';
import { compareSource } from '../../../src/diff/kinds/source.js';
import type { KafkaSource, ObjectName, Source } from '../../../src/model/index.js';

/**
 * START TIMESTAMP is stored as the START OFFSET it resolved to
 * (src/sql/src/pure.rs:856-880): a manifest that says start_timestamp and a
 * catalog that holds start offsets agree as far as anyone can tell; a
 * progress subsource's name is compared only where the manifest gives one.
 */
const n = (name: string): ObjectName => ({ database: 'materialize', schema: 'public', name });
const source = (spec: Partial<KafkaSource>): Source => ({
  kind: 'source',
  name: n('s'),
  cluster: 'quickstart',
  spec: { type: 'kafka', connection: n('k'), topic: 't', format: { kind: 'bare', format: { kind: 'json' } }, ...spec },
});

describe('options purification replaces', () => {
  const cases: { name: string; desired: Partial<KafkaSource>; actual: Partial<KafkaSource>; fields: string[]; replace: boolean }[] = [
    { name: 'START TIMESTAMP against the START OFFSET it became', desired: { startTimestamp: -3600000 }, actual: { startOffset: [0, 12] }, fields: [], replace: false },
    { name: 'START TIMESTAMP on a source created without one', desired: { startTimestamp: -3600000 }, actual: {}, fields: ['start_timestamp'], replace: true },
    { name: 'START OFFSET declared and different', desired: { startOffset: [5] }, actual: { startOffset: [0] }, fields: ['start_offset'], replace: true },
    {
      name: 'an Avro VALUE STRATEGY, which the server keeps only as the schema it chose',
      desired: { format: { kind: 'bare', format: { kind: 'avro', schemaRegistry: n('csr'), valueStrategy: { kind: 'id', id: 7 } } } },
      actual: { format: { kind: 'bare', format: { kind: 'avro', schemaRegistry: n('csr') } } },
      fields: [],
      replace: false,
    },
    { name: 'START TIMESTAMP removed from the manifest', desired: {}, actual: { startOffset: [0] }, fields: ['start_offset'], replace: true },
    // src/sql/src/pure.rs:1255: without EXPOSE PROGRESS AS, Materialize names the progress subsource itself.
    { name: 'a progress subsource Materialize named', desired: {}, actual: { exposeProgress: n('s_progress') }, fields: [], replace: false },
    { name: 'a progress subsource named in the manifest, as in the catalog', desired: { exposeProgress: n('offsets') }, actual: { exposeProgress: n('offsets') }, fields: [], replace: false },
    { name: 'a progress subsource named otherwise', desired: { exposeProgress: n('offsets') }, actual: { exposeProgress: n('s_progress') }, fields: ['expose_progress'], replace: true },
  ];
  it.each(cases)('$name', ({ desired, actual, fields, replace }) => {
    const comparison = compareSource(source(desired), source(actual));
    expect(comparison.fields.map((f) => f.field)).toEqual(fields);
    expect(comparison.forcing.length > 0).toBe(replace);
  });
});
