import type { ObjectName } from './names.js';

/**
 * The value types connection options take. The connection specs themselves
 * are derived from the option registry (registry/connection-registry.ts).
 */

/** The connection types mzform manages, by their `mz_connections.type` names. */
export type ConnectionKind = 'ssh-tunnel' | 'aws-privatelink' | 'aws' | 'kafka' | 'confluent-schema-registry' | 'postgres' | 'mysql';

/** An option Materialize accepts either as text or as `SECRET name` (SASL USERNAME, SSL CERTIFICATE, USER, ...). */
export type TextOrSecret =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'secret'; readonly secret: ObjectName };

/** How a Postgres / MySQL / schema-registry connection reaches its host. */
export type NetworkPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | { readonly kind: 'aws-privatelink'; readonly connection: ObjectName };

/** How one Kafka broker is reached, if not directly. */
export type BrokerPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | {
      readonly kind: 'aws-privatelink';
      readonly connection: ObjectName;
      readonly port?: number;
      readonly availabilityZone?: string;
    };

export interface KafkaBroker {
  /** `host:port` as given; for a MATCHING rule, its pattern (`*` only leading and/or trailing). */
  readonly address: string;
  readonly path?: BrokerPath;
  /**
   * A `MATCHING 'pattern' USING AWS PRIVATELINK c` rule rather than a static
   * broker: brokers the cluster advertises whose `host:port` matches are reached
   * through `path` (always aws-privatelink). Materialize needs a static broker
   * beside rules (src/sql/src/plan/statement/ddl/connection.rs:741).
   */
  readonly matching?: true;
}

/**
 * The top-level SSH TUNNEL or AWS PRIVATELINK of a Kafka connection: the route
 * for every broker not listed (and, for PrivateLink, the bootstrap server).
 */
export type KafkaDefaultPath =
  | { readonly kind: 'ssh-tunnel'; readonly connection: ObjectName }
  | { readonly kind: 'aws-privatelink'; readonly connection: ObjectName; readonly port?: number };

export type KafkaSecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
