import { describe, expect, it } from 'vitest';
import { SecretValue, type ValueShape } from '../../../src/model/index.js';
import { formatField, formatValue } from '../../../src/output/index.js';

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
    // Brokers in the manifest's words: ssh_tunnel / aws_privatelink, never the model's `path`.
    [
      'broker through a tunnel',
      { address: 'b:9092', path: { kind: 'ssh-tunnel', connection: name('bastion') } },
      '{address: "b:9092", ssh_tunnel: materialize.public.bastion}',
    ],
    [
      'broker through PrivateLink',
      { address: 'b:9092', path: { kind: 'aws-privatelink', connection: name('pl'), port: 9001, availabilityZone: 'use1-az1' } },
      '{address: "b:9092", aws_privatelink: materialize.public.pl, privatelink_port: 9001, availability_zone: "use1-az1"}',
    ],
    [
      'matching rule',
      { address: '*.use1-az1.*', path: { kind: 'aws-privatelink', connection: name('pl') }, matching: true },
      '{matching: "*.use1-az1.*", aws_privatelink: materialize.public.pl}',
    ],
    ['all tables', { kind: 'all' }, 'all tables'],
    ['table list', { kind: 'tables', tables: [{ reference: ['public', 'orders'] }] }, 'tables ("public"."orders")'],
    ['secret value', new SecretValue({ kind: 'env', variable: 'PW' }, 'hunter2'), '(secret from env:PW)'],
    ['secret value after JSON', { source: 'env:PW' }, '(secret from env:PW)'],
    ['generic object', { saslMechanisms: 'PLAIN' }, '{sasl_mechanisms: "PLAIN"}'],
  ])('%s', (_label, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('formatField', () => {
  // A plan made now has shapes; one read back from a file does not: both must read the same.
  it.each<[ValueShape, unknown, string]>([
    ['text', 'a"b', '"a\\"b"'],
    ['number', 5432, '5432'],
    ['name', name('tunnel'), 'materialize.public.tunnel'],
    ['text-or-secret', { kind: 'text', value: 'mz' }, '"mz"'],
    ['text-or-secret', { kind: 'secret', secret: name('pw') }, 'secret materialize.public.pw'],
    ['secret-value', new SecretValue({ kind: 'env', variable: 'PW' }, 'hunter2'), '(secret from env:PW)'],
    ['text-list', ['use1-az1', 'use1-az2'], '["use1-az1", "use1-az2"]'],
    ['number-list', [0, 10], '[0, 10]'],
    ['brokers', [{ address: 'b:9092' }], '[{address: "b:9092"}]'],
    [
      'brokers',
      [{ address: 'b:9092', path: { kind: 'ssh-tunnel', connection: name('bastion') } }],
      '[{address: "b:9092", ssh_tunnel: materialize.public.bastion}]',
    ],
    ['table-selection', { kind: 'all' }, 'all tables'],
  ])('%s: %j', (shape, value, expected) => {
    expect(formatField(value, shape)).toBe(expected);
    expect(formatField(value, undefined)).toBe(expected);
  });

  it('never shows a value that is not there', () => {
    expect(formatField(undefined, 'name')).toBe('(none)');
  });
});
