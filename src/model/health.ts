import type { ObjectName } from './names.js';

/**
 * What Materialize reports about the health of objects, as read from
 * `mz_internal.mz_source_statuses`, `mz_source_statistics` and
 * `mz_aws_privatelink_connection_statuses`. Never diffed: it is the
 * running state, not the definition.
 */
export interface SourceStatus {
  readonly id: string;
  readonly name: ObjectName;
  /** `kafka`, `postgres`, `subsource`, ... */
  readonly type: string;
  /** Subsources: the id of the source they belong to. */
  readonly parentId?: string;
  /** `created`, `starting`, `running`, `paused`, `stalled`, `failed`, `ceased`, `dropped`; null when unknown. */
  readonly status: string | null;
  /** Materialize's error, secret values already removed. */
  readonly error?: string;
  /** ISO 8601. */
  readonly lastChangeAt?: string;
}

/** The snapshot part of `mz_source_statistics`, summed over replicas. */
export interface SourceStatistics {
  readonly id: string;
  readonly snapshotRecordsKnown?: number;
  readonly snapshotRecordsStaged?: number;
  readonly snapshotCommitted: boolean;
  readonly messagesReceived?: number;
  readonly bytesReceived?: number;
}

export interface PrivateLinkStatus {
  readonly id: string;
  readonly name: ObjectName;
  /** `pending-service-discovery`, `pending-acceptance`, `available`, `rejected`, `failed`, ...; null when unknown. */
  readonly status: string | null;
  readonly lastChangeAt?: string;
  readonly principal?: string;
}

export interface HealthSnapshot {
  readonly sources: readonly SourceStatus[];
  readonly statistics: readonly SourceStatistics[];
  readonly privateLinks: readonly PrivateLinkStatus[];
}
