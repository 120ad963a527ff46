import { describe, expect, it } from 'vitest';
import { diff, secretFingerprint, uncheckedSecretValues, uncheckedValuesNote } from '../../../src/diff/index.js';
import { type MzObject, type StoredFingerprint, SecretValue } from '../../../src/model/index.js';
import { actualState, desiredState, n, secret } from './fixtures.js';

/**
 * A secret read from a catalog dump has an unknown fingerprint: its value is
 * not checked, never planned as a change. A secret with no fingerprint stored
 * (never set by mzform with a key) is set once. The two states must not meet.
 */
describe('secret fingerprint states', () => {
  const key = 'test-key-0123456789abcdef0123456789';
  const value = new SecretValue({ kind: 'env', variable: 'PW' }, 'hunter2');
  const fp = secretFingerprint(key, n('pw'), value);
  const other = secretFingerprint(key, n('pw'), new SecretValue({ kind: 'env', variable: 'PW' }, 'old'));
  const catalog = (state: StoredFingerprint | undefined, comment?: string) =>
    actualState([{ ...secret('pw'), ...(comment !== undefined ? { comment } : {}) } as MzObject], { pw: state ? { secretFingerprint: state } : {} });
  const desired = (comment?: string) => desiredState([{ ...secret('pw', 'hunter2'), ...(comment !== undefined ? { comment } : {}) } as MzObject]);

  it.each<[string, string | undefined, StoredFingerprint | undefined, string[], string, boolean]>([
    // label, key, state in the catalog, --rotate-secret, expected reason (or no-op), value unchecked
    ['stored, same value', key, { state: 'stored', fingerprint: fp }, [], 'no-op', false],
    ['stored, other value', key, { state: 'stored', fingerprint: other }, [], 'changed', false],
    ['none stored', key, { state: 'none' }, [], 'no-fingerprint', false],
    ['none (field absent) is none', key, undefined, [], 'no-fingerprint', false],
    ['unknown: not checked, no change', key, { state: 'unknown' }, [], 'no-op', true],
    ['unknown, forced rotation: set', key, { state: 'unknown' }, ['pw'], 'forced', false],
    ['unknown, no key: not compared at all', undefined, { state: 'unknown' }, [], 'no-op', false],
  ])('%s', (_label, fingerprintKey, state, rotate, expected, unchecked) => {
    const [change] = diff(desired(), catalog(state), { ...(fingerprintKey ? { fingerprintKey } : {}), rotateSecrets: rotate.map((r) => n(r)) });
    if (expected === 'no-op') {
      expect(change?.action).toBe('no-op');
    } else {
      expect(change?.action).toBe('alter');
      if (change?.action === 'alter') expect(change.alterations).toContainEqual({ kind: 'secret-value', reason: expected });
    }
    expect(change && 'valueUnchecked' in change ? change.valueUnchecked : undefined).toBe(unchecked ? true : undefined);
    expect(uncheckedSecretValues(change ? [change] : [])).toEqual(unchecked ? [n('pw')] : []);
  });

  it('unknown, comment changed: alters the comment only, keeping the line it would store', () => {
    const [change] = diff(desired('new words'), catalog({ state: 'unknown' }, 'old words'), { fingerprintKey: key });
    expect(change?.action).toBe('alter');
    if (change?.action !== 'alter') return;
    expect(change.alterations).toEqual([{ kind: 'comment', comment: `new words\nmzform-fingerprint: ${fp}` }]);
    expect(change.fields.map((f) => f.field)).toEqual(['comment']);
    expect(change.valueUnchecked).toBe(true);
  });

  it('unknown, same comment: no comment statement either', () => {
    const [change] = diff(desired('words'), catalog({ state: 'unknown' }, 'words'), { fingerprintKey: key });
    expect(change?.action).toBe('no-op');
  });

  it('the note names each unchecked secret, in the words of values not read', () => {
    expect(uncheckedValuesNote([])).toBeUndefined();
    expect(uncheckedValuesNote([n('b'), n('a')])).toBe(
      'secret values were not checked (a catalog dump holds no fingerprints): secret materialize.public.b; secret materialize.public.a',
    );
  });
});
