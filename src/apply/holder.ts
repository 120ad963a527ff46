import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { LockHolder } from './lock.js';

/** This process as a lock holder: `user@host`, pid, a fresh run id, now. */
export function currentHolder(env: Readonly<Record<string, string | undefined>>): LockHolder {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // Containers may run as a uid with no passwd entry.
    user = env.USER || env.USERNAME || 'unknown';
  }
  return { holder: `${user}@${hostname()}`, pid: process.pid, runId: randomUUID(), acquiredAt: new Date().toISOString() };
}
