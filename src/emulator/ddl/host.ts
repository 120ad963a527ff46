import type { CatalogStore } from '../catalog/store.js';
import type { EmulatorSettings } from '../settings.js';
import type { SystemVarsView } from '../system/system-vars.js';

/** What checking a statement against the catalog and the outside world needs: read-only. */
export interface DdlHost {
  readonly store: CatalogStore;
  readonly settings: EmulatorSettings;
  /** `ALTER SYSTEM` variables: the feature flags planning checks. */
  readonly systemVars: SystemVarsView;
}
