import type {
  BrokerPath,
  ConnectionSpec,
  KafkaBroker,
  KafkaDefaultPath,
  NetworkPath,
  TextOrSecret,
} from '../model/connections.js';
import { ifDefined } from '../model/if-defined.js';
import { displayName, type ObjectName } from '../model/names.js';
import type { Connection, MzObject, Secret, Source, Table } from '../model/objects.js';
import type { SourceSpec, SourceType } from '../model/sources.js';
import type { TableSpec } from '../model/tables.js';
import {
  CONNECTION_TYPE_KEYWORDS,
  type ConnectionOption,
  type ConnectionOptionName,
  CreateConnectionStatement,
  CreateSourceStatement,
  CreateTableFromSourceStatement,
  GenericOption,
  ItemName,
  KafkaBroker as KafkaBrokerAst,
  StatementAst,
  Value,
} from './ast.js';
import { SqlParseError, type SqlPosition } from './errors.js';
import { parseStatement } from './parse-statement.js';
import { CONNECTION_TYPES } from '../model/connections.js';
import { connectionEntries, connectionSqlOptions, normalizedText } from '../model/index.js';
import { SOURCE_CODEC_PLACE, sourceEntries } from '../model/index.js';
import type { Codec, CodecKind, SourceCodec, SourceCodecKind, SourceOptionEntry } from '../model/index.js';
import { envelopeToModel, formatClausePosition, formatClauseToModel, includeToModel, tableSelectionToModel } from './source-clauses-to-model.js';

/**
 * From a CREATE statement (stored `create_sql`, any SHOW CREATE layout, or SQL
 * a user pasted) to the typed model the manifest also produces.
 *
 * Normalized here, so that equal definitions compare equal: identifier and
 * literal values (`SECURITY PROTOCOL "plaintext"` is `'PLAINTEXT'`), the
 * schema registry's `USERNAME` and `USER`, `[...]` and `(...)` lists, the
 * default CSV delimiter. Not done here: server defaults (`withDefaults`).
 */

export interface ToModelOptions {
  /** Qualifies one- and two-part names (SHOW CREATE of older servers, pasted SQL). */
  readonly defaultDatabase: string;
  readonly defaultSchema: string;
  /** Names the object in error messages. */
  readonly objectName?: ObjectName;
  /** Maps `IN CLUSTER [u1]` of stored create_sql to the cluster's name. */
  readonly resolveCluster?: (id: string) => string | undefined;
  /** The cluster of a source written without IN CLUSTER (Materialize takes the session's). */
  readonly defaultCluster?: string;
  /**
   * A table's source type: the stored statement does not say it. Without it
   * (or when it answers undefined) the reference's shape decides: a topic is
   * one name, MySQL `schema.table`, Postgres `database.schema.table`, a load
   * generator `mz_load_generators.generator.output`.
   */
  readonly sourceTypeOf?: (source: ObjectName) => SourceType | undefined;
}

/** What the server generated or added: shown to users, never part of the model, never diffed. */
export interface CreateSqlOutputs {
  /** An SSH tunnel's `PUBLIC KEY 1` and `PUBLIC KEY 2`. */
  readonly publicKeys?: readonly [string, string];
  /** `EXPOSE PROGRESS AS ...`, added by purification on older servers. */
  readonly progressSubsource?: ObjectName;
  /** A CSR format's `SEED ... SCHEMA` text, added by purification. */
  readonly seed?: string;
  /** `DETAILS = '<hex>'` of Postgres / MySQL sources, added by purification. */
  readonly details?: string;
  /**
   * True for a Postgres / MySQL source whose statement lists no tables: newer
   * servers move `FOR TABLES` into separate subsources, so the model's
   * `tables` (an empty list) must be filled from those by the caller.
   */
  readonly tablesFromSubsources?: boolean;
}

export interface CreateSqlModel<T extends MzObject = MzObject> {
  readonly object: T;
  readonly outputs: CreateSqlOutputs;
}

