import { LOCK_OBJECT_NAME, LOCK_QUERY, type LockRow } from '../catalog/index.js';
import { type Database, DatabaseError } from '../db/index.js';
import { InputError, RefusedError, RuntimeError } from '../errors.js';
import { type ObjectName, SecretValue, displayName } from '../model/index.js';
import { executableSql, renderComment, renderCreate, renderDrop } from '../sql/index.js';

/**
 * The apply lock. Materialize has no advisory locks, but creating a catalog
 * item is atomic and a second CREATE of the same name fails, so the lock is a
 * secret (`__mzform_lock`) in one fixed schema; its comment records who holds
 * it. Introspection leaves it out (src/catalog/lock-object.ts), so plans never
 * see it.
 *
 * Every mzform run against one Materialize uses the same schema unless told
 * otherwise (`--lock-schema`), so two applies serialize whatever manifests
 * they come from.
 */
export interface LockLocation {
  readonly database: string;
  readonly schema: string;
}

export const DEFAULT_LOCK_LOCATION: LockLocation = { database: 'materialize', schema: 'public' };

/** Who holds the lock: written into the lock's comment when acquired. */
export interface LockHolder {
  /** `user@host`. */
  readonly holder: string;
  readonly pid: number;
  /** Unique per run; `force-unlock` takes it to be sure it clears the lock it means to. */
  readonly runId: string;
  /** ISO 8601, UTC. */
  readonly acquiredAt: string;
}

/** What a reader finds: a holder, or a lock whose comment is not (yet) written. */
export type LockState = { readonly held: false } | { readonly held: true; readonly holder?: LockHolder };

export interface HeldLock {
  readonly location: LockLocation;
  readonly holder: LockHolder;
}

const COMMENT_PREFIX = 'mzform apply lock: ';

export function lockObjectName(location: LockLocation): ObjectName {
  return { database: location.database, schema: location.schema, name: LOCK_OBJECT_NAME };
}

/** The lock's comment: a readable prefix (it shows in SHOW SECRETS) and the holder as JSON. */
export function composeLockComment(holder: LockHolder): string {
  return COMMENT_PREFIX + JSON.stringify({ holder: holder.holder, pid: holder.pid, run: holder.runId, acquired: holder.acquiredAt });
}

export function parseLockComment(comment: string | null | undefined): LockHolder | undefined {
  if (!comment?.startsWith(COMMENT_PREFIX)) return undefined;
  try {
    const data = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as Record<string, unknown>;
    if (typeof data.holder !== 'string' || typeof data.pid !== 'number' || typeof data.run !== 'string' || typeof data.acquired !== 'string') return undefined;
    return { holder: data.holder, pid: data.pid, runId: data.run, acquiredAt: data.acquired };
  } catch {
    return undefined;
  }
}

/** `alice@ci-7 (pid 4242, run 3f2a…) since 2025-01-01T00:00:00.000Z`. */
export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'an mzform run that has not recorded its name yet (or a lock made by hand)';
  return `${holder.holder} (pid ${holder.pid}, run ${holder.runId}) since ${holder.acquiredAt}`;
}

export async function readLock(db: Database, location: LockLocation): Promise<LockState> {
  const rows = await db.query<LockRow>(LOCK_QUERY);
  const row = rows.find((r) => r.database_name === location.database && r.schema_name === location.schema);
  if (!row) return { held: false };
  const holder = parseLockComment(row.comment);
  return holder ? { held: true, holder } : { held: true };
}

