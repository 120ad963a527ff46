import { type Connection, connectionEntry, manifestKeys, shapeOf, valuesByManifestKey, withConnectionDefaults } from '../../model/index.js';
import type { FieldChange } from '../change.js';
import { sameValue } from '../values.js';
import { type KindComparison, NO_DIFFERENCE, differingFields, fieldChange } from './comparison.js';

/**
 * Which fields ALTER CONNECTION can change is the registry's `alterable`
 * (Kafka's progress topic: "cannot ALTER KAFKA option PROGRESS TOPIC"; the SSH
 * tunnel / PrivateLink of Postgres, MySQL and schema-registry connections:
 * "cannot be altered in the requested way"). Everything else is one SET/RESET
 * clause each. The connection type never changes. Fields are reported by
 * their manifest keys (`ssh_tunnel`, not the model's `path`).
 */
export function compareConnection(desired: Connection, actual: Connection): KindComparison {
  if (desired.spec.type !== actual.spec.type) {
    const change = fieldChange('type', actual.spec.type, desired.spec.type, 'text');
    return { fields: [change], forcing: [change], alterations: [] };
  }
  const dSpec = withConnectionDefaults(desired.spec) as unknown as Record<string, unknown>;
  const aSpec = withConnectionDefaults(actual.spec) as unknown as Record<string, unknown>;
  const differing = differingFields(dSpec, aSpec);
  if (differing.length === 0) return NO_DIFFERENCE;
  const fields: FieldChange[] = [];
  const forcing: FieldChange[] = [];
  for (const { key } of differing) {
    const entry = connectionEntry(desired.spec.type, key);
    if (!entry) throw new Error(`${desired.spec.type} connections have no registry entry for field ${key}`);
    const before = valuesByManifestKey(entry, aSpec[key]);
    const after = valuesByManifestKey(entry, dSpec[key]);
    const changes = manifestKeys(entry)
      .filter((k) => !sameValue(before[k], after[k]))
      .map((k) => fieldChange(k, before[k], after[k], shapeOf(entry, k)));
    fields.push(...changes);
    if (!entry.alterable) forcing.push(...changes);
  }
  return {
    fields,
    forcing,
    alterations: forcing.length > 0 ? [] : [{ kind: 'connection-options', fields: differing.map((d) => d.key) }],
  };
}