/**
 * Parses one CREATE SECRET / CONNECTION / SOURCE statement into the model.
 * Throws `SqlParseError` naming the object and the position of the problem.
 *
 * @example parseCreateSql(`CREATE CONNECTION "materialize"."public"."k" TO KAFKA (BROKER = 'k:9092')`,
 *   { defaultDatabase: 'materialize', defaultSchema: 'public' })
 */
export function parseCreateSql(sql: string, options: ToModelOptions): CreateSqlModel {
  try {
    return statementToModel(parseStatement(sql), options);
  } catch (error) {
    if (error instanceof SqlParseError && options.objectName && error.object === undefined) throw error.forObject(displayName(options.objectName));
    throw error;
  }
}

export function statementToModel(statement: StatementAst, options: ToModelOptions): CreateSqlModel {
  const c = new Converter(options);
  switch (statement.kind) {
    case 'create_secret': {
      const object: Secret = { kind: 'secret', name: c.name(statement.name) };
      return { object, outputs: {} };
    }
    case 'create_connection':
      return c.connection(statement);
    case 'create_source':
      return c.source(statement);
    case 'create_table_from_source':
      return c.table(statement);
    default:
      throw new SqlParseError(`expected CREATE SECRET, CONNECTION, SOURCE or TABLE ... FROM SOURCE, found a ${statement.kind.replaceAll('_', ' ')} statement`, statement.pos);
  }
}

/** A stored reference's shape tells its source's type (src/sql/src/pure/references.rs:143-182). */
function typeFromReference(parts: readonly string[]): SourceType {
  if (parts.length === 1) return 'kafka';
  if (parts.length === 3 && parts[0] === 'mz_load_generators') return 'load-generator';
  return parts.length === 2 ? 'mysql' : 'postgres';
}

function fail(message: string, at: SqlPosition): never {
  throw new SqlParseError(message, at);
}


/** The options each connection type accepts: the registry's, and the server-generated PUBLIC KEYs of SSH tunnels. */
const ALLOWED = Object.fromEntries(
  CONNECTION_TYPES.map((t) => [t, [...connectionSqlOptions(t), ...(t === 'ssh-tunnel' ? (['PUBLIC KEY 1', 'PUBLIC KEY 2'] as const) : [])]]),
) as unknown as Record<ConnectionSpec['type'], readonly ConnectionOptionName[]>;


/** Options of one statement by name, refusing repeats. */
class OptionBag {
  private readonly byName = new Map<string, ConnectionOption>();

  constructor(options: readonly ConnectionOption[], allowed: readonly ConnectionOptionName[], typeName: string) {
    for (const o of options) {
      if (!allowed.includes(o.name)) fail(`${typeName} connections do not support ${o.name} values`, o.pos);
      if (this.byName.has(o.name)) fail(`${o.name} specified more than once`, o.pos);
      this.byName.set(o.name, o);
    }
  }

  get(name: ConnectionOptionName): ConnectionOption | undefined {
    return this.byName.get(name);
  }

  value(name: ConnectionOptionName): Value | undefined {
    const o = this.byName.get(name);
    if (!o) return undefined;
    if (o.value.kind !== 'value') fail(`unexpected form for ${name}`, o.pos);
    return o.value.value;
  }
}

type Read<K extends CodecKind> = (this: Converter, bag: OptionBag, codec: Extract<Codec, { kind: K }>, name: ConnectionOptionName, at: SqlPosition) => unknown;

