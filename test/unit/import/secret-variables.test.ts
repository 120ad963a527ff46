import { describe, expect, it } from 'vitest';
import { secretVariableNames, snake } from '../../../src/import/index.js';
import { type ObjectName, nameKey } from '../../../src/model/index.js';

const n = (name: string, schema = 'public', database = 'materialize'): ObjectName => ({ database, schema, name });

describe('snake', () => {
  it.each([
    ['kafka_password', 'KAFKA_PASSWORD'],
    ['kafka-password', 'KAFKA_PASSWORD'],
    ['sasl.Pass', 'SASL_PASS'],
    ['CamelCase', 'CAMELCASE'],
    ['  spaced  out ', 'SPACED_OUT'],
    ['1key', '_1KEY'],
    ['été', 'ETE'],
    ['"quoted"', 'QUOTED'],
    ['---', 'SECRET'],
    ['$(rm -rf)', 'RM_RF'],
  ])('%s -> %s', (name, expected) => {
    expect(snake(name)).toBe(expected);
  });
});

describe('secretVariableNames', () => {
  it.each<[string, ObjectName[], Record<string, string>]>([
    ['distinct names', [n('pg_pass'), n('kafka_pass')], { 'public/pg_pass': 'PG_PASS', 'public/kafka_pass': 'KAFKA_PASS' }],
    ['same variable from different spellings: qualified by schema', [n('kafka-pass'), n('kafka_pass', 'ops')], { 'public/kafka-pass': 'PUBLIC_KAFKA_PASS', 'ops/kafka_pass': 'OPS_KAFKA_PASS' }],
    ['same name in two schemas', [n('pw', 'a'), n('pw', 'b')], { 'a/pw': 'A_PW', 'b/pw': 'B_PW' }],
    ['a qualified name taken by another secret: qualified by database too', [n('public_x'), n('x'), n('x', 'other')], { 'public/public_x': 'PUBLIC_X', 'public/x': 'MATERIALIZE_PUBLIC_X', 'other/x': 'OTHER_X' }],
    ['equal even with database and schema: numbered in name order', [n('a-b'), n('a_b'), n('a.b')], { 'public/a-b': 'MATERIALIZE_PUBLIC_A_B', 'public/a.b': 'MATERIALIZE_PUBLIC_A_B_2', 'public/a_b': 'MATERIALIZE_PUBLIC_A_B_3' }],
  ])('%s', (_title, names, expected) => {
    const got = secretVariableNames(names);
    const byLabel = Object.fromEntries(names.map((name) => [`${name.schema}/${name.name}`, got.get(nameKey(name))]));
    expect(byLabel).toEqual(expected);
    // Distinct, and the same whatever the input order.
    expect(new Set(got.values()).size).toBe(names.length);
    expect(secretVariableNames([...names].reverse())).toEqual(got);
  });
});
