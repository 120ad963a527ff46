import { type LifecycleSettings, defaultLifecycleSettings } from './lifecycle/settings.js';

/**
 * What the emulator pretends about the world outside it. Nothing upstream is
 * reachable from here, so validation passes unless a setting says otherwise.
 */
export interface EmulatorSettings {
  /**
   * The Materialize version whose behaviour the emulator follows where v26
   * releases differ (`v26.7.0` to `v26.19.0` and later); reported by mz_version().
   */
  readonly version: string;
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

/** The tables every Postgres upstream has unless a setting names others. */
export const DEFAULT_UPSTREAM_TABLES = ['public.orders', 'public.customers'];

/** MySQL has no `public` schema (a schema is a database there): its upstreams have these unless a setting names others. */
export const DEFAULT_MYSQL_UPSTREAM_TABLES = ['shop.orders', 'shop.customers'];

/** The version followed unless a setting says otherwise: SHOW CREATE is multi-line from 26.7 on. */
export const DEFAULT_VERSION = 'v26.7.0';

/** `v26.19.0` → [26, 19, 0]; refuses anything else. */
export function parseVersion(version: string): [number, number, number] {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!m) throw new Error(`not a Materialize version: ${version} (expected e.g. v26.19.0)`);
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** mz_version_num(): `v26.7.0` → 2600700. */
export function versionNumber(version: string): string {
  const [major, minor, patch] = parseVersion(version);
  return String(major * 100_000 + minor * 100 + patch);
}

/**
 * Whether mz_postgres_source_tables / mz_mysql_source_tables hold upstream
 * names quoted where needed (`"Orders"`): 26.7 to 26.18 did; from 26.19 they
 * are plain (builtin_table_updates.rs:441, `external_reference[..].as_str()`).
 */
export function quotesSourceTableNames(settings: Pick<EmulatorSettings, 'version'>): boolean {
  const [major, minor] = parseVersion(settings.version);
  return major === 26 && minor < 19;
}

export const DEFAULT_ENVIRONMENT_ID = 'local-emulator-00000000-0000-0000-0000-000000000000-0';
export const DEFAULT_AWS_ACCOUNT_ID = '664411391173';

export function defaultSettings(): EmulatorSettings {
  return {
    version: DEFAULT_VERSION,
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
