import { describe, expect, it } from 'vitest';
import { updatingGolden } from '../../golden-mode.js';

describe('UPDATE_GOLDEN', () => {
  it.each([
    [{}, false],
    [{ CI: 'true' }, false],
    [{ UPDATE_GOLDEN: '1' }, true],
    [{ UPDATE_GOLDEN: '1', CI: 'false' }, true],
    [{ UPDATE_GOLDEN: '1', CI: '0' }, true],
    [{ UPDATE_GOLDEN: '0', CI: 'true' }, false],
  ])('%j: rewrite is %s', (env, expected) => {
    expect(updatingGolden(env)).toBe(expected);
  });

  it.each(['true', '1', 'yes'])('cannot rewrite golden files when CI=%s', (ci) => {
    expect(() => updatingGolden({ UPDATE_GOLDEN: '1', CI: ci })).toThrow('UPDATE_GOLDEN=1 is refused when CI is set');
  });
});

describe('golden files', () => {
  it('are rewritten only through updatingGolden(), which refuses CI', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const direct = files('test').filter((f) => f !== join('test', 'golden-mode.ts') && /process\.env\.UPDATE_GOLDEN/.test(readFileSync(f, 'utf8')));
    expect(direct).toEqual([]);
  });
});
