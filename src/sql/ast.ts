import type { SqlPosition } from './errors.js';

/**
 * The statement AST: what `parseStatement` produces from Materialize DDL.
 *
 * It stays close to Materialize's grammar (src/sql-parser/src/ast/defs/ddl.rs)
 * and keeps what the typed model drops, so that a consumer can reprint a
 * statement the way Materialize would: option order as written, identifier
 * versus literal values, quoted versus unquoted identifiers, resolved
 * references `[u5 AS "db"."s"."n"]` with their id, and whether `=` was
 * written. Every node carries `pos`, the position of its first token.
 *
 * This shape is shared: only add to it.
 */

/** An identifier. Unquoted identifiers are folded to lower case, as Materialize does. */
export interface Ident {
  readonly value: string;
  readonly quoted: boolean;
  readonly pos: SqlPosition;
}

/**
 * A possibly qualified item name: `name`, `schema.name`, `db.schema.name`, or
 * the resolved form of stored create_sql, `[u5 AS "db"."schema"."name"]`, in
 * which case `id` is `u5`.
 */
export interface ItemName {
  readonly parts: readonly Ident[];
  readonly id?: string;
  readonly pos: SqlPosition;
}

/** `IN CLUSTER c` or, in stored create_sql, `IN CLUSTER [u1]` (an id with no name). */
export type ClusterRef =
  | { readonly kind: 'name'; readonly name: Ident; readonly pos: SqlPosition }
  | { readonly kind: 'id'; readonly id: string; readonly pos: SqlPosition };

/** A value in an option list. */
export type Value =
  /** `'text'` (also `E'..'` and `$$..$$`; `value` is decoded). */
  | { readonly kind: 'string'; readonly value: string; readonly pos: SqlPosition }
  /** A number as written: `5432`, `1.5`. */
  | { readonly kind: 'number'; readonly text: string; readonly pos: SqlPosition }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly pos: SqlPosition }
  | { readonly kind: 'null'; readonly pos: SqlPosition }
  /**
   * A bare or qualified name: `SECURITY PROTOCOL PLAINTEXT`, `HOST mysql`,
   * `SSH TUNNEL t`, `AWS CONNECTION [u3 AS ...]`. Materialize decides from the
   * option whether it means a word or an object.
   */
  | { readonly kind: 'name'; readonly name: ItemName; readonly pos: SqlPosition }
  /** `SECRET name`. */
  | { readonly kind: 'secret'; readonly name: ItemName; readonly pos: SqlPosition }
  /** `(a, b)` or `[a, b]`: Materialize treats both alike and prints `(...)`. */
  | { readonly kind: 'list'; readonly bracket: '(' | '['; readonly items: readonly Value[]; readonly pos: SqlPosition }
  /** `RETAIN HISTORY = FOR '1h'`. */
  | { readonly kind: 'retain-history'; readonly value: Value; readonly pos: SqlPosition }
  /** `decode('..', 'base64')` and other function calls (CREATE SECRET ... AS). */
  | { readonly kind: 'call'; readonly function: ItemName; readonly args: readonly Value[]; readonly pos: SqlPosition }
  /** `$1`: lexed so that the planner can refuse it with Materialize's message. */
  | { readonly kind: 'parameter'; readonly text: string; readonly pos: SqlPosition };

/** A generic `NAME [=] value` option (WITH options, source connection options, per-broker options). */
export interface GenericOption {
  /** Upper case, words joined by one space: `RETAIN HISTORY`, `TEXT COLUMNS`. */
  readonly name: string;
  readonly hasEquals: boolean;
  /** Absent for a bare flag option such as `VALIDATE` in `WITH (VALIDATE)`. */
  readonly value?: Value;
  readonly pos: SqlPosition;
}

/** The names in `CREATE CONNECTION ... (options)`, in Materialize's `ConnectionOptionName` enum order. */
export const CONNECTION_OPTION_NAMES = [
  'ACCESS KEY ID',
  'ASSUME ROLE ARN',
  'ASSUME ROLE SESSION NAME',
  'AVAILABILITY ZONES',
  'AWS CONNECTION',
  'AWS PRIVATELINK',
  'BROKER',
  'BROKERS',
  'CREDENTIAL',
  'DATABASE',
  'ENDPOINT',
  'HOST',
  'PASSWORD',
  'PORT',
  'PROGRESS TOPIC',
  'PROGRESS TOPIC REPLICATION FACTOR',
  'PUBLIC KEY 1',
  'PUBLIC KEY 2',
  'REGION',
  'SASL MECHANISMS',
  'SASL PASSWORD',
  'SASL USERNAME',
  'SCOPE',
  'SECRET ACCESS KEY',
  'SECURITY PROTOCOL',
  'SERVICE NAME',
  'SSH TUNNEL',
  'SSL CERTIFICATE',
  'SSL CERTIFICATE AUTHORITY',
  'SSL KEY',
  'SSL MODE',
  'SESSION TOKEN',
  'CATALOG TYPE',
  'URL',
  'USER',
  'WAREHOUSE',
] as const;

