import type { CatalogStore, Item } from '../catalog/store.js';
import type { EmulatorSettings } from '../settings.js';
import type { SessionVars } from '../session.js';

/** What DDL execution needs from the emulator. */
export interface DdlHost {
  readonly store: CatalogStore;
  readonly settings: EmulatorSettings;
  writeItems(ids: Iterable<string>): Promise<void>;
  writeContainers(): Promise<void>;
  /** Ids of the items whose definitions name `id`, directly or not (progress collections excluded: they go with their source). */
  transitiveDependents(id: string): string[];
  /** Direct dependents (for rewriting create_sql after a rename). */
  dependentsOf(id: string): string[];
  /** Items that belong to `id` and go with it: its progress collection. */
  ownedBy(id: string): Item[];
  /** The role new objects belong to: the session's user. */
  ownerId(vars: SessionVars): string;
}