/** How each codec's value is read from a statement's options; undefined when the option is not there. */
const READ: { readonly [K in CodecKind]: Read<K> } = {
  text(bag, codec, name) {
    const v = bag.value(name);
    if (v === undefined) return undefined;
    const raw = this.text(v, name);
    const text = normalizedText(codec, raw);
    if (codec.strict && codec.values && !codec.values.includes(text)) {
      fail(`unknown ${name} ${text}; expected one of ${codec.values.join(', ')}`, bag.get(name)!.pos);
    }
    return text;
  },
  'text-or-secret'(bag, _codec, name) {
    const v = bag.value(name);
    return v && this.textOrSecret(v, name);
  },
  secret(bag, _codec, name) {
    const v = bag.value(name);
    return v && this.secret(v, name);
  },
  integer(bag, _codec, name) {
    const v = bag.value(name);
    return v && this.integer(v, name);
  },
  'text-list'(bag, _codec, name) {
    const v = bag.value(name);
    return v && this.list(v, name).map((item) => this.text(item, name === 'AVAILABILITY ZONES' ? 'an availability zone' : name));
  },
  reference(bag, _codec, name) {
    const v = bag.value(name);
    return v && this.item(v, name);
  },
  'network-path'(bag) {
    return this.networkPath(bag);
  },
  'kafka-brokers'(bag, _codec, _name, at) {
    return this.kafkaBrokers(bag, at);
  },
  'kafka-default-path'(bag) {
    return this.kafkaDefaultPath(bag);
  },
};

type SourceOutputs = { -readonly [K in keyof CreateSqlOutputs]: CreateSqlOutputs[K] };

interface SourceReadContext {
  readonly s: CreateSourceStatement;
  /** The `FROM ... (...)` options by name. */
  readonly opts: ReadonlyMap<string, Value>;
  readonly outputs: SourceOutputs;
}

type SourceRead<K extends SourceCodecKind> = (this: Converter, ctx: SourceReadContext, codec: Extract<SourceCodec, { kind: K }>, entry: SourceOptionEntry) => unknown;

/** How each source codec's value is read from a statement; undefined when it is not there. */
const SOURCE_READ: { readonly [K in SourceCodecKind]: SourceRead<K> } = {
  reference({ s }) {
    return s.connection.kind === 'load-generator' ? undefined : this.name(s.connection.connection);
  },
  generator({ s }, codec) {
    if (s.connection.kind !== 'load-generator') return undefined;
    const generator = s.connection.generator.toLowerCase().replaceAll(' ', '-');
    if (codec.values && !codec.values.includes(generator)) fail(`LOAD GENERATOR ${s.connection.generator} is not managed by mzform`, s.connection.pos);
    return generator;
  },
  text({ opts }, codec, entry) {
    const v = opts.get(entry.sql);
    if (v === undefined) return undefined;
    const text = this.text(v, entry.sql);
    if (codec.values && !codec.values.includes(text)) fail(`unknown ${entry.sql} ${text}; expected one of ${codec.values.join(', ')}`, v.pos);
    return text;
  },
  number({ opts }, codec, entry) {
    const v = opts.get(entry.sql);
    if (v === undefined) return undefined;
    if (codec.integer && codec.min < 0 && v.kind === 'number' && v.text.startsWith('-')) return -this.integer({ ...v, text: v.text.slice(1) }, entry.sql);
    return codec.integer ? this.integer(v, entry.sql) : this.number(v, entry.sql);
  },
  boolean({ opts }, _codec, entry) {
    const v = opts.get(entry.sql);
    if (v === undefined) return undefined;
    if (v.kind === 'boolean') return v.value;
    const text = v.kind === 'string' || v.kind === 'name' ? this.text(v, entry.sql).toLowerCase() : undefined;
    if (text === 'true' || text === 'false') return text === 'true';
    return fail(`${entry.sql} must be true or false`, v.pos);
  },
  'integer-list'({ opts }, _codec, entry) {
    const v = opts.get(entry.sql);
    return v && this.list(v, entry.sql).map((item) => this.integer(item, entry.sql));
  },
  'column-list'({ opts }, _codec, entry) {
    const v = opts.get(entry.sql);
    return v && this.columnList(v, entry.sql);
  },
  'kafka-format'({ s, outputs }) {
    return s.format && formatClauseToModel(s.format, this, outputs);
  },
  'include-list'({ s }) {
    return s.include.length > 0 ? includeToModel(s.include) : undefined;
  },
  envelope({ s }, codec) {
    const envelope = s.envelope && envelopeToModel(s.envelope);
    if (typeof envelope === 'object' && !codec.inlineErrors) fail(`VALUE DECODING ERRORS is not valid for a ${s.connection.kind} source`, s.envelope!.pos);
    return envelope;
  },
  'table-selection'({ s, outputs }, _codec, entry) {
    if (s.referencedSubsources) return tableSelectionToModel(s.referencedSubsources, this);
    if (!entry.required) return undefined;
    // Newer servers move FOR TABLES into separate subsources: the caller fills the list from those.
    outputs.tablesFromSubsources = true;
    return tableSelectionToModel(undefined, this);
  },
  'progress-subsource'({ s }) {
    return s.exposeProgress && this.name(s.exposeProgress);
  },
};

