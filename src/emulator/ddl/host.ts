import type { CatalogStore } from '../catalog/store.js';
import type { EmulatorSettings } from '../settings.js';

/** What checking a statement against the catalog and the outside world needs: read-only. */
export interface DdlHost {
  readonly store: CatalogStore;
  readonly settings: EmulatorSettings;
}
