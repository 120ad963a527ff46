/**
 * The manifest as written, after it passed the JSON Schema: the TypeScript
 * mirror of `schemas/manifest.schema.json`. Keys are snake_case as in YAML.
 * Only the converters in this folder read these types; everyone else gets the model.
 */

export type RefDoc = string | { name: string; schema_name?: string; database_name?: string };
export type SecretRefDoc = { secret: RefDoc };
export type TextOrSecretDoc = string | SecretRefDoc;
export type UpstreamRefDoc = string | string[];

interface PlacementDoc {
  comment?: string;
  renamed_from?: string;
  owner?: string;
  database_name?: string;
  schema_name?: string;
}

export interface SecretDoc extends PlacementDoc {
  value: string;
}

interface ConnectionCommonDoc extends PlacementDoc {
  validate?: boolean;
}

interface TlsDoc {
  ssl_certificate_authority?: TextOrSecretDoc;
  ssl_certificate?: TextOrSecretDoc;
  ssl_key?: SecretRefDoc;
}

interface NetworkPathDoc {
  ssh_tunnel?: RefDoc;
  aws_privatelink?: RefDoc;
}

export type KafkaBrokerDoc =
  | string
  | { address: string; ssh_tunnel?: RefDoc; aws_privatelink?: RefDoc; privatelink_port?: number; availability_zone?: string };

export type ConnectionDoc = ConnectionCommonDoc &
  (
    | { type: 'ssh-tunnel'; host: string; port?: number; user: string }
    | { type: 'aws-privatelink'; service_name: string; availability_zones: string[] }
    | {
        type: 'aws';
        assume_role_arn?: string;
        assume_role_session_name?: string;
        access_key_id?: TextOrSecretDoc;
        secret_access_key?: SecretRefDoc;
        session_token?: TextOrSecretDoc;
        region?: string;
        endpoint?: string;
      }
    | (TlsDoc & {
        type: 'kafka';
        broker?: KafkaBrokerDoc;
        brokers?: KafkaBrokerDoc[];
        ssh_tunnel?: RefDoc;
        aws_privatelink?: RefDoc;
        privatelink_port?: number;
        security_protocol?: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
        sasl_mechanisms?: string;
        sasl_username?: TextOrSecretDoc;
        sasl_password?: SecretRefDoc;
        aws_connection?: RefDoc;
        progress_topic?: string;
        progress_topic_replication_factor?: number;
      })
    | (TlsDoc & NetworkPathDoc & { type: 'confluent-schema-registry'; url: string; username?: TextOrSecretDoc; password?: SecretRefDoc })
    | (TlsDoc &
        NetworkPathDoc & {
          type: 'postgres';
          host: string;
          port?: number;
          database: string;
          user: TextOrSecretDoc;
          password?: SecretRefDoc;
          ssl_mode?: string;
        })
    | (TlsDoc &
        NetworkPathDoc & {
          type: 'mysql';
          host: string;
          port?: number;
          user: TextOrSecretDoc;
          password?: SecretRefDoc;
          ssl_mode?: string;
          aws_connection?: RefDoc;
        })
  );

export type FormatDoc =
  | 'json'
  | 'text'
  | 'bytes'
  | { type: 'json' | 'text' | 'bytes' }
  | { type: 'csv'; header?: string[]; columns?: number; delimiter?: string }
  | { type: 'avro' | 'protobuf'; schema_registry: RefDoc };

export type IncludeItemName = 'key' | 'partition' | 'offset' | 'timestamp' | 'headers';
export type IncludeDoc = IncludeItemName | { item: IncludeItemName; as: string };

export type SourceTableDoc = UpstreamRefDoc | { table: UpstreamRefDoc; name?: string; schema?: string; database?: string };

interface SourceCommonDoc extends PlacementDoc {
  cluster?: string;
  retain_history?: string;
  timestamp_interval?: string;
}

interface TablesDoc {
  tables?: 'all' | SourceTableDoc[];
  schemas?: string[];
  text_columns?: UpstreamRefDoc[];
  exclude_columns?: UpstreamRefDoc[];
}

export type SourceDoc = SourceCommonDoc &
  (
    | {
        type: 'kafka';
        connection: RefDoc;
        topic: string;
        format?: FormatDoc;
        key_format?: FormatDoc;
        value_format?: FormatDoc;
        envelope?: 'none' | 'upsert' | 'debezium';
        include?: IncludeDoc[];
        start_offset?: number[];
        group_id_prefix?: string;
      }
    | (TablesDoc & { type: 'postgres'; connection: RefDoc; publication: string })
    | (TablesDoc & { type: 'mysql'; connection: RefDoc })
    | {
        type: 'load-generator';
        generator: 'counter' | 'auction' | 'marketing' | 'tpch';
        tick_interval?: string;
        as_of?: number;
        up_to?: number;
        scale_factor?: number;
        max_cardinality?: number;
        tables?: 'all';
      }
  );

export interface ManifestDoc {
  version: 1;
  defaults?: { database?: string; schema?: string; cluster?: string };
  scope?: (string | { database_name?: string; schema_name: string })[];
  prune?: boolean;
  clusters?: Record<string, { size: string; replication_factor?: number }>;
  databases?: string[];
  schemas?: (string | { database_name?: string; schema_name: string })[];
  secrets?: Record<string, SecretDoc>;
  connections?: Record<string, ConnectionDoc>;
  sources?: Record<string, SourceDoc>;
  /** `${var:name}` defaults, for every environment. */
  variables?: Record<string, unknown>;
  environments?: Record<string, { variables?: Record<string, unknown> }>;
  /** Objects referenced by name but managed elsewhere. */
  external?: {
    secrets?: Record<string, { database_name?: string; schema_name?: string }>;
    connections?: Record<string, { type: ConnectionDoc['type']; database_name?: string; schema_name?: string }>;
  };
}