type ClauseKind = 'kafka-format' | 'include-list' | 'envelope' | 'table-selection' | 'progress-subsource';

/** Where each clause codec's clause is in a statement: a clause the type has no entry for is refused there. */
const CLAUSE_AT: { readonly [K in ClauseKind]: (s: CreateSourceStatement) => SqlPosition | undefined } = {
  'kafka-format': (s) => s.format && formatClausePosition(s.format),
  'include-list': (s) => s.include[0]?.pos,
  envelope: (s) => s.envelope?.pos,
  'table-selection': (s) => s.referencedSubsources?.pos,
  'progress-subsource': (s) => s.exposeProgress?.pos,
};

const CLAUSE_NAME: { readonly [K in ClauseKind]: string } = {
  'kafka-format': 'FORMAT',
  'include-list': 'INCLUDE',
  envelope: 'ENVELOPE',
  'table-selection': 'FOR TABLES',
  'progress-subsource': 'EXPOSE PROGRESS',
};

/** Options purification adds that the model does not keep (returned as outputs). */
const SERVER_ADDED_OPTIONS: { readonly [T in SourceType]: readonly string[] } = { kafka: [], postgres: ['DETAILS'], mysql: ['DETAILS'], 'load-generator': [] };

const SOURCE_KEYWORDS: { readonly [T in SourceType]: string } = { kafka: 'KAFKA', postgres: 'POSTGRES', mysql: 'MYSQL', 'load-generator': 'LOAD GENERATOR' };

const CLAUSES = Object.entries(CLAUSE_AT) as [ClauseKind, (s: CreateSourceStatement) => SqlPosition | undefined][];

/**
 * What the registry says of a source type, worked out once per type rather
 * than once per statement (the catalog holds thousands of sources): its
 * entries, the option names its FROM clause accepts, and its codec kinds.
 */
interface SourceTypeTables {
  readonly entries: readonly (readonly [field: string, entry: SourceOptionEntry])[];
  readonly allowed: readonly string[];
  readonly kinds: ReadonlySet<string>;
}

const sourceTables = new Map<SourceType, SourceTypeTables>();

function sourceTypeTables(type: SourceType): SourceTypeTables {
  let tables = sourceTables.get(type);
  if (!tables) {
    const entries = sourceEntries(type);
    const allowed = [...entries.filter(([, e]) => SOURCE_CODEC_PLACE[e.codec.kind] === 'option').map(([, e]) => e.sql), ...SERVER_ADDED_OPTIONS[type]];
    tables = { entries, allowed, kinds: new Set(entries.map(([, e]) => e.codec.kind)) };
    sourceTables.set(type, tables);
  }
  return tables;
}

class Converter {
  constructor(private readonly options: ToModelOptions) {}

