import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CATALOG_SCHEMA_SQL } from './catalog/schema.js';
import { engineReuseEnabled, keepIdleDatabase, takeIdleDatabase } from './engine-reuse.js';

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
  private closed = false;

  private constructor(private readonly db: PGlite) {}

  static async start(): Promise<Engine> {
    // Kept by a stopped emulator of this process (engine-reuse.ts), already emptied.
    const idle = takeIdleDatabase<PGlite>();
    if (idle) return Engine.prepared(idle);
    const db = await Engine.create();
    if (engineReuseEnabled()) pristineShape ??= await shapeOf(db);
    return Engine.prepared(db);
  }

  private static async create(): Promise<PGlite> {
    const snapshot = await loadSnapshot();
    if (snapshot) {
      try {
        return await PGlite.create({ loadDataDir: snapshot });
      } catch {
        // A damaged or foreign snapshot: fall back to a fresh database below.
      }
    }
    const db = await PGlite.create();
    await db.exec(CATALOG_SCHEMA_SQL);
    await saveSnapshot(db);
    return db;
  }

  private static async prepared(db: PGlite): Promise<Engine> {
    // Materialize resolves unqualified catalog names through mz_catalog first.
    await db.exec('SET search_path TO mz_catalog, public');
    return new Engine(db);
  }

  /** Runs `work` alone on the database: nothing else touches it meanwhile. */
  exclusive<T>(work: (db: PGlite) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      // A closed engine's database may serve another emulator now: a late client of this one must not reach it.
      if (this.closed) throw new Error('the emulator has stopped');
      return work(this.db);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Sends raw frontend protocol messages and returns the raw backend reply.
   * The streaming call, because PGlite's execProtocolRaw also decodes every
   * reply message in JavaScript (for its own query API), which took more time
   * than running the query for catalogs of thousands of rows; nothing here
   * needs that decoding.
   */
  protocol(message: Uint8Array): Promise<Uint8Array> {
    return this.exclusive(async (db) => {
      const chunks: Uint8Array[] = [];
      // A chunk is a view into the engine's memory, reused by the next one: copied.
      await db.execProtocolRawStream(message, { onRawData: (data) => chunks.push(data.slice()) });
      return chunks.length === 1 ? chunks[0]! : concatChunks(chunks);
    });
  }

  async close(): Promise<void> {
    await this.exclusive(async (db) => {
      this.closed = true;
      if (engineReuseEnabled() && (await emptiedForReuse(db)) && keepIdleDatabase(db)) return;
      await db.close();
    });
  }
}

/**
 * The relations and functions outside Postgres's own schemas, as one hash: a
 * database whose shape differs from a fresh one's (a client changed it) is
 * never reused.
 */
let pristineShape: string | undefined;

async function shapeOf(db: PGlite): Promise<string> {
  const { rows } = await db.query<{ shape: string }>(`
    SELECT md5(
      coalesce((SELECT string_agg(n.nspname::text || '.' || c.relname::text || ':' || c.relkind::text, ',' ORDER BY n.nspname, c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'), '')
      || '|' ||
      coalesce((SELECT string_agg(n.nspname::text || '.' || p.proname::text || ':' || md5(p.prosrc), ',' ORDER BY n.nspname, p.proname, p.prosrc)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')), '')
    ) AS shape`);
  return rows[0]!.shape;
}

/**
 * Brings a stopped emulator's database back to a fresh one's state: no open
 * transaction, no session state (prepared statements, settings, temporary
 * tables), every catalog table empty. False when that cannot be shown.
 */
async function emptiedForReuse(db: PGlite): Promise<boolean> {
  if (pristineShape === undefined) return false;
  try {
    await db.exec('ROLLBACK');
    await db.exec('DISCARD ALL');
    if ((await shapeOf(db)) !== pristineShape) return false;
    const { rows } = await db.query<{ name: string }>(
      "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    // DELETE, not TRUNCATE: on tables this small it costs a tenth.
    await db.exec(rows.map((r) => `DELETE FROM ${r.name};`).join('\n'));
    return true;
  } catch {
    return false;
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

function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
