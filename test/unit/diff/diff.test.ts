import { describe, expect, it } from 'vitest';
import { type Change, diff, secretFingerprint, composeSecretComment } from '../../../src/diff/index.js';
import { parseSecretComment } from '../../../src/model/index.js';
import { InputError } from '../../../src/errors.js';
import type { Connection, MzObject, Source } from '../../../src/model/index.js';
import { SecretValue } from '../../../src/model/index.js';
import { actualState, desiredState, kafkaConnection, kafkaSource, n, pgConnection, pgSource, secret, sshTunnel } from './fixtures.js';

const summary = (changes: Change[]) =>
  changes.map((c) => `${c.action} ${'object' in c ? c.object.name.name : c.actual.object.name.name}`);

const base: MzObject[] = [secret('pg_password'), sshTunnel('tunnel'), pgConnection('pg', 'tunnel'), pgSource('orders', 'pg')];

describe('diff', () => {
  it('creates everything against an empty catalog', () => {
    expect(summary(diff(desiredState(base), { objects: [], foreign: [] }))).toEqual([
      'create orders',
      'create pg',
      'create pg_password',
      'create tunnel',
    ]);
  });

  it('finds nothing to do when the catalog matches, defaults included', () => {
    const actual = actualState(base.map((o) => (o.kind === 'connection' && o.spec.type === 'ssh-tunnel' ? { ...o, spec: { ...o.spec, port: undefined } } : o)) as MzObject[]);
    expect(diff(desiredState(base), actual).every((c) => c.action === 'no-op')).toBe(true);
  });

  const conn = (c: Connection, spec: object): Connection => ({ ...c, spec: { ...c.spec, ...spec } as Connection['spec'] });
  const src = (s: Source, extra: object): Source => ({ ...s, ...extra });

  // Each alterable field: exactly one alter, naming the field.
  it.each<[string, MzObject, MzObject, string, string]>([
    ['ssh host', sshTunnel('t'), conn(sshTunnel('t'), { host: 'other' }), 'host', 'connection-options'],
    ['ssh port', sshTunnel('t'), conn(sshTunnel('t'), { port: 2222 }), 'port', 'connection-options'],
    ['ssh user', sshTunnel('t'), conn(sshTunnel('t'), { user: 'x' }), 'user', 'connection-options'],
    ['pg host', pgConnection('p'), conn(pgConnection('p'), { host: 'h2' }), 'host', 'connection-options'],
    ['pg ssl mode', pgConnection('p'), conn(pgConnection('p'), { sslMode: 'require' }), 'ssl_mode', 'connection-options'],
    ['kafka brokers', kafkaConnection('k'), conn(kafkaConnection('k'), { brokers: [{ address: 'b2:9092' }] }), 'brokers', 'connection-options'],
    ['kafka sasl user', kafkaConnection('k'), conn(kafkaConnection('k'), { saslUsername: { kind: 'text', value: 'y' } }), 'sasl_username', 'connection-options'],
    ['kafka default tunnel', kafkaConnection('k'), conn(kafkaConnection('k'), { defaultPath: { kind: 'ssh-tunnel', connection: n('t') } }), 'ssh_tunnel', 'connection-options'],
    ['kafka default privatelink port', conn(kafkaConnection('k'), { brokers: [], defaultPath: { kind: 'aws-privatelink', connection: n('pl') } }), conn(kafkaConnection('k'), { brokers: [], defaultPath: { kind: 'aws-privatelink', connection: n('pl'), port: 9093 } }), 'privatelink_port', 'connection-options'],
    ['source retain history', kafkaSource('s', 'k'), src(kafkaSource('s', 'k'), { retainHistory: '1h' }), 'retain_history', 'source-option'],
    ['source timestamp interval', kafkaSource('s', 'k'), src(kafkaSource('s', 'k'), { timestampInterval: '2s' }), 'timestamp_interval', 'source-option'],
    ['source added table', pgSource('s', 'p'), pgSource('s', 'p', ['orders', 'items']), 'tables', 'add-subsource'],
    ['source removed table', pgSource('s', 'p', ['a', 'b']), pgSource('s', 'p', ['a']), 'tables', 'drop-subsource'],
    ['comment', sshTunnel('t'), { ...sshTunnel('t'), comment: 'hello' }, 'comment', 'comment'],
    ['owner', sshTunnel('t'), { ...sshTunnel('t'), owner: 'admin' }, 'owner', 'owner'],
  ])('%s: one alter', (_label, before, after, field, alteration) => {
    const changes = diff(desiredState([after]), actualState([before]));
    expect(changes).toHaveLength(1);
    const change = changes[0] as Change;
    expect(change.action).toBe('alter');
    if (change.action !== 'alter') return;
    expect(change.fields.map((f) => f.field)).toEqual([field]);
    expect(change.alterations.map((a) => a.kind)).toEqual([alteration]);
  });

  // Each non-alterable field: a replace that names it.
  it.each<[string, MzObject, MzObject, string]>([
    ['pg tunnel', pgConnection('p', 't'), pgConnection('p'), 'ssh_tunnel'],
    ['kafka progress topic', kafkaConnection('k'), conn(kafkaConnection('k'), { progressTopic: 'x' }), 'progress_topic'],
    ['connection type', sshTunnel('t'), { ...sshTunnel('t'), spec: { type: 'aws-privatelink', serviceName: 's', availabilityZones: ['a'] } }, 'type'],
    ['source topic', kafkaSource('s', 'k'), { ...kafkaSource('s', 'k'), spec: { ...kafkaSource('s', 'k').spec, topic: 'other' } } as Source, 'topic'],
    ['source cluster', kafkaSource('s', 'k'), src(kafkaSource('s', 'k'), { cluster: 'other' }), 'cluster'],
    ['kind', sshTunnel('x'), secret('x'), 'kind'],
  ])('%s: replace', (_label, before, after, field) => {
    const [change] = diff(desiredState([after]), actualState([before]));
    expect(change?.action).toBe('replace');
    if (change?.action === 'replace') expect(change.forcing).toEqual([field]);
  });

  it('cascades a replace to dependents, naming the cause', () => {
    const desired = [secret('pg_password'), sshTunnel('tunnel'), pgConnection('pg'), pgSource('orders', 'pg')];
    const changes = diff(desiredState(desired), actualState(base));
    expect(summary(changes)).toEqual(['replace orders', 'replace pg', 'no-op pg_password', 'no-op tunnel']);
    const orders = changes[0];
    expect(orders?.action === 'replace' && orders.cascadeFrom?.name.name).toBe('pg');
  });

  it('lists objects in scope the manifest omits, and drops them only when pruning', () => {
    const actual = actualState([...base, sshTunnel('old')]);
    expect(summary(diff(desiredState(base), actual)).filter((s) => !s.startsWith('no-op'))).toEqual(['unmanaged old']);
    expect(summary(diff(desiredState(base, { prune: true }), actual)).filter((s) => !s.startsWith('no-op'))).toEqual(['drop old']);
    expect(summary(diff(desiredState(base), actual, { prune: true })).filter((s) => !s.startsWith('no-op'))).toEqual(['drop old']);
  });

  it('ignores objects outside the managed schemas', () => {
    const other = { ...sshTunnel('elsewhere'), name: n('elsewhere', 'other') };
    expect(diff(desiredState([]), actualState([other]))).toEqual([]);
  });

  it('refuses to replace an object a non-managed object depends on', () => {
    const outside = { ...pgSource('outside', 'pg'), name: n('outside', 'other') };
    const actual = actualState([...base, outside]);
    const desired = [secret('pg_password'), sshTunnel('tunnel'), pgConnection('pg'), pgSource('orders', 'pg')];
    expect(() => diff(desiredState(desired), actual)).toThrow(InputError);
    expect(() => diff(desiredState(desired), actual)).toThrow(/other\.outside depends on it/);
  });
});

