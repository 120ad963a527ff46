import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { RefusedError } from '../errors.js';

/**
 * One writer per state file. A run that will save the catalog back holds
 * `<state file>.lock` (created exclusively, holding its process id) from start
 * to stop; a second run on the same file is refused instead of overwriting
 * the first one's work when it saves. A lock whose process no longer runs on
 * this host (killed with -9, power loss) is taken over.
 */
export interface StateLock {
  release(): Promise<void>;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export async function lockStateFile(file: string): Promise<StateLock> {
  const path = `${file}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // The lock sits beside the state file, whose folder a fresh checkout does not have yet.
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(me)}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readHolder(path);
      if (attempt === 0 && holder !== undefined && !isRunning(holder)) {
        await unlink(path).catch(() => {});
        continue;
      }
      const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another run';
      throw new RefusedError('emulator.state-in-use', `emulator state file ${file} is in use by ${who}`, {
        hint: `wait for that run to end, or give another state file; if it is not running any more, delete ${path}`,
      });
    }
  }
  // A run that ends without stop() (an uncaught error) must not leave the file locked.
  const onExit = () => removeIfOurs(path);
  process.once('exit', onExit);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      removeIfOurs(path);
    },
  };
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? ''), since: String(parsed.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/** Only a holder on this host can be checked; one on another host is presumed alive. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock unless it is gone or another run holds it now (after deleting ours by hand). */
function removeIfOurs(path: string): void {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (holder.pid === process.pid) unlinkSync(path);
  } catch {
    // gone, or not ours to judge
  }
}
