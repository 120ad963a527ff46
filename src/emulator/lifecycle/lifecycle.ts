import type { Item, SourceItem } from '../catalog/store.js';
import type { DdlHost } from '../ddl/host.js';
import type { Engine } from '../engine.js';
import { MzError } from '../errors.js';
import { type StallReason, errorDetails, errorText, stallReason } from './stall-reasons.js';

/** What the lifecycle reads and writes: the catalog, the settings and the engine. */
export interface LifecycleHost extends DdlHost {
  readonly engine: Engine;
}

interface StatusEvent {
  readonly at: number;
  readonly id: string;
  readonly relation: 'source' | 'privatelink';
  readonly status: string;
  readonly error?: string;
  readonly details?: string;
}

interface Snapshot {
  readonly id: string;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly records: number;
  readonly stalledAt?: number;
}

/** Kinds of sources that have a lifecycle of their own (progress collections are always `running`). */
const LIVING_SOURCES = new Set(['kafka', 'postgres', 'mysql', 'load-generator', 'subsource']);

/** Gaps between the first PrivateLink statuses, so that each is its own event. */
const STEP_MS = 1;

/**
 * Plays what happens to objects after their CREATE: a PrivateLink endpoint
 * waits for discovery and acceptance, a source starts, runs, snapshots, and
 * stalls when its upstream goes away. Events are written ahead of time into
 * the event table that the status views read (see schema.ts); test hooks
 * (`EMULATOR ACCEPT PRIVATELINK ...`) and upstream changes add events now.
 */
export class Lifecycle {
  /** Objects whose events are written, with when each source runs (or ran). */
  readonly #tracked = new Map<string, number>();
  readonly #stalled = new Set<string>();

  constructor(private readonly host: LifecycleHost) {}

