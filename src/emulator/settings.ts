import { type LifecycleSettings, defaultLifecycleSettings } from './lifecycle/settings.js';

/**
 * What the emulator pretends about the world outside it. Nothing upstream is
 * reachable from here, so validation passes unless a setting says otherwise.
 */
export interface EmulatorSettings {
  /** Materialize's environment id; it appears in principals and progress topics. */
  readonly environmentId: string;
  /** The AWS account of the principals (`arn:aws:iam::<account>:role/...`). */
  readonly awsAccountId: string;
  /** Hosts (`host` or `host:port`) whose validation fails as unreachable. */
  readonly unreachableHosts: Set<string>;
  /** Kafka topics that do not exist: a source on one fails. */
  readonly missingTopics: Set<string>;
  /**
   * Upstream tables per Postgres / MySQL host, as `schema.table`, for
   * `FOR ALL TABLES` / `FOR SCHEMAS`. Hosts not listed have the default set.
   */
  readonly upstreamTables: Map<string, string[]>;
  /** How PrivateLink connections and sources move through their statuses (lifecycle/). */
  readonly lifecycle: LifecycleSettings;
}

/** The tables every Postgres or MySQL upstream has unless a setting names others. */
export const DEFAULT_UPSTREAM_TABLES = ['public.orders', 'public.customers'];

export const DEFAULT_ENVIRONMENT_ID = 'local-emulator-00000000-0000-0000-0000-000000000000-0';
export const DEFAULT_AWS_ACCOUNT_ID = '664411391173';

export function defaultSettings(): EmulatorSettings {
  return {
    environmentId: DEFAULT_ENVIRONMENT_ID,
    awsAccountId: DEFAULT_AWS_ACCOUNT_ID,
    unreachableHosts: new Set(),
    missingTopics: new Set(),
    upstreamTables: new Map(),
    lifecycle: defaultLifecycleSettings(),
  };
}

/** Whether a host (as written in a connection, with or without port) is declared unreachable. */
export function isUnreachable(settings: EmulatorSettings, hostOrAddress: string, port?: number): boolean {
  const bare = hostOrAddress.replace(/:\d+$/, '');
  return (
    settings.unreachableHosts.has(hostOrAddress) ||
    settings.unreachableHosts.has(bare) ||
    (port !== undefined && settings.unreachableHosts.has(`${bare}:${port}`))
  );
}
