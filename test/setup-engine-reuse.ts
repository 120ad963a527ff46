import { afterAll } from 'vitest';
import { closeIdleEngines, reuseEngines } from '../src/emulator/engine-reuse.js';
import { closeInProcessEngines } from './cli-in-process.js';

/**
 * A test file starts many emulators, one after another: each takes over the
 * embedded Postgres the previous one left, emptied, instead of booting a new
 * one (most of a second of CPU each). Imports nothing that loads Postgres, so
 * files without an emulator pay nothing.
 */
reuseEngines();
afterAll(async () => {
  await closeIdleEngines();
  // The same for the built CLI's emulator, when a test ran the CLI in this process (test/cli-in-process.ts).
  await closeInProcessEngines();
});