export interface AcquireOptions {
  readonly location: LockLocation;
  readonly holder: LockHolder;
  /** How long to wait for a held lock; 0 fails at once. */
  readonly timeoutMs: number;
  /** How often to try again while waiting. */
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Lets Ctrl-C stop the wait. */
  readonly signal?: AbortSignal;
  /** A new connection, to take back a half-made lock when this one drops. */
  readonly reconnect?: () => Promise<Database>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates the lock secret, then records the holder in its comment. Fails
 * fast (or after `timeoutMs` of retrying) with a RefusedError naming the
 * holder and the command that clears a stale lock.
 */
export async function acquireLock(db: Database, options: AcquireOptions): Promise<HeldLock> {
  const name = lockObjectName(options.location);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const started = now();
  const deadline = started + options.timeoutMs;
  // The value is of no interest to anyone; a secret is used because it is the simplest catalog item to create.
  const create = renderCreate({ kind: 'secret', name, value: new SecretValue({ kind: 'env', variable: 'MZFORM_RUN_ID' }, options.holder.runId) });
  for (;;) {
    try {
      await db.execute(executableSql(create), [options.holder.runId]);
      break;
    } catch (err) {
      if (isAlreadyExists(err)) {
        // Held: wait below.
      } else {
        if (isLostReply(err)) await takeBackUnnamedLock(options, sleep);
        throw lockError(err, options.location);
      }
    }
    if (now() >= deadline || options.signal?.aborted) {
      const state = await readLock(db, options.location).catch((): LockState => ({ held: true }));
      // The time actually waited: a wait cut short by Ctrl-C is not the whole --lock-timeout.
      throw heldError(options.location, state.held ? state.holder : undefined, options.timeoutMs > 0 ? now() - started : 0);
    }
    await sleep(Math.max(0, Math.min(options.pollMs ?? 1000, deadline - now())));
  }
  try {
    await db.execute(executableSql(renderComment('secret', name, composeLockComment(options.holder))));
  } catch (err) {
    // The lock is ours (the CREATE succeeded) but names no holder: take it back, over a new connection if this one dropped.
    const dropped = await db.execute(executableSql(renderDrop('secret', name))).then(
      () => true,
      () => false,
    );
    if (!dropped && options.reconnect) {
      const fresh = await options.reconnect().catch(() => undefined);
      await fresh?.execute(executableSql(renderDrop('secret', name))).catch(() => {});
      await fresh?.close();
    }
    throw lockError(err, options.location);
  }
  return { location: options.location, holder: options.holder };
}

export type ReleaseOutcome = 'released' | 'already-gone' | 'held-by-another';

/**
 * Drops the lock if it is still ours. Someone may have force-unlocked it and
 * another run taken it since: that lock is left alone.
 */
export async function releaseLock(db: Database, lock: HeldLock): Promise<ReleaseOutcome> {
  const state = await readLock(db, lock.location);
  if (!state.held) return 'already-gone';
  if (state.holder?.runId !== lock.holder.runId) return 'held-by-another';
  await db.execute(executableSql(renderDrop('secret', lockObjectName(lock.location))));
  return 'released';
}

export type ForceUnlockOutcome = { readonly cleared: false } | { readonly cleared: true; readonly holder?: LockHolder };

/**
 * Clears a stale lock (a run that was killed before it could release it).
 * With `runId`, only the lock of that run is cleared: a lock taken since by
 * a live run is refused.
 */
export async function forceUnlock(db: Database, location: LockLocation, runId: string | undefined): Promise<ForceUnlockOutcome> {
  const state = await readLock(db, location);
  if (!state.held) return { cleared: false };
  if (runId !== undefined && state.holder?.runId !== runId) {
    throw new RefusedError('lock.other-run', `the lock on ${displayName(lockObjectName(location))} is held by ${describeHolder(state.holder)}, not by run ${runId}`, {
      hint: 'Check that this run is not alive before clearing its lock; give its run id to force-unlock.',
    });
  }
  await db.execute(executableSql(renderDrop('secret', lockObjectName(location))));
  return state.holder ? { cleared: true, holder: state.holder } : { cleared: true };
}

function isLostReply(err: unknown): boolean {
  return err instanceof DatabaseError && (err.code === 'db.connection-lost' || err.code === 'db.timeout');
}

/**
 * The CREATE of the lock may have run with its reply lost. Over a new
 * connection: a lock that names no holder, and still names none a moment
 * later (a live run records its name in the next statement), is this run's
 * own, and is dropped so that it does not block every later apply.
 */
async function takeBackUnnamedLock(options: AcquireOptions, sleep: (ms: number) => Promise<void>): Promise<void> {
  if (!options.reconnect) return;
  const fresh = await options.reconnect().catch(() => undefined);
  if (!fresh) return;
  try {
    if ((await readLock(fresh, options.location)).held === false) return;
    await sleep(UNNAMED_LOCK_GRACE_MS);
    const state = await readLock(fresh, options.location);
    if (state.held && state.holder === undefined) await fresh.execute(executableSql(renderDrop('secret', lockObjectName(options.location))));
  } catch {
    // Nothing more to do: the error reported names force-unlock.
  } finally {
    await fresh.close();
  }
}

/** How long a lock with no holder recorded is given to record one before it counts as orphaned. */
const UNNAMED_LOCK_GRACE_MS = 1000;

function isAlreadyExists(err: unknown): boolean {
  return err instanceof DatabaseError && err.code === 'db.statement-failed' && /already exists/i.test(err.message);
}

function heldError(location: LockLocation, holder: LockHolder | undefined, waitedMs: number): RefusedError {
  const where = displayName(lockObjectName(location));
  const waited = waitedMs > 0 ? ` (waited ${formatDuration(waitedMs < 10_000 ? waitedMs : Math.round(waitedMs / 1000) * 1000)})` : '';
  const schemaFlag = sameLocation(location, DEFAULT_LOCK_LOCATION) ? '' : ` --lock-schema ${location.database}.${location.schema}`;
  return new RefusedError('apply.locked', `another apply is running: the lock ${where} is held by ${describeHolder(holder)}${waited}`, {
    hint: `Wait for it to finish (--lock-timeout 5m waits), or, if that run is dead, clear the lock: mzform force-unlock${holder ? ` ${holder.runId}` : ' --force'}${schemaFlag} (with the same connection flags).`,
  });
}

function lockError(err: unknown, location: LockLocation): RuntimeError {
  const reason = err instanceof Error ? err.message : String(err);
  return new RuntimeError('apply.lock-failed', `cannot take the apply lock in ${location.database}.${location.schema}: ${reason}`, {
    hint: 'The lock is a secret mzform creates; give a schema where you may create secrets with --lock-schema database.schema.',
  });
}

function sameLocation(a: LockLocation, b: LockLocation): boolean {
  return a.database === b.database && a.schema === b.schema;
}

export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** `30s`, `5m`, `1500ms`, `0`: the --lock-timeout value. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'ms':
      return n;
    case 'm':
      return n * 60_000;
    default:
      return n * 1000;
  }
}

/** `--lock-schema database.schema` (default materialize.public). */
export function parseLockSchema(text: string | undefined): LockLocation {
  if (text === undefined) return DEFAULT_LOCK_LOCATION;
  const parts = text.split('.');
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw new InputError('flags.lock-schema', `--lock-schema ${text}: expected database.schema, e.g. materialize.public`);
  }
  return { database: parts[0] as string, schema: parts[1] as string };
}
