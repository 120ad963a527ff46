/**
 * How the emulated world outside Materialize behaves over time. The defaults
 * keep the emulator as it always was: a PrivateLink connection is
 * `available` at once and a source is `running` at once, with an empty
 * snapshot already committed.
 */
export interface LifecycleSettings {
  /**
   * PrivateLink endpoints: `auto` (available at once), `manual` (pending
   * until `EMULATOR ACCEPT PRIVATELINK 'name'`), or a number of milliseconds
   * after which the endpoint service accepts by itself.
   */
  privateLinkAcceptance: 'auto' | 'manual' | number;
  /** How long a new source reports `starting` before `running`. */
  sourceStartMs: number;
  /** How long a source's initial snapshot takes, once running. */
  snapshotMs: number;
  /** How many records each source's snapshot has. */
  snapshotRecords: number;
  /** Kafka topics deleted upstream: a source reading one stalls once it starts. */
  readonly deletedTopics: Set<string>;
}

export function defaultLifecycleSettings(): LifecycleSettings {
  return { privateLinkAcceptance: 'auto', sourceStartMs: 0, snapshotMs: 0, snapshotRecords: 0, deletedTopics: new Set() };
}

/** The `lifecycle` options of `startEmulator` and of the settings file. */
export interface LifecycleOptions {
  readonly privateLinkAcceptance?: 'auto' | 'manual' | number;
  readonly sourceStartMs?: number;
  readonly snapshotMs?: number;
  readonly snapshotRecords?: number;
  readonly deletedTopics?: readonly string[];
}

export function applyLifecycleOptions(settings: LifecycleSettings, options: LifecycleOptions | undefined): void {
  if (!options) return;
  if (options.privateLinkAcceptance !== undefined) settings.privateLinkAcceptance = options.privateLinkAcceptance;
  if (options.sourceStartMs !== undefined) settings.sourceStartMs = options.sourceStartMs;
  if (options.snapshotMs !== undefined) settings.snapshotMs = options.snapshotMs;
  if (options.snapshotRecords !== undefined) settings.snapshotRecords = options.snapshotRecords;
  for (const t of options.deletedTopics ?? []) settings.deletedTopics.add(t);
}

/** Checks the `lifecycle` object of a settings file; returns the problem, or the options. */
export function parseLifecycleOptions(raw: unknown): LifecycleOptions | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '"lifecycle" must be an object';
  const o = raw as Record<string, unknown>;
  const known = ['privateLinkAcceptance', 'sourceStartMs', 'snapshotMs', 'snapshotRecords', 'deletedTopics'];
  for (const key of Object.keys(o)) if (!known.includes(key)) return `unknown setting "lifecycle.${key}" (known: ${known.join(', ')})`;
  const acceptance = o['privateLinkAcceptance'];
  if (acceptance !== undefined && acceptance !== 'auto' && acceptance !== 'manual' && !isCount(acceptance)) {
    return '"lifecycle.privateLinkAcceptance" must be "auto", "manual" or a number of milliseconds';
  }
  for (const key of ['sourceStartMs', 'snapshotMs', 'snapshotRecords']) {
    if (o[key] !== undefined && !isCount(o[key])) return `"lifecycle.${key}" must be a whole number >= 0`;
  }
  const topics = o['deletedTopics'];
  if (topics !== undefined && (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string'))) return '"lifecycle.deletedTopics" must be a list of strings';
  return o as LifecycleOptions;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
