import { type HealthSnapshot, type MzObject, type ObjectName, type SourceStatus, compareNames, nameKey } from '../model/index.js';

/**
 * healthy: nothing left to wait for; pending: on its way (starting,
 * snapshotting, waiting for AWS); unhealthy: stopped with an error or
 * refused; missing: not in the catalog.
 */
export type HealthVerdict = 'healthy' | 'pending' | 'unhealthy' | 'missing';

/** SSH tunnels have no status relation: their health is whether VALIDATE CONNECTION passes (apply --wait probes it). */
export type WatchedKind = 'source' | 'table' | 'aws-privatelink' | 'ssh-tunnel';

/** An object whose health is read: a source, a table from a source or a PrivateLink connection. */
export interface WatchTarget {
  readonly name: ObjectName;
  readonly kind: WatchedKind;
  /** PrivateLink: the endpoint service, to say where to accept. */
  readonly serviceName?: string;
}

export interface SnapshotProgress {
  readonly recordsKnown?: number;
  readonly recordsStaged?: number;
  readonly committed: boolean;
}

export interface SubsourceProblem {
  readonly name: ObjectName;
  readonly status: string;
  readonly error?: string;
}

export interface ObjectHealth {
  readonly name: ObjectName;
  readonly kind: WatchedKind;
  readonly verdict: HealthVerdict;
  /** Materialize's status word, null when it reports none. */
  readonly status: string | null;
  readonly lastChangeAt?: string;
  /** Materialize's error (redacted). */
  readonly error?: string;
  /** What is going on, or what to do, in one sentence. */
  readonly note?: string;
  readonly snapshot?: SnapshotProgress;
  readonly principal?: string;
  readonly subsources?: readonly SubsourceProblem[];
}

/** Statuses after which a source ingests nothing until someone acts (builtin.rs:6066 lists them). */
const FAILING_SOURCE = new Set(['stalled', 'failed', 'ceased', 'dropped']);
/** PrivateLink statuses that end the wait as a failure (mz_internal.md:131 lists them all). */
const FAILING_PRIVATELINK = new Set(['rejected', 'failed', 'expired', 'deleted', 'deleting']);

/** The sources, tables from sources and PrivateLink connections among the objects, in name order. */
export function healthTargets(objects: readonly MzObject[]): WatchTarget[] {
  const targets: WatchTarget[] = [];
  for (const o of objects) {
    if (o.kind === 'source') targets.push({ name: o.name, kind: 'source' });
    if (o.kind === 'table') targets.push({ name: o.name, kind: 'table' });
    if (o.kind === 'connection' && o.spec.type === 'aws-privatelink') targets.push({ name: o.name, kind: 'aws-privatelink', serviceName: o.spec.serviceName });
  }
  return targets.sort((a, b) => compareNames(a.name, b.name));
}

/** The verdict on each source, table and PrivateLink target, from one health read (tunnels are left to the caller). Pure. */
export function evaluateHealth(targets: readonly WatchTarget[], snapshot: HealthSnapshot): ObjectHealth[] {
  const sources = new Map(snapshot.sources.map((s) => [nameKey(s.name), s]));
  const links = new Map(snapshot.privateLinks.map((p) => [nameKey(p.name), p]));
  const stats = new Map(snapshot.statistics.map((s) => [s.id, s]));
  return targets
    .filter((t) => t.kind !== 'ssh-tunnel')
    .sort((a, b) => compareNames(a.name, b.name))
    .map((t): ObjectHealth => {
      if (t.kind === 'aws-privatelink') {
        const link = links.get(nameKey(t.name));
        if (!link) return missing(t);
        const base = { name: t.name, kind: t.kind, status: link.status, ...(link.lastChangeAt ? { lastChangeAt: link.lastChangeAt } : {}), ...(link.principal ? { principal: link.principal } : {}) };
        return { ...base, ...privateLinkVerdict(link.status, link.principal, t.serviceName) };
      }
      const source = sources.get(nameKey(t.name));
      if (!source) return missing(t);
      const stat = stats.get(source.id);
      const snapshotProgress: SnapshotProgress | undefined = stat
        ? {
            committed: stat.snapshotCommitted,
            ...(stat.snapshotRecordsKnown !== undefined ? { recordsKnown: stat.snapshotRecordsKnown } : {}),
            ...(stat.snapshotRecordsStaged !== undefined ? { recordsStaged: stat.snapshotRecordsStaged } : {}),
          }
        : undefined;
      // Tables from the source are targets of their own, not part of the source's verdict.
      const problems = snapshot.sources
        .filter((s) => s.parentId === source.id && s.type !== 'table' && s.status !== null && FAILING_SOURCE.has(s.status))
        .map((s): SubsourceProblem => ({ name: s.name, status: s.status as string, ...(s.error ? { error: s.error } : {}) }))
        .sort((a, b) => compareNames(a.name, b.name));
      return {
        name: t.name,
        kind: t.kind,
        status: source.status,
        ...(source.lastChangeAt ? { lastChangeAt: source.lastChangeAt } : {}),
        ...(source.error ? { error: source.error } : {}),
        ...(snapshotProgress ? { snapshot: snapshotProgress } : {}),
        ...(problems.length > 0 ? { subsources: problems } : {}),
        ...sourceVerdict(source, snapshotProgress, problems),
      };
    });
}

