import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Time limits catch hangs, they do not measure speed: CI hosts are shared, and a
    // test that runs the CLI a few times takes several times longer with both cores busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default for forks is one worker fewer than the cores: on a 2-core CI host, one file
    // at a time, and many files spend most of their time waiting (on a timeout, a signal, a child).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-engine-reuse.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