  name(n: ItemName): ObjectName {
    const parts = n.parts.map((p) => p.value);
    switch (parts.length) {
      case 1:
        return { database: this.options.defaultDatabase, schema: this.options.defaultSchema, name: parts[0]! };
      case 2:
        return { database: this.options.defaultDatabase, schema: parts[0]!, name: parts[1]! };
      case 3:
        return { database: parts[0]!, schema: parts[1]!, name: parts[2]! };
      default:
        return fail(`an object name has at most three parts, found ${parts.length}`, n.pos);
    }
  }

  // ---------------------------------------------------------------------------
  // Values

  /** Text written as a literal or as an identifier (`HOST mysql`, `SECURITY PROTOCOL "plaintext"`). */
  text(v: Value, what: string): string {
    if (v.kind === 'string') return v.value;
    if (v.kind === 'name' && v.name.parts.length === 1 && v.name.id === undefined) return v.name.parts[0]!.value;
    if (v.kind === 'number') return v.text;
    return fail(`${what} must be a string`, v.pos);
  }

  textOrSecret(v: Value, what: string): TextOrSecret {
    return v.kind === 'secret' ? { kind: 'secret', secret: this.name(v.name) } : { kind: 'text', value: this.text(v, what) };
  }

  secret(v: Value, what: string): ObjectName {
    if (v.kind !== 'secret') fail(`${what} must be a secret (SECRET name)`, v.pos);
    return this.name(v.name);
  }

  item(v: Value, what: string): ObjectName {
    if (v.kind !== 'name') fail(`${what} must be an object name`, v.pos);
    return this.name(v.name);
  }

  integer(v: Value, what: string): number {
    const text = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : undefined;
    if (text === undefined || !/^[0-9]+$/.test(text)) return fail(`${what} must be a non-negative integer`, v.pos);
    const n = Number(text);
    if (!Number.isSafeInteger(n)) fail(`${what} is out of range`, v.pos);
    return n;
  }

  number(v: Value, what: string): number {
    const text = v.kind === 'number' ? v.text : v.kind === 'string' ? v.value : undefined;
    const n = text === undefined ? NaN : Number(text);
    if (!Number.isFinite(n) || n < 0) fail(`${what} must be a non-negative number`, v.pos);
    return n;
  }

  list(v: Value, what: string): readonly Value[] {
    if (v.kind === 'list') return v.items;
    return fail(`${what} must be a list`, v.pos);
  }

  // ---------------------------------------------------------------------------
  // Connections

  connection(s: CreateConnectionStatement): CreateSqlModel<Connection> {
    const type = s.connectionType;
    if (type === 'sql-server' || type === 'iceberg-catalog') fail(`${CONNECTION_TYPE_KEYWORDS[type]} connections are not managed by mzform`, s.pos);
    const bag = new OptionBag(s.options, ALLOWED[type], CONNECTION_TYPE_KEYWORDS[type]);
    const outputs: { publicKeys?: readonly [string, string] } = {};
    const req = (name: ConnectionOptionName): Value => bag.value(name) ?? fail(`${CONNECTION_TYPE_KEYWORDS[type]} connections need ${name}`, s.pos);
    const opt = <T>(name: ConnectionOptionName, f: (v: Value, what: string) => T): T | undefined => {
      const v = bag.value(name);
      return v === undefined ? undefined : f.call(this, v, name);
    };
    if (type === 'ssh-tunnel') {
      const k1 = opt('PUBLIC KEY 1', this.text);
      const k2 = opt('PUBLIC KEY 2', this.text);
      if (k1 !== undefined && k2 !== undefined) outputs.publicKeys = [k1, k2];
    }
    const fields: Record<string, unknown> = { type };
    for (const [field, entry] of connectionEntries(type)) {
      const read = READ[entry.codec.kind] as Read<CodecKind>;
      const value = read.call(this, bag, entry.codec as never, entry.parts[0]!.sql, s.pos);
      if (value !== undefined) fields[field] = value;
      else if (entry.required) req(entry.parts[0]!.sql);
    }
    const spec = fields as ConnectionSpec;
    const validate = s.withOptions.find((o) => o.name === 'VALIDATE');
    const object: Connection = {
      kind: 'connection',
      name: this.name(s.name),
      spec,
      ...(validate && validate.value?.kind === 'boolean' && !validate.value.value ? { validate: false } : {}),
    };
    return { object, outputs };
  }

