import type { ConnectionTypeName } from '../sql/ast.js';

/**
 * Each connection type as Materialize writes it after `TO` and in its
 * messages (`POSTGRES connections do not support ...`): the emulator's own
 * account, independent of mzform's model.
 */
export const CONNECTION_TYPE_WORDS: Record<ConnectionTypeName, string> = {
  kafka: 'KAFKA',
  'confluent-schema-registry': 'CONFLUENT SCHEMA REGISTRY',
  postgres: 'POSTGRES',
  mysql: 'MYSQL',
  aws: 'AWS',
  'aws-privatelink': 'AWS PRIVATELINK',
  'ssh-tunnel': 'SSH TUNNEL',
  'sql-server': 'SQL SERVER',
  'iceberg-catalog': 'ICEBERG CATALOG',
};