function missing(t: WatchTarget): ObjectHealth {
  return { name: t.name, kind: t.kind, verdict: 'missing', status: null, note: 'not in the catalog: run mzform apply' };
}

function privateLinkVerdict(status: string | null, principal: string | undefined, service: string | undefined): { verdict: HealthVerdict; note?: string } {
  if (status === 'available') return { verdict: 'healthy' };
  if (status !== null && FAILING_PRIVATELINK.has(status)) {
    return { verdict: 'unhealthy', note: `the endpoint is ${status}: check that the endpoint service${service ? ` ${service}` : ''} allows the principal and accepts the connection request, then re-create the connection` };
  }
  if (status === 'pending-acceptance') {
    return {
      verdict: 'pending',
      note: `on the endpoint service${service ? ` ${service}` : ''}: allow the principal ${principal ?? '(see mzform outputs)'}, then accept the pending connection request`,
    };
  }
  return { verdict: 'pending', note: `waiting for AWS (${status ?? 'no status yet'})` };
}

function sourceVerdict(source: SourceStatus, snapshot: SnapshotProgress | undefined, problems: readonly SubsourceProblem[]): { verdict: HealthVerdict; note?: string } {
  const status = source.status;
  if (status !== null && FAILING_SOURCE.has(status)) return { verdict: 'unhealthy' };
  if (problems.length > 0) return { verdict: 'unhealthy', note: `${problems.length} subsource${problems.length === 1 ? '' : 's'} ${problems.map((p) => `${p.name.name} ${p.status}`).join(', ')}` };
  if (status === 'running') return snapshot && !snapshot.committed ? { verdict: 'pending', note: 'snapshotting' } : { verdict: 'healthy' };
  if (status === 'paused') return { verdict: 'pending', note: 'paused: no replica of its cluster is running' };
  return status === null || status === 'created' ? { verdict: 'pending', note: 'created, not started yet' } : { verdict: 'pending' };
}

export interface HealthCounts {
  readonly healthy: number;
  readonly pending: number;
  readonly unhealthy: number;
  readonly missing: number;
}

export function countVerdicts(list: readonly ObjectHealth[]): HealthCounts {
  const counts = { healthy: 0, pending: 0, unhealthy: 0, missing: 0 };
  for (const o of list) counts[o.verdict]++;
  return counts;
}

/** unhealthy if anything is, pending if anything is on its way or missing, else healthy. */
export function overallVerdict(list: readonly ObjectHealth[]): 'healthy' | 'pending' | 'unhealthy' {
  if (list.some((o) => o.verdict === 'unhealthy')) return 'unhealthy';
  if (list.some((o) => o.verdict === 'pending' || o.verdict === 'missing')) return 'pending';
  return 'healthy';
}

/** `45% (450 of 1,000 records)`, or undefined while the size is unknown. */
export function describeSnapshot(s: SnapshotProgress | undefined): string | undefined {
  if (!s) return undefined;
  if (s.committed) return s.recordsKnown ? `snapshot done (${groupDigits(s.recordsKnown)} records)` : 'snapshot done';
  if (s.recordsKnown === undefined) return 'snapshot size not known yet';
  const staged = s.recordsStaged ?? 0;
  return `snapshot ${percent(staged, s.recordsKnown)}% (${groupDigits(staged)} of ${groupDigits(s.recordsKnown)} records)`;
}

export function percent(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.min(100, Math.floor((100 * part) / whole));
}

/** 1234567 → `1,234,567`, the same everywhere (no locale). */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A tunnel's health from VALIDATE CONNECTION: the bastion lets Materialize in once both public keys are installed. */
export function tunnelHealth(name: ObjectName, validation: { readonly ok: boolean; readonly message?: string }): ObjectHealth {
  return validation.ok
    ? { name, kind: 'ssh-tunnel', verdict: 'healthy', status: 'validated' }
    : {
        name,
        kind: 'ssh-tunnel',
        verdict: 'pending',
        status: 'not validated',
        ...(validation.message ? { error: validation.message } : {}),
        note: "add both public keys (mzform outputs) to the bastion's authorized_keys",
      };
}
