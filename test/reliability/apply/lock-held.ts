import { DEFAULT_LOCK_LOCATION, forceUnlock, readLock } from '../../../src/apply/index.js';
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

/**
 * Clears a lock left held, so that each case starts with the lock free: a
 * case that fails by leaving it then fails alone, not every case after it.
 */
export async function clearLock(url: string): Promise<void> {
  const db = await connect({ url, env: {} });
  try {
    await forceUnlock(db, DEFAULT_LOCK_LOCATION, undefined);
  } finally {
    await db.close();
  }
}
