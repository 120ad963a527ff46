import type { Alteration } from '../diff/index.js';
import { type ActualObject, type DependentsIndex, type MzObject, type ObjectKind, displayName } from '../model/index.js';

/**
 * Every hazard mzform reports, documented once. A hazard is data on a step:
 * every renderer shows it, and apply refuses a step whose hazards are not
 * allowed by code.
 */
export const HAZARD_CODES = {
  /** An object the manifest no longer lists is deleted (pruning is on). */
  drop: 'The object is deleted; a source also loses the data it ingested.',
  /** A source is dropped and created again: it re-reads (re-snapshots) all its data upstream. */
  'source-recreate': 'The source is dropped and created again, so it re-ingests all its data from upstream.',
  /** A table from a source is dropped and created again: that one table re-reads its upstream data; the source and its other tables stay. */
  'table-recreate': 'The table is dropped and created again, so it re-ingests its upstream data; its source and the other tables stay.',
  /** A connection that sources use is dropped and created again, and those sources with it. */
  'connection-replace-with-sources': 'The connection is re-created, and so are the sources that use it.',
  /** A secret's value changes while sources use it; they may keep the old value until their replicas restart. */
  'secret-rotation-with-sources': 'Running sources may keep using the old value until their replicas are re-created.',
  /** An SSH tunnel connection is dropped: its key pair is gone, and a re-created tunnel gets new keys. */
  'ssh-key-loss': 'The SSH key pair is destroyed; the bastion must be given the new public keys.',
  /** A PrivateLink connection is dropped: a re-created one has a new principal. */
  'privatelink-principal-loss': 'The PrivateLink principal changes; the endpoint service must allow the new one.',
  /** An AWS connection is dropped: a re-created one has a new external id. */
  'aws-external-id-change': "The AWS external id changes; the IAM role's trust policy must name the new one.",
  /** One subsource of a source is dropped in place: that table's data is gone (and re-ingested if it is added again). */
  'subsource-drop': "The subsource is dropped with the data ingested for its table; the source and its other subsources stay.",
  /** A managed cluster changes size: Materialize replaces its replicas, which incurs downtime (doc/user/content/sql/alter-cluster.md:163-167). */
  'cluster-resize': 'The cluster gets replicas of the new size; what runs on it pauses until they are hydrated.',
  /** A source is dropped with CASCADE, taking its subsources along. */
  'drop-cascade': 'The source is dropped with CASCADE, which also drops its subsources.',
} as const;

export type HazardCode = keyof typeof HAZARD_CODES;

export interface Hazard {
  readonly code: HazardCode;
  /** One sentence about this step, naming the objects concerned. */
  readonly message: string;
}

/** Sources that use an object, directly or through other connections, by display name. */
export function sourcesUsing(id: string, dependents: DependentsIndex): string[] {
  const seen = new Set<string>([id]);
  const queue = [id];
  const sources: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    for (const o of dependents.managed.get(queue[head]!) ?? []) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      queue.push(o.id);
      if (o.object.kind === 'source') sources.push(displayName(o.object.name));
    }
  }
  return sources.sort();
}

const list = (names: readonly string[]) => names.join(', ');

/** What is lost when an object is dropped, whether for good or to be created again. */
function lossHazards(object: MzObject, recreated: boolean): Hazard[] {
  const name = displayName(object.name);
  if (object.kind !== 'connection') return [];
  switch (object.spec.type) {
    case 'ssh-tunnel':
      return [
        {
          code: 'ssh-key-loss',
          message: recreated
            ? `SSH tunnel ${name} gets new key pairs: add its new public keys to the bastion's authorized_keys before connections through it can work again.`
            : `The key pairs of SSH tunnel ${name} are destroyed; remove its public keys from the bastion.`,
        },
      ];
    case 'aws-privatelink':
      return [
        {
          code: 'privatelink-principal-loss',
          message: recreated
            ? `PrivateLink connection ${name} gets a new principal: allow it on the VPC endpoint service (and accept the new endpoint connection) before it can connect again.`
            : `The principal of PrivateLink connection ${name} is destroyed; remove it from the endpoint service's allowed principals.`,
        },
      ];
    case 'aws':
      return recreated
        ? [{ code: 'aws-external-id-change', message: `AWS connection ${name} gets a new external id: update the trust policy of its IAM role.` }]
        : [];
    default:
      return [];
  }
}

export function dropHazards(current: ActualObject, cascade: readonly string[]): Hazard[] {
  const object = current.object;
  const name = displayName(object.name);
  const hazards: Hazard[] = [
    {
      code: 'drop',
      message:
        object.kind === 'source'
          ? `Source ${name} is dropped with the data it ingested.`
          : object.kind === 'table'
            ? `Table ${name} is dropped with the data it ingested; its source stays.`
            : `${capitalize(object.kind)} ${name} is dropped; the manifest no longer lists it.`,
    },
  ];
  if (cascade.length > 0) hazards.push({ code: 'drop-cascade', message: `Source ${name} is dropped with CASCADE, which also drops ${list(cascade)}.` });
  return [...hazards, ...lossHazards(object, false)];
}

export function replaceHazards(current: ActualObject, desired: MzObject, dependents: DependentsIndex, cascade: readonly string[]): Hazard[] {
  const object = current.object;
  const name = displayName(object.name);
  const byKind: Record<ObjectKind, () => Hazard[]> = {
    secret: () => [],
    source: () => [{ code: 'source-recreate', message: `Source ${name} is dropped and created again: it re-ingests all its data from upstream.` }],
    table: () =>
      object.kind === 'table'
        ? [{ code: 'table-recreate', message: `Table ${name} is dropped and created again: it re-ingests its data from ${displayName(object.source)}; the source and its other tables stay.` }]
        : [],
    connection: () => {
      const sources = sourcesUsing(current.id, dependents);
      if (sources.length === 0) return [];
      return [
        {
          code: 'connection-replace-with-sources',
          message: `Connection ${name} is re-created, and with it the sources that use it, which re-ingest their data: ${list(sources)}.`,
        },
      ];
    },
  };
  const hazards: Hazard[] = byKind[object.kind]();
  if (cascade.length > 0) hazards.push({ code: 'drop-cascade', message: `Source ${name} is dropped with CASCADE, which also drops ${list(cascade)}.` });
  // A kind change (same name) destroys what the old object held; an object of the same kind is re-created.
  return [...hazards, ...lossHazards(object, desired.kind === object.kind)];
}

/** Subsources an alter drops (`DROP SOURCE <subsource>`), each named with why. */
export function subsourceHazards(source: MzObject, alterations: readonly Alteration[]): Hazard[] {
  return alterations.flatMap((a): Hazard[] => {
    if (a.kind !== 'drop-subsource') return [];
    const table = a.table.reference.join('.');
    const message =
      a.reason === 'columns'
        ? `Subsource ${displayName(a.subsource)} of source ${displayName(source.name)} is dropped and added again with other TEXT / EXCLUDE COLUMNS: table ${table} re-ingests from upstream.`
        : `Subsource ${displayName(a.subsource)} of source ${displayName(source.name)} is dropped with the data ingested for table ${table}.`;
    return [{ code: 'subsource-drop', message }];
  });
}

export function secretRotationHazards(current: ActualObject, dependents: DependentsIndex): Hazard[] {
  const sources = sourcesUsing(current.id, dependents);
  if (sources.length === 0) return [];
  return [
    {
      code: 'secret-rotation-with-sources',
      message: `Secret ${displayName(current.object.name)} gets a new value while sources use it; they may keep the old value until their replicas are re-created: ${list(sources)}.`,
    },
  ];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