describe('secret values', () => {
  const key = 'test-key';
  const value = new SecretValue({ kind: 'env', variable: 'PW' }, 'hunter2');
  const fp = secretFingerprint(key, n('pw'), value);
  const stored = (fingerprint?: string) => actualState([secret('pw')], { pw: fingerprint ? { secretFingerprint: { state: 'stored', fingerprint } } : {} });

  it.each<[string, string | undefined, string | undefined, string[], string]>([
    ['same value', key, fp, [], 'no-op'],
    ['changed value', key, secretFingerprint(key, n('pw'), new SecretValue({ kind: 'env', variable: 'PW' }, 'old')), [], 'changed'],
    ['no fingerprint stored', key, undefined, [], 'no-fingerprint'],
    ['forced rotation', key, fp, ['pw'], 'forced'],
    ['no key: not compared', undefined, undefined, [], 'no-op'],
    ['no key, forced', undefined, fp, ['pw'], 'forced'],
  ])('%s', (_label, fingerprintKey, current, rotate, expected) => {
    const [change] = diff(desiredState([secret('pw', 'hunter2')]), stored(current), {
      ...(fingerprintKey ? { fingerprintKey } : {}),
      rotateSecrets: rotate.map((r) => n(r)),
    });
    if (expected === 'no-op') return expect(change?.action).toBe('no-op');
    expect(change?.action).toBe('alter');
    if (change?.action !== 'alter') return;
    expect(change.alterations[0]).toEqual({ kind: 'secret-value', reason: expected });
    expect(JSON.stringify(change)).not.toContain('hunter2');
  });

  it('keeps the fingerprint in the comment, after the user comment', () => {
    const comment = composeSecretComment(n('pw'), 'owned by team A', fp) as string;
    expect(comment).toBe(`owned by team A\nmzform-fingerprint: ${fp}`);
    expect(parseSecretComment(comment)).toEqual({ comment: 'owned by team A', fingerprint: fp });
    expect(parseSecretComment(`mzform-fingerprint: ${fp}`)).toEqual({ fingerprint: fp });
    expect(parseSecretComment('plain')).toEqual({ comment: 'plain' });
  });

  it('refuses a comment that no longer fits with the fingerprint', () => {
    expect(() => composeSecretComment(n('pw'), 'x'.repeat(1000), fp)).toThrow(/1024/);
  });

  it('fingerprints depend on the key and the name, and never contain the value', () => {
    expect(secretFingerprint('other', n('pw'), value)).not.toBe(fp);
    expect(secretFingerprint(key, n('pw2'), value)).not.toBe(fp);
    expect(fp).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
  });
});
