import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { updatingGolden } from '../../golden-mode.js';

/** Compares with test/golden/<path>; `UPDATE_GOLDEN=1` rewrites the file instead. */
export function expectGolden(path: string, actual: string): void {
  const file = join('test', 'golden', path);
  if (updatingGolden()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
