import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CATALOG_SCHEMA_SQL } from './catalog/schema.js';

/**
 * The embedded Postgres (PGlite) that holds the catalog tables, behind a
 * mutex: it has one session, and many clients share it.
 *
 * A fresh PGlite runs initdb, which takes 2-3 s; loading a data directory
 * that already has the catalog schema takes about 0.5 s. So the first start
 * on a machine saves such a snapshot in the OS temp directory (keyed by the
 * PGlite version and the schema text) and every later start loads it.
 */
export class Engine {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: PGlite) {}

  static async start(): Promise<Engine> {
    const snapshot = await loadSnapshot();
    if (snapshot) {
      try {
        const db = await PGlite.create({ loadDataDir: snapshot });
        return await Engine.prepared(db);
      } catch {
        // A damaged or foreign snapshot: fall back to a fresh database below.
      }
    }
    const db = await PGlite.create();
    await db.exec(CATALOG_SCHEMA_SQL);
    await saveSnapshot(db);
    return Engine.prepared(db);
  }

  private static async prepared(db: PGlite): Promise<Engine> {
    // Materialize resolves unqualified catalog names through mz_catalog first.
    await db.exec('SET search_path TO mz_catalog, public');
    return new Engine(db);
  }

  /** Runs `work` alone on the database: nothing else touches it meanwhile. */
  exclusive<T>(work: (db: PGlite) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => work(this.db));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Sends raw frontend protocol messages and returns the raw backend reply. */
  protocol(message: Uint8Array): Promise<Uint8Array> {
    return this.exclusive((db) => db.execProtocolRaw(message));
  }

  async close(): Promise<void> {
    await this.exclusive((db) => db.close());
  }
}

let memorySnapshot: Blob | undefined;

function snapshotPath(): string {
  const require = createRequire(import.meta.url);
  let version = 'unknown';
  try {
    version = (require('@electric-sql/pglite/package.json') as { version: string }).version;
  } catch {
    // The package does not export its package.json: the schema hash alone keys the file.
  }
  const key = createHash('sha256').update(version).update('\0').update(CATALOG_SCHEMA_SQL).digest('hex').slice(0, 16);
  return join(tmpdir(), 'mzform-emulator', `catalog-${key}.tar`);
}

async function loadSnapshot(): Promise<Blob | undefined> {
  if (memorySnapshot) return memorySnapshot;
  try {
    memorySnapshot = new Blob([await readFile(snapshotPath())]);
    return memorySnapshot;
  } catch {
    return undefined;
  }
}

async function saveSnapshot(db: PGlite): Promise<void> {
  try {
    const dump = await db.dumpDataDir('none');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    memorySnapshot = new Blob([bytes]);
    const path = snapshotPath();
    await mkdir(join(tmpdir(), 'mzform-emulator'), { recursive: true });
    // Write then rename, so that concurrent first starts never read half a file.
    const partial = `${path}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch {
    // Only a cache: without it the next start is slower, nothing else.
  }
}
