import { describe, expect, it } from 'vitest';
import { SecretValue } from '../../../src/model/index.js';
import { formatValue } from '../../../src/output/index.js';

const name = (n: string) => ({ database: 'materialize', schema: 'public', name: n });

describe('formatValue', () => {
  it.each<[string, unknown, string]>([
    ['absent', undefined, '(none)'],
    ['string', 'a"b\nc', '"a\\"b\\nc"'],
    ['number', 2222, '2222'],
    ['name', name('x'), 'materialize.public.x'],
    ['odd name', name('My x'), 'materialize.public."My x"'],
    ['text option', { kind: 'text', value: 'mz' }, '"mz"'],
    ['secret option', { kind: 'secret', secret: name('pw') }, 'secret materialize.public.pw'],
    ['path', { kind: 'aws-privatelink', connection: name('pl'), port: 9092 }, 'aws-privatelink materialize.public.pl (port 9092)'],
    ['brokers', [{ address: 'b:9092' }], '[{address: "b:9092"}]'],
    ['all tables', { kind: 'all' }, 'all tables'],
    ['table list', { kind: 'tables', tables: [{ reference: ['public', 'orders'] }] }, 'tables ("public"."orders")'],
    ['secret value', new SecretValue({ kind: 'env', variable: 'PW' }, 'hunter2'), '(secret from env:PW)'],
    ['secret value after JSON', { source: 'env:PW' }, '(secret from env:PW)'],
    ['generic object', { saslMechanisms: 'PLAIN' }, '{sasl_mechanisms: "PLAIN"}'],
  ])('%s', (_label, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});
