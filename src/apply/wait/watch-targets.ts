import { type WatchTarget, healthTargets } from '../../health/index.js';
import { type DesiredState, type MzObject, compareNames, displayName, nameKey, referencesOf } from '../../model/index.js';
import type { StepResult } from '../report.js';

/**
 * The connections a two-phase rollout creates first: SSH tunnels and
 * PrivateLink connections that other objects of the manifest go through.
 * What uses them validates only once the far side (the bastion, the
 * endpoint service) lets Materialize in, which needs their keys or
 * principal, which exist only once they do. Pure.
 */
export function gateConnections(desired: DesiredState): WatchTarget[] {
  const used = new Set<string>();
  for (const o of desired.objects) for (const ref of referencesOf(o)) used.add(nameKey(ref.target));
  const gates: WatchTarget[] = [];
  for (const o of desired.objects) {
    if (o.kind !== 'connection' || !used.has(nameKey(o.name))) continue;
    if (o.spec.type === 'aws-privatelink') gates.push({ name: o.name, kind: 'aws-privatelink', serviceName: o.spec.serviceName });
    if (o.spec.type === 'ssh-tunnel') gates.push({ name: o.name, kind: 'ssh-tunnel' });
  }
  return gates.sort((a, b) => compareNames(a.name, b.name));
}

/** `--target` names for the gates: fully qualified, so they resolve to exactly these objects. */
export function gateTargetNames(gates: readonly WatchTarget[]): string[] {
  return gates.map((g) => displayName(g.name));
}

/**
 * What `--wait` watches after an apply: the sources, tables from sources and
 * PrivateLink connections it created, altered or re-created. When it had nothing to run (a
 * second run after a timeout), every source and PrivateLink connection of the
 * manifest, so that running the command again resumes the wait.
 */
export function watchTargets(steps: readonly StepResult[], objects: readonly MzObject[] | undefined): WatchTarget[] {
  if (!objects) return namesOf(steps);
  const all = healthTargets(objects);
  if (steps.length === 0) return all;
  const changed = new Set(steps.filter((s) => s.status === 'done' && s.action !== 'drop' && s.phase !== 'drop').map((s) => nameKey(s.name)));
  return all.filter((t) => changed.has(nameKey(t.name)));
}

/** A saved plan has no manifest: its created or changed sources and tables from sources are what there is to watch. */
function namesOf(steps: readonly StepResult[]): WatchTarget[] {
  const seen = new Map<string, WatchTarget>();
  for (const s of steps) {
    if (s.status !== 'done' || s.action === 'drop' || s.phase === 'drop') continue;
    if (s.objectKind === 'source' || s.objectKind === 'table') seen.set(nameKey(s.name), { name: s.name, kind: s.objectKind });
  }
  return [...seen.values()].sort((a, b) => compareNames(a.name, b.name));
}
