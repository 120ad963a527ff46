import { DEFAULT_LOCK_LOCATION, readLock } from '../../../src/apply/index.js';
import { connect } from '../../../src/db/index.js';

/** Whether the apply lock is held on the server at `url` now. */
export async function lockHeld(url: string): Promise<boolean> {
  const db = await connect({ url, env: {} });
  try {
    return (await readLock(db, DEFAULT_LOCK_LOCATION)).held;
  } finally {
    await db.close();
  }
}