  kafkaBrokers(bag: OptionBag, at: SqlPosition): KafkaBroker[] {
    const broker = bag.get('BROKER');
    const brokers = bag.get('BROKERS');
    const privatelink = bag.get('AWS PRIVATELINK');
    const given = [broker, brokers, privatelink].filter((o) => o !== undefined);
    if (given.length === 0) fail('KAFKA connections need BROKER, BROKERS or AWS PRIVATELINK', at);
    if (given.length > 1) fail('can only set one of BROKER, BROKERS, or AWS PRIVATELINK', given[1]!.pos);
    if (broker) {
      if (broker.value.kind !== 'broker') return fail('BROKER must be a broker address', broker.pos);
      return [this.broker(broker.value.broker)];
    }
    if (brokers) {
      if (brokers.value.kind !== 'brokers') return fail('BROKERS must be a list of broker addresses', brokers.pos);
      return brokers.value.brokers.map((b) => this.broker(b));
    }
    return [];
  }

  private broker(b: KafkaBrokerAst): KafkaBroker {
    let path: BrokerPath | undefined;
    switch (b.tunnel.kind) {
      case 'direct':
        break;
      case 'ssh-tunnel':
        path = { kind: 'ssh-tunnel', connection: this.name(b.tunnel.connection) };
        break;
      case 'aws-privatelink': {
        const opts = this.brokerOptions(b.tunnel.options, ['PORT', 'AVAILABILITY ZONE']);
        path = {
          kind: 'aws-privatelink',
          connection: this.name(b.tunnel.connection),
          ...ifDefined('port', opts.get('PORT') && this.integer(opts.get('PORT')!, 'PORT')),
          ...ifDefined('availabilityZone', opts.get('AVAILABILITY ZONE') && this.text(opts.get('AVAILABILITY ZONE')!, 'AVAILABILITY ZONE')),
        };
        break;
      }
    }
    return { address: b.address, ...ifDefined('path', path), ...(b.matching ? { matching: true as const } : {}) };
  }

  private brokerOptions(options: readonly GenericOption[], allowed: readonly string[]): Map<string, Value> {
    const out = new Map<string, Value>();
    for (const o of options) {
      if (!allowed.includes(o.name)) fail(`unexpected option ${o.name}; expected ${allowed.join(' or ')}`, o.pos);
      if (out.has(o.name)) fail(`${o.name} specified more than once`, o.pos);
      if (!o.value) fail(`${o.name} needs a value`, o.pos);
      out.set(o.name, o.value);
    }
    return out;
  }

  kafkaDefaultPath(bag: OptionBag): KafkaDefaultPath | undefined {
    const ssh = bag.get('SSH TUNNEL');
    const pl = bag.get('AWS PRIVATELINK');
    if (ssh && pl) fail('a KAFKA connection takes SSH TUNNEL or AWS PRIVATELINK, not both', pl.pos);
    if (ssh) return { kind: 'ssh-tunnel', connection: this.item(bag.value('SSH TUNNEL')!, 'SSH TUNNEL') };
    if (pl) {
      if (pl.value.kind !== 'privatelink') return fail('AWS PRIVATELINK must name a connection', pl.pos);
      const port = this.brokerOptions(pl.value.options, ['PORT']).get('PORT');
      return { kind: 'aws-privatelink', connection: this.name(pl.value.connection), ...ifDefined('port', port && this.integer(port, 'PORT')) };
    }
    return undefined;
  }

