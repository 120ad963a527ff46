/**
 * Whether a stopped emulator's embedded Postgres is kept, emptied, for the
 * next emulator this process starts. Starting one costs most of a second of
 * CPU (the WebAssembly Postgres unpacks its files and boots); emptying the
 * catalog tables of one that stopped costs about a hundredth of that. A
 * program that starts one emulator (`mzform emulator`, `--emulator`) gains
 * nothing and keeps the default, off; a test run that starts dozens in one
 * process turns it on.
 *
 * This module imports nothing, so that turning it on does not load Postgres.
 */

/** An idle engine's database, opaque here. */
export interface IdleDatabase {
  close(): Promise<void>;
}

let enabled = false;
const idle: IdleDatabase[] = [];
/** More would only hold memory: a process rarely runs more emulators than this at once. */
const MAX_IDLE = 2;

/** From now on, stopped emulators leave their engine, emptied, for the next start in this process. */
export function reuseEngines(): void {
  enabled = true;
}

export function engineReuseEnabled(): boolean {
  return enabled;
}

/** An idle database, if one is kept. */
export function takeIdleDatabase<T extends IdleDatabase>(): T | undefined {
  return idle.pop() as T | undefined;
}

/** Keeps an emptied database for the next start; false when the pool is full (the caller closes it). */
export function keepIdleDatabase(db: IdleDatabase): boolean {
  if (!enabled || idle.length >= MAX_IDLE) return false;
  idle.push(db);
  return true;
}

/** Closes every kept database (the end of a test file), and stops keeping them. */
export async function closeIdleEngines(): Promise<void> {
  enabled = false;
  const all = idle.splice(0);
  await Promise.all(all.map((db) => db.close()));
}
