import { describe, expect, it } from 'vitest';
import { DatabaseError, redactedLater } from '../../../src/db/index.js';

/** A query error reported before the manifest's secret values were known gets the redaction statementError gives. */
describe('redactedLater', () => {
  const secrets = ['hunter2'];

  it.each<[string, DatabaseError, string, string | undefined, string | undefined]>([
    ['message, detail and hint', new DatabaseError('db.statement-failed', "bad 'hunter2'", { detail: 'd hunter2', hint: 'h hunter2', sqlstate: 'XX000' }), "bad '********'", 'd ********', 'h ********'],
    ['message only', new DatabaseError('db.statement-failed', 'x hunter2 y'), 'x ******** y', undefined, undefined],
  ])('a failed query: %s', (_label, error, message, detail, hint) => {
    const out = redactedLater(error, secrets) as DatabaseError;
    expect(out).toBeInstanceOf(DatabaseError);
    expect([out.code, out.message, out.detail, out.hint, out.sqlstate]).toEqual([error.code, message, detail, hint, error.sqlstate]);
  });

  it.each<[string, unknown]>([
    ['a connection error (never redacted: it quotes no statement)', new DatabaseError('db.connect', 'cannot connect to u@h/hunter2')],
    ['a failed query without the value', new DatabaseError('db.statement-failed', 'permission denied')],
    ['anything else', new Error('hunter2')],
  ])('%s is returned as it is', (_label, error) => {
    expect(redactedLater(error, secrets)).toBe(error);
  });
});
