import type { Connection, ConnectionType } from '../../model/index.js';
import { withConnectionDefaults } from '../../model/index.js';
import { type KindComparison, NO_DIFFERENCE, differingFields, fieldChange } from './comparison.js';

/**
 * Spec fields ALTER CONNECTION cannot change (materialize-semantics.md section 3):
 * Kafka's progress topic ("cannot ALTER KAFKA option PROGRESS TOPIC"), and the
 * SSH tunnel / PrivateLink of Postgres, MySQL and schema-registry connections
 * ("cannot be altered in the requested way"). Everything else is one
 * SET/RESET clause each. The connection type never changes.
 */
const REPLACE_ONLY: Record<ConnectionType, ReadonlySet<string>> = {
  'ssh-tunnel': new Set(),
  'aws-privatelink': new Set(),
  aws: new Set(),
  kafka: new Set(['progressTopic', 'progressTopicReplicationFactor']),
  'confluent-schema-registry': new Set(['path']),
  postgres: new Set(['path']),
  mysql: new Set(['path']),
};

export function compareConnection(desired: Connection, actual: Connection): KindComparison {
  if (desired.spec.type !== actual.spec.type) {
    const change = fieldChange('type', actual.spec.type, desired.spec.type);
    return { fields: [change], forcing: [change], alterations: [] };
  }
  const differing = differingFields(withConnectionDefaults(desired.spec), withConnectionDefaults(actual.spec));
  if (differing.length === 0) return NO_DIFFERENCE;
  const replaceOnly = REPLACE_ONLY[desired.spec.type];
  const forcing = differing.filter((d) => replaceOnly.has(d.key)).map((d) => d.change);
  return {
    fields: differing.map((d) => d.change),
    forcing,
    alterations: forcing.length > 0 ? [] : [{ kind: 'connection-options', fields: differing.map((d) => d.key) }],
  };
}
