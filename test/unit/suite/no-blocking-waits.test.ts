import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A test worker answers vitest over RPC, and vitest gives up on a call after
 * 60 s ("Timeout calling onTaskUpdate"): the worker's event loop must keep
 * turning. vitest runs the tests of a file one after another without
 * yielding to the event loop, so a file of tests that each wait for a child
 * process synchronously holds the loop for all of them together, minutes on
 * a loaded machine. Children are awaited (test/run-cli.ts), never waited for.
 * The global setup runs in vitest's own process, before any worker, and may.
 */
const BLOCKING = /\b(spawnSync|execSync|execFileSync)\s*\(/;
const ALLOWED = new Set([join('test', 'global-setup.ts')]);

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('the test suite keeps its workers responsive', () => {
  it('no test file waits for a child process synchronously', () => {
    const offenders = testSources('test')
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => BLOCKING.test(line) && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('//'))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
