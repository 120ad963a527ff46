import { randomBytes } from 'node:crypto';
import { connect } from '../../../src/db/index.js';
import { quoteIdent } from '../../../src/sql/index.js';
import { startEmulator } from '../apply/emulator.js';

/** The environment variable naming a real Materialize to run the target tests against. */
export const TEST_URL_VARIABLE = 'MZFORM_TEST_URL';

/** A real Materialize's URL when one is given, else undefined (the tests then use the emulator). */
export function realMaterializeUrl(): string | undefined {
  return process.env[TEST_URL_VARIABLE] || undefined;
}

/** Where one test runs: a server (the emulator, or a real Materialize) and a schema of its own there. */
export interface TestTarget {
  readonly url: string;
  readonly database: string;
  readonly schema: string;
  /** True on a real Materialize. */
  readonly real: boolean;
  /** Drops the schema with everything in it on a real Materialize; stops the emulator. */
  close(): Promise<void>;
}

/**
 * Opens a fresh schema for one test, on the Materialize `MZFORM_TEST_URL`
 * names or else on an emulator of its own, so that the same test runs on both
 * and a real catalog keeps nothing of it afterwards.
 */
export async function openTestTarget(label: string): Promise<TestTarget> {
  const real = realMaterializeUrl();
  const emulator = real === undefined ? await startEmulator() : undefined;
  const url = real ?? emulator!.url;
  const database = 'materialize';
  const schema = `mzform_test_${label}_${randomBytes(4).toString('hex')}`;
  const db = await connect({ url, env: {} });
  try {
    await db.execute(`CREATE SCHEMA ${quoteIdent(database)}.${quoteIdent(schema)}`);
  } finally {
    await db.close();
  }
  return {
    url,
    database,
    schema,
    real: real !== undefined,
    close: async () => {
      // The emulator goes with everything in it; a real Materialize keeps nothing of the test.
      if (emulator) return emulator.stop();
      const cleanup = await connect({ url, env: {} });
      try {
        await cleanup.execute(`DROP SCHEMA ${quoteIdent(database)}.${quoteIdent(schema)} CASCADE`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
