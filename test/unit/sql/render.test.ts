import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../../src/model/connections.js';
import type { ObjectName } from '../../../src/model/names.js';
import { SecretValue } from '../../../src/model/secret-value.js';
import {
  executableSql,
  parseCreateSql,
  parseStatement,
  renderAlterConnection,
  renderAlterSecret,
  renderAlterSource,
  renderComment,
  renderCreate,
  renderDrop,
  renderOwner,
  renderRename,
  renderRotateKeys,
  renderValidateConnection,
} from '../../../src/sql/index.js';
import { REPRESENTATIVE_OBJECTS } from './representative-objects.js';
import { updatingGolden } from '../../golden-mode.js';

const GOLDEN = 'test/fixtures/sql/golden/create.sql';
const OPTIONS = { defaultDatabase: 'materialize', defaultSchema: 'public' };
const n = (name: string): ObjectName => ({ database: 'materialize', schema: 'public', name });

describe('renderCreate', () => {
  const rendered = REPRESENTATIVE_OBJECTS.map((o) => `${renderCreate(o).sql};\n`).join('\n');

  it('matches the golden file (UPDATE_GOLDEN=1 regenerates it)', () => {
    if (updatingGolden()) writeFileSync(GOLDEN, rendered);
    expect(rendered).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it.each(REPRESENTATIVE_OBJECTS.map((o) => [`${o.kind} ${o.name.name}`, o] as const))('%s parses back to the same model', (_, object) => {
    const { object: parsed } = parseCreateSql(renderCreate(object).sql, OPTIONS);
    const { comment: _c, owner: _o, value: _v, ...expected } = object as typeof object & { value?: unknown };
    expect(parsed).toEqual(expected);
  });

  it('keeps the secret value out of the statement text and splices it in for execution only', () => {
    const statement = renderCreate(REPRESENTATIVE_OBJECTS[0]!);
    expect(statement.sql).toBe(`CREATE SECRET "materialize"."public"."kafka_password" AS '********'`);
    expect(JSON.stringify(statement)).not.toContain("p'ss");
    expect(executableSql(statement)).toBe(`CREATE SECRET "materialize"."public"."kafka_password" AS 'p''ss'`);
  });

  it('does not splice into a name that looks like the placeholder', () => {
    const name = { database: 'materialize', schema: 'public', name: "'********'" };
    const statement = renderAlterSecret(name, new SecretValue({ kind: 'env', variable: 'X' }, 'v'));
    expect(executableSql(statement)).toBe(`ALTER SECRET "materialize"."public"."'********'" AS 'v'`);
  });

  it('refuses a secret with no value', () => {
    expect(() => renderCreate({ kind: 'secret', name: n('s') })).toThrow(/no value/);
  });
});

describe('renderAlterConnection', () => {
  const kafka: ConnectionSpec = {
    type: 'kafka',
    brokers: [{ address: 'a:9092' }],
    defaultPath: { kind: 'ssh-tunnel', connection: n('ssh') },
    saslMechanisms: 'PLAIN',
    saslUsername: { kind: 'text', value: 'u' },
    saslPassword: n('pw'),
  };
  const pg: ConnectionSpec = { type: 'postgres', host: 'h', database: 'd', user: { kind: 'text', value: 'u' } };

  it.each<[string, ConnectionSpec, string[], { validate?: boolean } | undefined, string]>([
    ['one SET', pg, ['host'], undefined, `ALTER CONNECTION "materialize"."public"."c" SET (HOST = 'h')`],
    ['RESET of an absent option', pg, ['port', 'password'], undefined, `ALTER CONNECTION "materialize"."public"."c" RESET (PASSWORD), RESET (PORT)`],
    ['option order, WITH VALIDATE', pg, ['user', 'host'], { validate: false }, `ALTER CONNECTION "materialize"."public"."c" SET (HOST = 'h'), SET (USER = 'u') WITH (VALIDATE = false)`],
    ['single broker is BROKER and drops BROKERS', kafka, ['brokers'], undefined, `ALTER CONNECTION "materialize"."public"."c" SET (BROKER = 'a:9092')`],
    [
      'several brokers are BROKERS',
      { ...kafka, brokers: [{ address: 'a:1' }, { address: 'b:2', path: { kind: 'ssh-tunnel', connection: n('t2') } }] },
      ['brokers'],
      undefined,
      `ALTER CONNECTION "materialize"."public"."c" SET (BROKERS = ('a:1', 'b:2' USING SSH TUNNEL "materialize"."public"."t2"))`,
    ],
    ['default SSH tunnel, the PrivateLink reset', kafka, ['defaultPath'], undefined, `ALTER CONNECTION "materialize"."public"."c" RESET (AWS PRIVATELINK), SET (SSH TUNNEL = "materialize"."public"."ssh")`],
    [
      'switch to a default PrivateLink',
      { type: 'kafka', brokers: [], defaultPath: { kind: 'aws-privatelink', connection: n('pl'), port: 9092 } },
      ['brokers', 'defaultPath'],
      undefined,
      `ALTER CONNECTION "materialize"."public"."c" SET (AWS PRIVATELINK = "materialize"."public"."pl" (PORT 9092)), RESET (SSH TUNNEL)`,
    ],
    ['SASL', kafka, ['saslPassword', 'saslUsername'], undefined, `ALTER CONNECTION "materialize"."public"."c" SET (SASL PASSWORD = SECRET "materialize"."public"."pw"), SET (SASL USERNAME = 'u')`],
    ['schema registry username is USER', { type: 'confluent-schema-registry', url: 'u' }, ['username'], undefined, `ALTER CONNECTION "materialize"."public"."c" RESET (USER)`],
  ])('%s', (_, spec, fields, options, expected) => {
    const statement = renderAlterConnection(n('c'), spec, fields, options);
    expect(statement.sql).toBe(expected);
    expect(parseStatement(statement.sql).kind).toBe('alter_connection');
  });

  it.each<[string, ConnectionSpec, string]>([
    ['type', pg, 'type'],
    ['Kafka progress topic', kafka, 'progressTopic'],
    ['Postgres tunnel', pg, 'path'],
    ['schema registry tunnel', { type: 'confluent-schema-registry', url: 'u' }, 'path'],
    ['unknown field', pg, 'brokers'],
  ])('refuses to alter %s', (_, spec, field) => {
    expect(() => renderAlterConnection(n('c'), spec, [field])).toThrow();
  });
});

describe('other statements', () => {
  it.each([
    [renderRotateKeys(n('ssh')), `ALTER CONNECTION "materialize"."public"."ssh" ROTATE KEYS`, 'rotate_keys'],
    [renderValidateConnection(n('k')), `VALIDATE CONNECTION "materialize"."public"."k"`, 'validate_connection'],
    [renderAlterSource(n('s'), { kind: 'set-retain-history', value: '1h' }), `ALTER SOURCE "materialize"."public"."s" SET (RETAIN HISTORY = FOR '1h')`, 'alter_source'],
    [renderAlterSource(n('s'), { kind: 'reset-retain-history' }), `ALTER SOURCE "materialize"."public"."s" RESET (RETAIN HISTORY)`, 'alter_source'],
    [renderAlterSource(n('s'), { kind: 'set-timestamp-interval', value: '2s' }), `ALTER SOURCE "materialize"."public"."s" SET (TIMESTAMP INTERVAL = '2s')`, 'alter_source'],
    [renderAlterSource(n('s'), { kind: 'reset-timestamp-interval' }), `ALTER SOURCE "materialize"."public"."s" RESET (TIMESTAMP INTERVAL)`, 'alter_source'],
    [
      renderAlterSource(n('s'), { kind: 'add-subsource', table: { reference: ['public', 'o'], alias: n('o') } }),
      `ALTER SOURCE "materialize"."public"."s" ADD SUBSOURCE "public"."o" AS "materialize"."public"."o"`,
      'alter_source',
    ],
    [renderRename('connection', n('a'), 'b'), `ALTER CONNECTION "materialize"."public"."a" RENAME TO "b"`, 'rename'],
    [renderOwner('source', n('a'), 'Data Team'), `ALTER SOURCE "materialize"."public"."a" OWNER TO "Data Team"`, 'alter_owner'],
    [renderComment('secret', n('a'), "owner's"), `COMMENT ON SECRET "materialize"."public"."a" IS 'owner''s'`, 'comment'],
    [renderComment('secret', n('a'), null), `COMMENT ON SECRET "materialize"."public"."a" IS NULL`, 'comment'],
    [renderDrop('source', n('a')), `DROP SOURCE "materialize"."public"."a"`, 'drop'],
    [renderDrop('connection', n('a'), { cascade: true }), `DROP CONNECTION "materialize"."public"."a" CASCADE`, 'drop'],
  ])('%#: %s', (statement, sql, kind) => {
    expect(statement.sql).toBe(sql);
    expect(statement.kind).toBe(kind);
    expect(() => parseStatement(statement.sql)).not.toThrow();
  });
});
