import { type ForceUnlockOutcome, type LockLocation, forceUnlock } from './lock.js';
import { type TargetOptions, openApplyTarget } from './target-connection.js';

export interface ForceUnlockOptions extends TargetOptions {
  readonly location: LockLocation;
  /** Only clear the lock of this run; without it, whatever lock is there. */
  readonly runId?: string;
}

/** `mzform force-unlock`: drops a stale apply lock. */
export async function runForceUnlock(options: ForceUnlockOptions): Promise<ForceUnlockOutcome> {
  const target = await openApplyTarget(options);
  try {
    const db = await target.connect();
    try {
      return await forceUnlock(db, options.location, options.runId);
    } finally {
      await db.close();
    }
  } finally {
    await target.close();
  }
}
