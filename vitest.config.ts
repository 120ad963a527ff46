import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Time limits catch hangs, they do not measure speed: CI hosts are shared, and a
    // test that runs the CLI a few times takes several times longer with both cores busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-engine-reuse.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