  networkPath(bag: OptionBag): NetworkPath | undefined {
    const ssh = bag.get('SSH TUNNEL');
    const pl = bag.get('AWS PRIVATELINK');
    if (ssh && pl) fail('SSH TUNNEL and AWS PRIVATELINK cannot both be given', pl.pos);
    if (ssh) return { kind: 'ssh-tunnel', connection: this.item(bag.value('SSH TUNNEL')!, 'SSH TUNNEL') };
    if (pl) {
      if (pl.value.kind !== 'privatelink') return fail('AWS PRIVATELINK must name a connection', pl.pos);
      if (pl.value.options.length > 0) fail('AWS PRIVATELINK options are only supported for KAFKA connections', pl.value.options[0]!.pos);
      return { kind: 'aws-privatelink', connection: this.name(pl.value.connection) };
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------
  // Sources

  source(s: CreateSourceStatement): CreateSqlModel<Source> {
    if (s.columns) fail('a source column list (with or without PRIMARY KEY ... NOT ENFORCED) is not supported by mzform', s.columns.pos);
    const outputs: SourceOutputs = {};
    const cluster = this.cluster(s);
    const conn = s.connection;
    const type: SourceType = conn.kind;
    const { entries, allowed, kinds } = sourceTypeTables(type);
    const opts = this.sourceOptions(conn.options, conn.kind, allowed);
    const details = opts.get('DETAILS');
    if (details) outputs.details = this.text(details, 'DETAILS');
    for (const [kind, at] of CLAUSES) {
      const pos = at(s);
      if (pos && !kinds.has(kind)) fail(`${CLAUSE_NAME[kind]} is not valid for a ${conn.kind} source`, pos);
    }
    const fields: Record<string, unknown> = { type };
    const ctx: SourceReadContext = { s, opts, outputs };
    for (const [field, entry] of entries) {
      const read = SOURCE_READ[entry.codec.kind] as SourceRead<SourceCodecKind>;
      const value = read.call(this, ctx, entry.codec as never, entry);
      if (value !== undefined) fields[field] = value;
      else if (entry.required) fail(`${SOURCE_KEYWORDS[type]} sources need ${entry.sql}`, conn.pos);
    }
    const spec = fields as unknown as SourceSpec;
    if (s.exposeProgress) outputs.progressSubsource = this.name(s.exposeProgress);
    let retainHistory: string | undefined;
    let timestampInterval: string | undefined;
    for (const o of s.withOptions) {
      switch (o.name) {
        case 'RETAIN HISTORY':
          if (o.value?.kind !== 'retain-history') fail("RETAIN HISTORY must be written FOR '<duration>'", o.pos);
          retainHistory = this.text(o.value.value, 'RETAIN HISTORY');
          break;
        case 'TIMESTAMP INTERVAL':
          if (!o.value) fail('TIMESTAMP INTERVAL needs a value', o.pos);
          timestampInterval = this.text(o.value, 'TIMESTAMP INTERVAL');
          break;
        case 'SIZE':
          // Deprecated and ignored by current servers (mz_sources.size is always NULL); old docs still show it.
          break;
        default:
          fail(`unexpected source option ${o.name}`, o.pos);
      }
    }
    const object: Source = {
      kind: 'source',
      name: this.name(s.name),
      cluster,
      spec,
      ...ifDefined('retainHistory', retainHistory),
      ...ifDefined('timestampInterval', timestampInterval),
    };
    return { object, outputs };
  }

  /**
   * CREATE TABLE ... FROM SOURCE. Purification's additions are not model:
   * the column definitions, DETAILS. The reference is reduced to what the
   * manifest names (see src/model/tables.ts).
   */
  table(s: CreateTableFromSourceStatement): CreateSqlModel<Table> {
    const source = this.name(s.source);
    const ref = s.reference ?? fail('a table from a source needs REFERENCE (purification always stores it)', s.pos);
    if (ref.id !== undefined) fail('REFERENCE names something upstream, not a catalog item', ref.pos);
    const parts = ref.parts.map((p) => p.value);
    const type = this.options.sourceTypeOf?.(source) ?? typeFromReference(parts);
    const outputs: { seed?: string; details?: string } = {};
    let textColumns: string[] | undefined;
    let excludeColumns: string[] | undefined;
    for (const o of s.withOptions) {
      switch (o.name) {
        case 'TEXT COLUMNS':
          textColumns = this.columnList(o.value ?? fail('TEXT COLUMNS needs a value', o.pos), 'TEXT COLUMNS').map((c) => c[c.length - 1]!);
          break;
        case 'EXCLUDE COLUMNS':
          excludeColumns = this.columnList(o.value ?? fail('EXCLUDE COLUMNS needs a value', o.pos), 'EXCLUDE COLUMNS').map((c) => c[c.length - 1]!);
          break;
        case 'DETAILS':
          if (o.value?.kind === 'string') outputs.details = o.value.value;
          break;
        default:
          fail(`${o.name} on a table from a source is not supported by mzform`, o.pos);
      }
    }
    const refuseKafkaClauses = () => {
      const at = (s.format && formatClausePosition(s.format)) ?? s.envelope?.pos ?? s.include[0]?.pos;
      if (at) fail(`FORMAT, INCLUDE and ENVELOPE are only valid on a table from a Kafka source`, at);
    };
    let spec: TableSpec;
    switch (type) {
      case 'kafka': {
        if (textColumns || excludeColumns) fail('TEXT COLUMNS and EXCLUDE COLUMNS are not valid on a table from a Kafka source', s.pos);
        // The clauses of a legacy Kafka source, read by the same functions.
        const format = s.format && formatClauseToModel(s.format, this, outputs);
        spec = {
          type: 'kafka',
          reference: parts.join('.'),
          ...ifDefined('format', format),
          // As written: ENVELOPE NONE and none written compare equal in the diff (withTableDefaults).
          ...ifDefined('envelope', s.envelope && envelopeToModel(s.envelope)),
          ...(s.include.length > 0 ? { include: includeToModel(s.include) } : {}),
        };
        break;
      }
      case 'postgres':
      case 'mysql': {
        refuseKafkaClauses();
        if (parts.length < 2) fail(`REFERENCE of a ${type} table must name schema and table`, ref.pos);
        spec = {
          type,
          reference: [parts[parts.length - 2]!, parts[parts.length - 1]!],
          ...ifDefined('textColumns', textColumns),
          ...ifDefined('excludeColumns', excludeColumns),
        };
        break;
      }
      case 'load-generator':
        refuseKafkaClauses();
        spec = { type: 'load-generator', reference: parts[parts.length - 1]! };
        break;
    }
    const object: Table = { kind: 'table', name: this.name(s.name), source, spec };
    return { object, outputs };
  }

  private cluster(s: CreateSourceStatement): string {
    const c = s.inCluster;
    if (!c) return this.options.defaultCluster ?? fail('the source has no IN CLUSTER and no default cluster was given', s.pos);
    if (c.kind === 'name') return c.name.value;
    return this.options.resolveCluster?.(c.id) ?? fail(`unknown cluster id ${c.id}`, c.pos);
  }

  private sourceOptions(options: readonly GenericOption[], kind: CreateSourceStatement['connection']['kind'], allowed: readonly string[]): Map<string, Value> {
    const out = new Map<string, Value>();
    for (const o of options) {
      if (!allowed.includes(o.name)) fail(`${o.name} is not supported for ${kind} sources by mzform`, o.pos);
      if (out.has(o.name)) fail(`${o.name} specified more than once`, o.pos);
      if (!o.value) fail(`${o.name} needs a value`, o.pos);
      out.set(o.name, o.value);
    }
    return out;
  }

  columnList(v: Value, what: string): string[][] {
    return this.list(v, what).map((item) => {
      if (item.kind === 'name' && item.name.id === undefined) return item.name.parts.map((p) => p.value);
      if (item.kind === 'string') return [item.value];
      return fail(`${what} must list column names`, item.pos);
    });
  }
}
