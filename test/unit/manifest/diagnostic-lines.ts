import { ManifestError } from '../../../src/manifest/index.js';

/** The `file:line:col: object: message` lines of the ManifestError that `run` throws (or resolves to). */
export async function diagnosticLines(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ManifestError) return err.message.split('\n').slice(1);
    throw err;
  }
  throw new Error('expected a ManifestError');
}
