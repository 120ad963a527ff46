import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../errors.js';
import { CatalogStore, type Item } from './catalog/store.js';
import type { EmulatorSettings } from './settings.js';
import { MzError } from './errors.js';
import type { SystemVars } from './system/system-vars.js';

/**
 * The emulator's state on disk: the catalog and the settings, as JSON.
 * Secret values are not written (a state file is not a secret store): a
 * loaded secret exists, with an empty value, which nothing can read anyway.
 */
const FORMAT_VERSION = 1;

interface StateFile {
  readonly format_version: number;
  readonly catalog: {
    readonly databases: unknown[];
    readonly schemas: unknown[];
    readonly clusters: unknown[];
    readonly roles: unknown[];
    readonly items: unknown[];
    readonly counters: Record<string, number>;
  };
  readonly settings: {
    readonly unreachable_hosts: string[];
    readonly missing_topics: string[];
    readonly upstream_tables: Record<string, string[]>;
  };
  /** What `ALTER SYSTEM` set (feature flags); absent when nothing was set. */
  readonly system_vars?: Record<string, string>;
}

export async function saveState(file: string, store: CatalogStore, settings: EmulatorSettings, systemVars?: SystemVars): Promise<void> {
  const system = systemVars?.saved() ?? {};
  const items = [...store.items.values()].map((item) => (item.kind === 'secret' ? { ...item, value: '' } : item));
  const state: StateFile = {
    format_version: FORMAT_VERSION,
    catalog: {
      databases: [...store.databases.values()],
      schemas: [...store.schemas.values()],
      clusters: [...store.clusters.values()],
      roles: [...store.roles.values()],
      items,
      counters: {
        item: store.nextItemId,
        database: store.nextDatabaseId,
        schema: store.nextSchemaId,
        cluster: store.nextClusterId,
        role: store.nextRoleId,
        oid: store.nextOid,
      },
    },
    settings: {
      unreachable_hosts: [...settings.unreachableHosts].sort(),
      missing_topics: [...settings.missingTopics].sort(),
      upstream_tables: Object.fromEntries([...settings.upstreamTables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
    ...(Object.keys(system).length > 0 ? { system_vars: system } : {}),
  };
  const partial = `${file}.partial`;
  // A fresh checkout has no folder for the state file yet: make it, as the first save is what creates the file.
  await mkdir(dirname(file), { recursive: true });
  await writeFile(partial, `${JSON.stringify(state, null, 2)}\n`);
  await rename(partial, file);
}

/** Reads a state file; `undefined` when it does not exist yet (a fresh emulator then saves to it). */
export async function loadState(file: string, settings: EmulatorSettings, systemVars?: SystemVars): Promise<CatalogStore | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let state: StateFile;
  try {
    state = JSON.parse(text) as StateFile;
  } catch (err) {
    throw invalid(file, `is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) throw invalid(file, 'is not a JSON object');
  if (state.format_version !== FORMAT_VERSION) throw invalid(file, `has format_version ${JSON.stringify(state.format_version) ?? 'missing'}, expected ${FORMAT_VERSION}`);
  const catalog = state.catalog as Partial<StateFile['catalog']> | undefined;
  for (const key of ['databases', 'schemas', 'clusters', 'roles', 'items'] as const) {
    if (!Array.isArray(catalog?.[key])) throw invalid(file, `has no catalog.${key} list`);
  }
  const store = new CatalogStore();
  const keyed = <T extends { id: string }>(rows: unknown[], into: Map<string, T>) => {
    for (const row of rows as T[]) into.set(row.id, row);
  };
  keyed(state.catalog.databases, store.databases);
  keyed(state.catalog.schemas, store.schemas);
  keyed(state.catalog.clusters, store.clusters);
  keyed(state.catalog.roles, store.roles);
  keyed(state.catalog.items as Item[], store.items);
  const c = state.catalog.counters ?? {};
  store.nextItemId = c['item'] ?? store.nextItemId;
  store.nextDatabaseId = c['database'] ?? store.nextDatabaseId;
  store.nextSchemaId = c['schema'] ?? store.nextSchemaId;
  store.nextClusterId = c['cluster'] ?? store.nextClusterId;
  store.nextRoleId = c['role'] ?? store.nextRoleId;
  store.nextOid = c['oid'] ?? store.nextOid;
  for (const h of state.settings?.unreachable_hosts ?? []) settings.unreachableHosts.add(h);
  for (const t of state.settings?.missing_topics ?? []) settings.missingTopics.add(t);
  for (const [host, tables] of Object.entries(state.settings?.upstream_tables ?? {})) settings.upstreamTables.set(host, tables);
  try {
    systemVars?.restore(state.system_vars ?? {});
  } catch (err) {
    if (err instanceof MzError) throw invalid(file, `has bad system_vars: ${err.message}`);
    throw err;
  }
  return store;
}

/** A state file that cannot be read is bad input, like a bad manifest: exit 3, and nothing runs. */
function invalid(file: string, why: string): InputError {
  return new InputError('emulator.state-invalid', `emulator state file ${file} ${why}`, {
    hint: 'delete it to start from an empty catalog, or give another --emulator-state file',
  });
}
