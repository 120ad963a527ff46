import { describe, expect, it } from 'vitest';
import { describeFailure, failureJson, renderFailure } from '../../../src/cli/failure.js';
import { InputError, RefusedError, RuntimeError } from '../../../src/errors.js';
import { ManifestError } from '../../../src/manifest/index.js';

class FakeOclifParseError extends Error {
  oclif = { exit: 2 };
  parse = {};
}

describe('describeFailure', () => {
  it.each([
    ['an input error', new InputError('flag.invalid', 'bad flag', { hint: 'try --help' }), 3, 'flag.invalid'],
    ['a refusal', new RefusedError('plan.stale', 'the plan is stale'), 4, 'plan.stale'],
    ['a runtime error', new RuntimeError('db.unreachable', 'cannot connect'), 1, 'db.unreachable'],
    ['an oclif parse error (never oclif exit 2)', new FakeOclifParseError('Nonexistent flag: --x'), 3, 'usage'],
    ['an unexpected error', new TypeError('x is undefined\nsecond line'), 1, 'internal'],
    ['a thrown string', 'boom', 1, 'internal'],
  ])('%s', (_, err, exitCode, code) => {
    const failure = describeFailure(err);
    expect(failure.exitCode).toBe(exitCode);
    expect(failure.code).toBe(code);
    expect(failure.message.includes('\n') && code === 'internal').toBe(false);
  });

  it('prints no stack unless asked', () => {
    const failure = describeFailure(new InputError('x', 'bad', { hint: 'fix it' }));
    expect(renderFailure(failure, false)).toBe('Error: bad\nHint: fix it');
    expect(renderFailure(failure, true)).toContain('at ');
  });

  it('puts manifest diagnostics in the JSON form', () => {
    const err = new ManifestError('m.yaml', [{ file: 'm.yaml', line: 2, column: 3, object: 'secret a', message: 'bad' }]);
    expect(failureJson(describeFailure(err))).toEqual({
      error: {
        code: 'manifest.invalid',
        message: 'm.yaml is not a valid manifest (1 problem):\nm.yaml:2:3: secret a: bad',
        exitCode: 3,
        diagnostics: [{ file: 'm.yaml', line: 2, column: 3, object: 'secret a', message: 'bad' }],
      },
    });
  });
});