export type ConnectionOptionName = (typeof CONNECTION_OPTION_NAMES)[number];

/** How one Kafka broker is reached. */
export type BrokerTunnel =
  | { readonly kind: 'direct' }
  /** `'host:port' USING SSH TUNNEL t`. */
  | { readonly kind: 'ssh-tunnel'; readonly connection: ItemName }
  /** `'host:port' USING AWS PRIVATELINK c (PORT = 9093, AVAILABILITY ZONE = 'az1')`; options unsorted, as written. */
  | { readonly kind: 'aws-privatelink'; readonly connection: ItemName; readonly options: readonly GenericOption[] };

export interface KafkaBroker {
  /** The address, or for a `MATCHING` rule its pattern (`'*.use1-az1.*'`). */
  readonly address: string;
  readonly tunnel: BrokerTunnel;
  /** `MATCHING 'pattern' USING AWS PRIVATELINK c (...)` in BROKERS: a rule, not a broker (its tunnel is a PrivateLink). */
  readonly matching?: boolean;
  readonly pos: SqlPosition;
}

/** What follows a connection option's name; the form depends on the option. */
export type ConnectionOptionValue =
  /** Every option but the three below. */
  | { readonly kind: 'value'; readonly value: Value }
  /** `BROKER 'host:port' [USING ...]`. */
  | { readonly kind: 'broker'; readonly broker: KafkaBroker }
  /** `BROKERS ('a' [USING ...], ...)` or `[...]`. */
  | { readonly kind: 'brokers'; readonly bracket: '(' | '['; readonly brokers: readonly KafkaBroker[] }
  /**
   * `AWS PRIVATELINK c` or, for Kafka's default PrivateLink, `AWS PRIVATELINK c (PORT 9092)`
   * (stored without `=` inside the parentheses).
   */
  | { readonly kind: 'privatelink'; readonly connection: ItemName; readonly options: readonly GenericOption[] };

export interface ConnectionOption {
  readonly name: ConnectionOptionName;
  /** As written, when it differs from `name`: the schema registry's `USERNAME` alias of `USER`. */
  readonly spelledAs?: string;
  readonly hasEquals: boolean;
  readonly value: ConnectionOptionValue;
  readonly pos: SqlPosition;
}

/** `TO KAFKA`, `TO SSH TUNNEL`, ...: the kebab-case names of `mz_connections.type`. */
export type ConnectionTypeName =
  | 'kafka'
  | 'confluent-schema-registry'
  | 'postgres'
  | 'mysql'
  | 'aws'
  | 'aws-privatelink'
  | 'ssh-tunnel'
  | 'sql-server'
  | 'iceberg-catalog';