  /** Called after every catalog write: new objects get their events, dropped ones lose them. */
  async observe(ids: Iterable<string>, now = Date.now()): Promise<void> {
    const events: StatusEvent[] = [];
    const snapshots: Snapshot[] = [];
    const forgotten: string[] = [];
    for (const id of new Set(ids)) {
      const item = this.host.store.items.get(id);
      if (!item) {
        if (this.#tracked.delete(id)) forgotten.push(id);
        this.#stalled.delete(id);
        continue;
      }
      if (this.#tracked.has(id)) continue;
      this.#schedule(item, now, events, snapshots);
    }
    if (events.length === 0 && snapshots.length === 0 && forgotten.length === 0) return;
    await this.#write(events, snapshots, forgotten);
  }

  /** After an upstream change (a host made unreachable, a topic deleted): running sources it breaks stall now. */
  async reconcile(now = Date.now()): Promise<void> {
    for (const [id, runsAt] of this.#tracked) {
      const item = this.host.store.items.get(id);
      if (item?.kind !== 'source' || item.parentId || this.#stalled.has(id)) continue;
      const reason = stallReason(this.host, item);
      if (reason) await this.stall(item, reason, Math.max(now, runsAt));
    }
  }

  /** The endpoint service accepted (or rejected) the connection request. */
  async settlePrivateLink(name: string, status: 'available' | 'rejected', now = Date.now()): Promise<void> {
    const item = this.#find(name, (i) => i.kind === 'connection' && i.statement.connectionType === 'aws-privatelink', 'AWS PrivateLink connection');
    await this.#replaceFuture(item.id, now, [{ at: now, id: item.id, relation: 'privatelink', status }]);
  }

  /** A source stalls with the given error (a test hook, and what upstream failures do). */
  async stallSource(name: string, error: string, now = Date.now()): Promise<void> {
    const item = this.#find(name, (i) => i.kind === 'source' && !i.parentId && i.type !== 'progress', 'source') as SourceItem;
    const runsAt = this.#tracked.get(item.id) ?? now;
    const [namespace, ...rest] = error.split(': ');
    const reason: StallReason = rest.length > 0 && ['kafka', 'postgres', 'mysql', 'ssh'].includes(namespace ?? '')
      ? { namespace: namespace as StallReason['namespace'], message: rest.join(': ') }
      : { namespace: sourceNamespace(item), message: error };
    await this.stall(item, reason, Math.max(now, runsAt));
  }

  async stall(item: SourceItem, reason: StallReason, at: number): Promise<void> {
    this.#stalled.add(item.id);
    await this.#replaceFuture(item.id, at, [{ at, id: item.id, relation: 'source', status: 'stalled', error: errorText(reason), details: errorDetails(reason) }]);
    await this.host.engine.exclusive((db) =>
      db.query('UPDATE mz_internal.mz_emulator_snapshots SET stalled_at = GREATEST(started_at, $2::timestamptz) WHERE id = $1', [item.id, iso(at)]),
    );
  }

  #schedule(item: Item, now: number, events: StatusEvent[], snapshots: Snapshot[]): void {
    const settings = this.host.settings.lifecycle;
    if (item.kind === 'connection' && item.statement.connectionType === 'aws-privatelink') {
      this.#tracked.set(item.id, now);
      const acceptance = settings.privateLinkAcceptance;
      if (acceptance === 'auto') {
        events.push({ at: now, id: item.id, relation: 'privatelink', status: 'available' });
        return;
      }
      // The statuses Materialize goes through (mz_internal.md:131 lists them): discovery, the endpoint, then acceptance.
      events.push({ at: now, id: item.id, relation: 'privatelink', status: 'pending-service-discovery' });
      events.push({ at: now + STEP_MS, id: item.id, relation: 'privatelink', status: 'creating-endpoint' });
      events.push({ at: now + 2 * STEP_MS, id: item.id, relation: 'privatelink', status: 'pending-acceptance' });
      if (typeof acceptance === 'number') events.push({ at: now + Math.max(acceptance, 3 * STEP_MS), id: item.id, relation: 'privatelink', status: 'available' });
      return;
    }
    // A table from a source has its own status history, as a subsource does (builtin.rs:6214-6218 reads it beside the sources').
    const fromSource = item.kind === 'table' && item.sourceId !== undefined;
    if (!fromSource && (item.kind !== 'source' || !LIVING_SOURCES.has(item.type))) return;
    const runsAt = now + settings.sourceStartMs;
    this.#tracked.set(item.id, runsAt);
    if (settings.sourceStartMs > 0) events.push({ at: now, id: item.id, relation: 'source', status: 'starting' });
    if (item.kind !== 'source') {
      events.push({ at: runsAt, id: item.id, relation: 'source', status: 'running' });
      return;
    }
    const reason = item.parentId ? undefined : stallReason(this.host, item);
    if (reason) {
      this.#stalled.add(item.id);
      events.push({ at: runsAt, id: item.id, relation: 'source', status: 'stalled', error: errorText(reason), details: errorDetails(reason) });
    } else {
      events.push({ at: runsAt, id: item.id, relation: 'source', status: 'running' });
    }
    if (!item.parentId) {
      snapshots.push({ id: item.id, startedAt: runsAt, durationMs: settings.snapshotMs, records: settings.snapshotRecords, ...(reason ? { stalledAt: runsAt } : {}) });
    }
  }

  #find(name: string, accept: (item: Item) => boolean, what: string): Item {
    const parts = name.split('.');
    const matches = [...this.host.store.items.values()].filter((item) => {
      if (!accept(item)) return false;
      const qualified = this.host.store.qualifiedName(item);
      return qualified.slice(3 - parts.length).join('.') === name;
    });
    if (matches.length === 1) return matches[0] as Item;
    if (matches.length === 0) throw new MzError(`unknown ${what} '${name}'`);
    throw new MzError(`${what} '${name}' is ambiguous: qualify it with its schema`);
  }

  /** Drops the object's events dated after `from` (a planned future it no longer has) and adds `events`. */
  async #replaceFuture(id: string, from: number, events: readonly StatusEvent[]): Promise<void> {
    await this.host.engine.exclusive((db) =>
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM mz_internal.mz_emulator_status_events WHERE object_id = $1 AND occurred_at >= $2::timestamptz', [id, iso(from)]);
        for (const e of events) await insertEvent(tx, e);
      }),
    );
  }

  async #write(events: readonly StatusEvent[], snapshots: readonly Snapshot[], forgotten: readonly string[]): Promise<void> {
    await this.host.engine.exclusive((db) =>
      db.transaction(async (tx) => {
        if (forgotten.length > 0) {
          await tx.query('DELETE FROM mz_internal.mz_emulator_status_events WHERE object_id = ANY($1)', [forgotten]);
          await tx.query('DELETE FROM mz_internal.mz_emulator_snapshots WHERE id = ANY($1)', [forgotten]);
        }
        for (const e of events) await insertEvent(tx, e);
        for (const s of snapshots) {
          await tx.query(
            'INSERT INTO mz_internal.mz_emulator_snapshots (id, started_at, duration_ms, records, stalled_at) VALUES ($1, $2::timestamptz, $3, $4, $5::timestamptz) ON CONFLICT (id) DO NOTHING',
            [s.id, iso(s.startedAt), s.durationMs, s.records, s.stalledAt === undefined ? null : iso(s.stalledAt)],
          );
        }
      }),
    );
  }
}

type Executor = { query: (sql: string, params?: unknown[]) => Promise<unknown> };

async function insertEvent(db: Executor, e: StatusEvent): Promise<void> {
  await db.query(
    'INSERT INTO mz_internal.mz_emulator_status_events (occurred_at, object_id, relation, status, error, details) VALUES ($1::timestamptz, $2, $3, $4, $5, $6::jsonb)',
    [iso(e.at), e.id, e.relation, e.status, e.error ?? null, e.details ?? null],
  );
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function sourceNamespace(item: SourceItem): StallReason['namespace'] {
  return item.type === 'postgres' ? 'postgres' : item.type === 'mysql' ? 'mysql' : 'kafka';
}
