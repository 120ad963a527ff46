import { readHealth } from '../catalog/index.js';
import { type ObjectHealth, evaluateHealth, healthTargets } from '../health/index.js';
import { declaredSecretValues } from './declared-secrets.js';
import { type TargetOptions, loadDesired, openTarget } from './plan-pipeline.js';

/**
 * `mzform status`: the health of every source and PrivateLink connection the
 * manifest declares, in three queries. Secret values are read where their
 * variables are set (to remove them from errors); status needs none of them.
 */
export async function readManifestHealth(file: string | readonly string[], options: TargetOptions & { readonly environment?: string | undefined }): Promise<ObjectHealth[]> {
  const desired = await loadDesired(file, options.env, { environment: options.environment, secretValues: 'if-available' });
  const target = await openTarget(options);
  try {
    const before = target.db.roundTrips;
    const snapshot = await readHealth(target.db, declaredSecretValues(desired));
    options.debug?.(`health: ${target.db.roundTrips - before} queries`);
    return evaluateHealth(healthTargets(desired.objects), snapshot);
  } finally {
    await target.close();
  }
}