/** The keywords after `TO` for each connection type. */
export const CONNECTION_TYPE_KEYWORDS: Record<ConnectionTypeName, string> = {
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

// ---------------------------------------------------------------------------
// Sources

/** A data format in FORMAT / KEY FORMAT / VALUE FORMAT. */
export type FormatSpec =
  | { readonly kind: 'json'; readonly pos: SqlPosition }
  | { readonly kind: 'text'; readonly pos: SqlPosition }
  | { readonly kind: 'bytes'; readonly pos: SqlPosition }
  | {
      readonly kind: 'csv';
      readonly columns: { readonly kind: 'header'; readonly names: readonly Ident[] } | { readonly kind: 'count'; readonly count: number };
      /** `DELIMITED BY 'x'`, when written. */
      readonly delimiter?: string;
      readonly pos: SqlPosition;
    }
  /**
   * `AVRO | PROTOBUF USING CONFLUENT SCHEMA REGISTRY CONNECTION c [(options)] [SEED ...]`.
   * `seed` is what purification adds: kept, never compared.
   */
  | {
      readonly kind: 'avro' | 'protobuf';
      readonly using: 'csr';
      readonly connection: ItemName;
      readonly options: readonly GenericOption[];
      readonly seed?: {
        readonly keySchema?: string;
        readonly valueSchema?: string;
        /** `KEY REFERENCES (...)` / `VALUE REFERENCES (...)`: the schemas a seeded schema references. */
        readonly keyReferences?: readonly string[];
        readonly valueReferences?: readonly string[];
        readonly text: string;
      };
      /** AVRO only: `KEY STRATEGY ...` / `VALUE STRATEGY ...` after the seed (src/sql-parser/src/parser.rs:2303-2330). */
      readonly keyStrategy?: SchemaStrategy;
      readonly valueStrategy?: SchemaStrategy;
      readonly pos: SqlPosition;
    }
  /** `AVRO USING SCHEMA '...'` (inline schema, old servers), `PROTOBUF MESSAGE '..' USING SCHEMA '..'`. */
  | {
      readonly kind: 'avro-inline' | 'protobuf-inline';
      readonly schema: string;
      readonly message?: string;
      /** `AVRO USING SCHEMA '..' (CONFLUENT WIRE FORMAT = false)`. */
      readonly options?: readonly GenericOption[];
      readonly pos: SqlPosition;
    }
  /** `REGEX '...'`. */
  | { readonly kind: 'regex'; readonly pattern: string; readonly pos: SqlPosition };

/** How the reader schema is chosen from the registry: `LATEST`, `ID n`, or `INLINE '<schema>'`. */
export type SchemaStrategy =
  | { readonly kind: 'latest'; readonly pos: SqlPosition }
  | { readonly kind: 'id'; readonly id: number; readonly pos: SqlPosition }
  | { readonly kind: 'inline'; readonly schema: string; readonly pos: SqlPosition };

export type CreateSourceFormat =
  | { readonly kind: 'bare'; readonly format: FormatSpec }
  | { readonly kind: 'key-value'; readonly key: FormatSpec; readonly value: FormatSpec };

export interface IncludeItem {
  /** `KEY`, `PARTITION`, `OFFSET`, `TIMESTAMP`, `HEADERS`, or `HEADER` (one header, with `key`). */
  readonly item: 'key' | 'partition' | 'offset' | 'timestamp' | 'headers' | 'header';
  /** For `HEADER 'k' AS c [BYTES]`. */
  readonly headerKey?: string;
  readonly bytes?: boolean;
  readonly alias?: Ident;
  readonly pos: SqlPosition;
}

export type EnvelopeSpec =
  | { readonly kind: 'none'; readonly pos: SqlPosition }
  | { readonly kind: 'debezium'; readonly pos: SqlPosition }
  /**
   * `UPSERT [(VALUE DECODING ERRORS = INLINE [AS c])]`: the option's value is
   * the name `inline`; `inlineAlias` is the `AS c` part.
   */
  | { readonly kind: 'upsert'; readonly options: readonly GenericOption[]; readonly inlineAlias?: Ident; readonly pos: SqlPosition };

/** `FOR ALL TABLES`, `FOR TABLES (public.t AS db.s.t, ...)`, `FOR SCHEMAS (a, b)`. */
export type ReferencedSubsources =
  | { readonly kind: 'all'; readonly pos: SqlPosition }
  | {
      readonly kind: 'tables';
      readonly tables: readonly { readonly reference: ItemName; readonly alias?: ItemName; readonly pos: SqlPosition }[];
      readonly pos: SqlPosition;
    }
  | { readonly kind: 'schemas'; readonly schemas: readonly Ident[]; readonly pos: SqlPosition };

/** What follows `FROM` in CREATE SOURCE. Options are as written (Materialize does not sort them). */
export type SourceConnection =
  | { readonly kind: 'kafka'; readonly connection: ItemName; readonly options: readonly GenericOption[]; readonly pos: SqlPosition }
  | { readonly kind: 'postgres'; readonly connection: ItemName; readonly options: readonly GenericOption[]; readonly pos: SqlPosition }
  | { readonly kind: 'mysql'; readonly connection: ItemName; readonly options: readonly GenericOption[]; readonly pos: SqlPosition }
  | {
      readonly kind: 'load-generator';
      /** Upper case: `COUNTER`, `AUCTION`, `MARKETING`, `TPCH`, `KEY VALUE`, `CLOCK`, `DATUMS`. */
      readonly generator: string;
      readonly options: readonly GenericOption[];
      readonly pos: SqlPosition;
    };

/**
 * Clause order in the text is not kept: Materialize prints these in a fixed
 * order (connection, FORMAT, INCLUDE, ENVELOPE, FOR ..., EXPOSE PROGRESS, WITH).
 */
export interface CreateSourceStatement {
  readonly kind: 'create_source';
  readonly ifNotExists: boolean;
  readonly name: ItemName;
  /** `CREATE SOURCE s (a, b, PRIMARY KEY (a) NOT ENFORCED) FROM ...`: column names and a key not enforced. */
  readonly columns?: { readonly names: readonly Ident[]; readonly primaryKeyNotEnforced?: readonly Ident[]; readonly pos: SqlPosition };
  readonly inCluster?: ClusterRef;
  readonly connection: SourceConnection;
  readonly referencedSubsources?: ReferencedSubsources;
  readonly format?: CreateSourceFormat;
  readonly include: readonly IncludeItem[];
  readonly envelope?: EnvelopeSpec;
  /** Purification adds it on old servers: kept, never compared. */
  readonly exposeProgress?: ItemName;
  readonly withOptions: readonly GenericOption[];
  readonly pos: SqlPosition;
}

/**
 * `CREATE TABLE t [(columns)] FROM SOURCE s [(REFERENCE [=] r)] [FORMAT ...]
 * [INCLUDE ...] [ENVELOPE ...] [WITH (...)]` (src/sql-parser/src/parser.rs,
 * printed by src/sql-parser/src/ast/defs/statement.rs:1737). Purification
 * fills in the column definitions, the fully qualified reference and DETAILS.
 */
export interface CreateTableFromSourceStatement {
  readonly kind: 'create_table_from_source';
  readonly ifNotExists: boolean;
  readonly name: ItemName;
  /** `(a, b)` names the columns; column definitions (as purification stores them) are kept as text, never compared. */
  readonly columns?: { readonly kind: 'named'; readonly names: readonly Ident[] } | { readonly kind: 'defined'; readonly text: string };
  readonly source: ItemName;
  readonly reference?: ItemName;
  readonly format?: CreateSourceFormat;
  readonly include: readonly IncludeItem[];
  readonly envelope?: EnvelopeSpec;
  /** TEXT COLUMNS, EXCLUDE COLUMNS, RETAIN HISTORY, PARTITION BY, DETAILS (added by purification). */
  readonly withOptions: readonly GenericOption[];
  readonly pos: SqlPosition;
}

// ---------------------------------------------------------------------------
// Statements

export interface CreateSecretStatement {
  readonly kind: 'create_secret';
  readonly ifNotExists: boolean;
  readonly name: ItemName;
  /** A string, `decode(...)`, or (refused later) a parameter. */
  readonly value: Value;
  /** `AS` is the grammar; `=` is accepted leniently because a doc example uses it. */
  readonly asKeyword: 'AS' | '=';
  readonly pos: SqlPosition;
}

export interface AlterSecretStatement {
  readonly kind: 'alter_secret';
  readonly ifExists: boolean;
  readonly name: ItemName;
  readonly value: Value;
  readonly pos: SqlPosition;
}

export interface CreateConnectionStatement {
  readonly kind: 'create_connection';
  readonly ifNotExists: boolean;
  readonly name: ItemName;
  readonly connectionType: ConnectionTypeName;
  readonly options: readonly ConnectionOption[];
  /** `WITH (VALIDATE [= bool])` and anything else in that list. */
  readonly withOptions: readonly GenericOption[];
  readonly pos: SqlPosition;
}

export type AlterConnectionAction =
  | { readonly kind: 'set'; readonly option: ConnectionOption; readonly pos: SqlPosition }
  /** `RESET (o)` and `DROP (o)` mean the same; `keyword` keeps which was written. */
  | { readonly kind: 'reset'; readonly keyword: 'RESET' | 'DROP'; readonly option: ConnectionOptionName; readonly pos: SqlPosition };

export type AlterConnectionStatement =
  | {
      readonly kind: 'alter_connection';
      readonly action: 'options';
      readonly ifExists: boolean;
      readonly name: ItemName;
      readonly actions: readonly AlterConnectionAction[];
      readonly withOptions: readonly GenericOption[];
      readonly pos: SqlPosition;
    }
  | {
      readonly kind: 'alter_connection';
      readonly action: 'rotate-keys';
      readonly ifExists: boolean;
      readonly name: ItemName;
      /** `ROTATE KEYS WITH (...)`, when written. */
      readonly withOptions?: readonly GenericOption[];
      readonly pos: SqlPosition;
    };

export type AlterSourceAction =
  | { readonly kind: 'set'; readonly options: readonly GenericOption[] }
  | { readonly kind: 'reset'; readonly options: readonly string[] }
  | {
      readonly kind: 'add-subsource';
      readonly subsources: readonly { readonly reference: ItemName; readonly alias?: ItemName; readonly pos: SqlPosition }[];
      readonly withOptions: readonly GenericOption[];
    }
  | { readonly kind: 'refresh-references' };

export interface AlterSourceStatement {
  readonly kind: 'alter_source';
  readonly ifExists: boolean;
  readonly name: ItemName;
  readonly action: AlterSourceAction;
  readonly pos: SqlPosition;
}

/** The object kinds of RENAME / OWNER / DROP / COMMENT that mzform manages, plus what tests need to set up. */
export type ItemKind = 'secret' | 'connection' | 'source' | 'table';

export interface RenameStatement {
  readonly kind: 'rename';
  readonly objectKind: ItemKind;
  readonly ifExists: boolean;
  readonly name: ItemName;
  /** RENAME stays in the schema: a bare identifier only ("Expected end of statement, found dot"). */
  readonly newName: Ident;
  readonly pos: SqlPosition;
}

export interface AlterOwnerStatement {
  readonly kind: 'alter_owner';
  readonly objectKind: ItemKind;
  readonly ifExists: boolean;
  readonly name: ItemName;
  readonly role: Ident;
  readonly pos: SqlPosition;
}

export interface DropStatement {
  readonly kind: 'drop';
  readonly objectKind: ItemKind;
  readonly ifExists: boolean;
  readonly names: readonly ItemName[];
  readonly behavior?: 'CASCADE' | 'RESTRICT';
  readonly pos: SqlPosition;
}

export interface CommentStatement {
  readonly kind: 'comment';
  readonly objectKind: ItemKind;
  readonly name: ItemName;
  /** `null` for `IS NULL`. */
  readonly comment: string | null;
  readonly pos: SqlPosition;
}

export interface ValidateConnectionStatement {
  readonly kind: 'validate_connection';
  readonly name: ItemName;
  readonly pos: SqlPosition;
}

/** `CREATE CLUSTER c [(options)]`, `CREATE SCHEMA [IF NOT EXISTS] db.s`, `CREATE DATABASE d`, `CREATE ROLE r`: enough to set up tests. */
export interface CreateContainerStatement {
  readonly kind: 'create_container';
  readonly objectKind: 'cluster' | 'schema' | 'database' | 'role';
  readonly ifNotExists: boolean;
  readonly name: ItemName;
  readonly options: readonly GenericOption[];
  readonly pos: SqlPosition;
}

/** `ALTER CLUSTER [IF EXISTS] c SET (SIZE = '..', REPLICATION FACTOR = n)`: what mzform changes on a managed cluster. */
export interface AlterClusterStatement {
  readonly kind: 'alter_cluster';
  readonly ifExists: boolean;
  readonly name: Ident;
  readonly options: readonly GenericOption[];
  readonly pos: SqlPosition;
}

/**
 * `SET [SESSION|LOCAL] name {= | TO} value [, value ...] | DEFAULT`, `RESET name`, `RESET ALL`,
 * and `SET [SESSION CHARACTERISTICS AS] TRANSACTION ISOLATION LEVEL level` (variable
 * `transaction_isolation`). `variable` is lower case unless it was quoted.
 */
export interface SetVariableStatement {
  readonly kind: 'set_variable';
  readonly verb: 'SET' | 'RESET';
  /** `all` for RESET ALL. */
  readonly variable: string;
  /** Absent for `DEFAULT` and RESET. */
  readonly value?: readonly Value[];
  readonly pos: SqlPosition;
}

/** `SHOW CREATE {CONNECTION|SOURCE} n`, `SHOW {SECRETS|CONNECTIONS|SOURCES} [FROM schema]`, `SHOW variable`. */
export type ShowStatement =
  | { readonly kind: 'show'; readonly what: 'create'; readonly objectKind: ItemKind; readonly name: ItemName; readonly pos: SqlPosition }
  | { readonly kind: 'show'; readonly what: 'objects'; readonly objectKind: ItemKind; readonly from?: ItemName; readonly pos: SqlPosition }
  | { readonly kind: 'show'; readonly what: 'variable'; readonly variable: string; readonly pos: SqlPosition };

export type StatementAst =
  | CreateSecretStatement
  | AlterSecretStatement
  | CreateConnectionStatement
  | AlterConnectionStatement
  | CreateSourceStatement
  | CreateTableFromSourceStatement
  | AlterSourceStatement
  | RenameStatement
  | AlterOwnerStatement
  | DropStatement
  | CommentStatement
  | ValidateConnectionStatement
  | CreateContainerStatement
  | AlterClusterStatement
  | SetVariableStatement
  | ShowStatement;

export type StatementAstKind = StatementAst['kind'];

/** One statement of a script with the text it came from (for error echoes and fixtures). */
export interface ParsedStatement {
  readonly statement: StatementAst;
  /** The statement's source text, without the trailing `;`. */
  readonly text: string;
  readonly pos: SqlPosition;
}
