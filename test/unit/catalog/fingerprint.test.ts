import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { objectFingerprint } from '../../../src/catalog/fingerprint.js';

/**
 * Saved plans record these fingerprints and apply compares them with fresh
 * ones: the value for the same row must never change, whatever computes it.
 */
const row = {
  id: 'u12',
  kind: 'connection',
  database: 'materialize',
  schema: 'public',
  name: 'k',
  type: 'kafka',
  createSql: `CREATE CONNECTION "materialize"."public"."k" TO KAFKA (BROKER = 'k:9092')`,
  comment: 'owned by the data team',
  owner: 'materialize',
  cluster: null,
};

describe('objectFingerprint', () => {
  it('is the SHA-256 of the row as a JSON array, as saved plans of earlier versions hold it', () => {
    expect(objectFingerprint(row)).toBe('sha256:0a4da6e4857f337bd0522f94ca43f785fe3ba7250d711077fc64798ddd14c05c');
  });

  it.each([
    ['no create_sql, no comment', { ...row, kind: 'secret', type: null, createSql: null, comment: null }],
    ['text outside ASCII and lone surrogates', { ...row, name: 'ünïcødé \u{1F600}', comment: 'a\uD800b', createSql: 'x'.repeat(5000) }],
    ['an empty database (an ambient schema)', { ...row, database: '' }],
  ])('equals a Hash object over the same JSON: %s', (_label, parts) => {
    const json = JSON.stringify([parts.id, parts.kind, parts.database, parts.schema, parts.name, parts.type, parts.createSql, parts.comment, parts.owner, parts.cluster]);
    expect(objectFingerprint(parts)).toBe(`sha256:${createHash('sha256').update(json).digest('hex')}`);
  });
});
