import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the pure core and of parsing: no emulator, no CLI, no process
 * state (no mocks, stubbed variables or timers). They run in worker threads
 * that share one module graph instead of loading mzform's modules again for
 * every file, which cost more than the tests themselves. Everything else runs
 * in a process of its own per file.
 */
const PURE = ['sql', 'diff', 'model', 'output', 'drift', 'health', 'github', 'import', 'manifest', 'catalog'].map((d) => `test/unit/${d}/**/*.test.ts`);

export default defineConfig({
  test: {
    // Time limits catch hangs, they do not measure speed: CI hosts are shared, and a
    // test that runs the CLI a few times takes several times longer with both cores busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default for forks is one worker fewer than the cores: on a 2-core CI host, one file
    // at a time, and many files spend most of their time waiting (on a timeout, a signal, a child).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // vitest reads isolation per pool, from here: the pure project's threads share their modules.
    poolOptions: { threads: { isolate: false } },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, pool: 'threads' } },
      {
        extends: true,
        test: {
          name: 'process',
          include: ['test/**/*.test.ts'],
          exclude: PURE,
          globalSetup: ['./test/global-setup.ts'],
          setupFiles: ['./test/setup-engine-reuse.ts'],
        },
      },
    ],
  },
});
