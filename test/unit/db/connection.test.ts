import { describe, expect, it } from 'vitest';
import { connect, connectError, DatabaseError, redact, resolveConnection, statementError } from '../../../src/db/index.js';
import { InputError } from '../../../src/errors.js';

describe('resolveConnection', () => {
  it.each<[string, string | undefined, Record<string, string>, Partial<ReturnType<typeof resolveConnection>>]>([
    ['--url wins', 'postgres://alice:pw@mz.example.com:6875/db?sslmode=require', { MZFORM_URL: 'postgres://bob@other/x' }, { host: 'mz.example.com', user: 'alice', password: 'pw', database: 'db', target: 'alice@mz.example.com:6875/db' }],
    ['MZFORM_URL next', undefined, { MZFORM_URL: 'postgresql://bob@h:1234/x', PGHOST: 'ignored' }, { host: 'h', port: 1234, user: 'bob', database: 'x' }],
    ['PG* variables last', undefined, { PGHOST: 'pg.example.com', PGPORT: '7000', PGUSER: 'carol', PGDATABASE: 'd' }, { host: 'pg.example.com', port: 7000, user: 'carol', database: 'd' }],
    ["Materialize's defaults", undefined, {}, { host: 'localhost', port: 6875, user: 'materialize', database: 'materialize', ssl: false }],
    ['sslmode=disable', 'postgres://u@remote/x?sslmode=disable', {}, { ssl: false }],
    ['encoded password', 'postgres://u:p%40ss%3Aw@h/x', {}, { password: 'p@ss:w' }],
  ])('%s', (_label, url, env, expected) => {
    expect(resolveConnection(url, env)).toMatchObject(expected);
  });

  it('uses verified TLS for remote hosts unless told otherwise', () => {
    expect(resolveConnection('postgres://u@mz.example.com/x', {}).ssl).toMatchObject({ rejectUnauthorized: true });
    expect(resolveConnection(undefined, { PGHOST: 'remote', PGSSLMODE: 'verify-full' }).ssl).toMatchObject({ rejectUnauthorized: true });
  });

  it.each(['not a url', 'mysql://h/x', 'postgres://h:99999/x', 'postgres://h/x?sslmode=sometimes'])('refuses %s', (url) => {
    expect(() => resolveConnection(url, {})).toThrow(InputError);
  });

  it('never puts the password in the target shown in messages', () => {
    expect(resolveConnection('postgres://u:topsecret@h/x', {}).target).not.toContain('topsecret');
  });
});

describe('errors', () => {
  it.each<[string, object, string, string]>([
    ['refused', { code: 'ECONNREFUSED' }, 'db.unreachable', 'connection refused'],
    ['unknown host', { code: 'ENOTFOUND' }, 'db.unreachable', 'host not found'],
    ['bad password', { code: '28P01', message: 'password authentication failed' }, 'db.auth', 'authentication failed'],
    ['timeout', { message: 'timeout expired' }, 'db.unreachable', 'timed out'],
  ])('connecting: %s', (_label, err, code, text) => {
    const e = connectError(err, 'u@h:6875/db');
    expect(e).toBeInstanceOf(DatabaseError);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
    expect(e.exitCode).toBe(1);
  });

  it('keeps the SQLSTATE and redacts an echoed secret', () => {
    const e = statementError(
      { code: '25001', message: `CREATE SECRET "materialize"."public"."s" AS 'it''s hunter2' cannot be run inside a transaction block` },
      ["it's hunter2"],
    );
    expect(e.sqlstate).toBe('25001');
    expect(e.message).not.toContain('hunter2');
    expect(e.message).toContain(`AS '********'`);
    expect(e.cause).toBeUndefined();
  });
});

describe('redact', () => {
  it.each<[string, string, string[], string]>([
    ['given values', 'bad value hunter2 here', ['hunter2'], 'bad value ******** here'],
    ['quoted form', "x 'a''b' y", ["a'b"], "x '********' y"],
    ['secret literal, no value given', "ALTER SECRET s AS 'zz' failed", [], "ALTER SECRET s AS '********' failed"],
    ['decode form', "CREATE SECRET s AS decode('aGk=', 'base64') failed", [], "CREATE SECRET s AS '********' failed"],
    ['other text kept', 'unknown catalog item \'x\'', [], "unknown catalog item 'x'"],
  ])('%s', (_label, text, values, expected) => {
    expect(redact(text, values)).toBe(expected);
  });
});

describe('connect', () => {
  it('fails with one clear line when nothing listens', async () => {
    const err = await connect({ url: 'postgres://materialize@127.0.0.1:1/materialize', connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseError);
    expect((err as DatabaseError).message).toBe('cannot connect to Materialize at materialize@127.0.0.1:1/materialize: connection refused');
  });
});
