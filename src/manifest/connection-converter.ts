import type { BrokerPath, ConnectionSpec, ConnectionType, KafkaBroker, KafkaDefaultPath, NetworkPath } from '../model/index.js';
import { CONNECTION_TYPES, byType, connectionEntries, ifDefined, normalizedText } from '../model/index.js';
import type { Codec, CodecKind } from '../model/index.js';
import type { ConnectionDoc, KafkaBrokerDoc, RefDoc, SecretRefDoc, TextOrSecretDoc } from './manifest-document.js';
import type { ObjectContext } from './object-context.js';

type DocOf<T extends ConnectionType> = Extract<ConnectionDoc, { type: T }>;

type Convert<K extends CodecKind> = (doc: Record<string, unknown>, keys: readonly string[], field: string, ctx: ObjectContext, codec: Extract<Codec, { kind: K }>) => unknown;

const plain = (doc: Record<string, unknown>, [key]: readonly string[]): unknown => doc[key!];

/** How each codec's value is read from the manifest (already shaped by the JSON Schema); undefined when not written. */
const READ: { readonly [K in CodecKind]: Convert<K> } = {
  text: (doc, [key], _field, _ctx, codec) => (typeof doc[key!] === 'string' ? normalizedText(codec, doc[key!] as string) : doc[key!]),
  integer: plain,
  'text-list': (doc, [key]) => (doc[key!] === undefined ? undefined : [...(doc[key!] as string[])]),
  'text-or-secret': (doc, [key], field, ctx) => (doc[key!] === undefined ? undefined : ctx.textOrSecret(doc[key!] as TextOrSecretDoc, [key!], field)),
  secret: (doc, [key], field, ctx) => (doc[key!] === undefined ? undefined : ctx.secret(doc[key!] as SecretRefDoc, [key!], field)),
  reference: (doc, [key], field, ctx) => (doc[key!] === undefined ? undefined : ctx.reference(doc[key!] as RefDoc, [key!], field)),
  'network-path': (doc, _keys, field, ctx) => networkPath(doc, field, ctx),
  'kafka-brokers': (doc, _keys, field, ctx) => kafkaBrokerDocs(doc as unknown as DocOf<'kafka'>, ctx).map(({ broker, at }, i) => kafkaBroker(broker, at, `${field}[${i}]`, ctx)),
  'kafka-default-path': (doc, _keys, field, ctx) => kafkaDefaultPath(doc as unknown as DocOf<'kafka'>, field, ctx),
};

/**
 * Combinations the schema cannot express but Materialize refuses, per type,
 * reported where the options are read so that each message points at the
 * option at fault.
 */
const CHECKS: { [T in ConnectionType]: (doc: DocOf<T>, ctx: ObjectContext) => void } = {
  'ssh-tunnel': () => {},
  'aws-privatelink': () => {},
  aws: (doc, ctx) => {
    const keys = doc.access_key_id !== undefined;
    const role = doc.assume_role_arn !== undefined;
    if (keys && role) ctx.problem(['access_key_id'], 'set either assume_role_arn or access_key_id, not both');
    if (!keys && !role) ctx.problem([], 'needs assume_role_arn (recommended) or access_key_id with secret_access_key');
    if (keys && doc.secret_access_key === undefined) ctx.problem(['access_key_id'], 'access_key_id needs secret_access_key');
    if (!keys && doc.secret_access_key !== undefined) ctx.problem(['secret_access_key'], 'secret_access_key is only valid with access_key_id');
    if (!keys && doc.session_token !== undefined) ctx.problem(['session_token'], 'session_token is only valid with access_key_id');
    if (!role && doc.assume_role_session_name !== undefined) {
      ctx.problem(['assume_role_session_name'], 'assume_role_session_name is only valid with assume_role_arn');
    }
  },
  kafka: (doc, ctx) => {
    checkMatchingRules(doc, ctx);
    checkKafkaSecurity(doc, ctx);
    checkTls(doc, ctx);
  },
  'confluent-schema-registry': (doc, ctx) => {
    if (doc.password !== undefined && doc.username === undefined) ctx.problem(['password'], 'password is only valid with username');
    if (doc.username !== undefined && doc.password === undefined) ctx.problem(['username'], 'username needs password');
    checkTls(doc, ctx);
  },
  postgres: checkTls,
  mysql: checkTls,
};

/** Each type's registry entries with the manifest keys they are read from, listed once. */
const FIELDS = byType(CONNECTION_TYPES, (type) => connectionEntries(type).map(([field, entry]) => ({ field, entry, keys: entry.parts.map((p) => p.key) })));

/** Manifest connection → model: the registry's entries, read by codec, after the type's own checks. */
export function convertConnection(doc: ConnectionDoc, ctx: ObjectContext): ConnectionSpec {
  (CHECKS[doc.type] as (doc: ConnectionDoc, ctx: ObjectContext) => void)(doc, ctx);
  const values = doc as unknown as Record<string, unknown>;
  const spec: Record<string, unknown> = { type: doc.type };
  for (const { field, entry, keys } of FIELDS[doc.type]) {
    const value = (READ[entry.codec.kind] as Convert<CodecKind>)(values, keys, field, ctx, entry.codec as never);
    if (value !== undefined) spec[field] = value;
  }
  return spec as ConnectionSpec;
}

interface TlsDocFields {
  ssl_certificate?: unknown;
  ssl_key?: unknown;
}

function checkTls(doc: TlsDocFields, ctx: ObjectContext): void {
  // Materialize: "SSL KEY: required and only valid when SSL CERTIFICATE is specified".
  if (doc.ssl_key !== undefined && doc.ssl_certificate === undefined) ctx.problem(['ssl_key'], 'ssl_key is only valid with ssl_certificate');
  if (doc.ssl_certificate !== undefined && doc.ssl_key === undefined) ctx.problem(['ssl_certificate'], 'ssl_certificate needs ssl_key');
}

function networkPath(doc: { ssh_tunnel?: RefDoc; aws_privatelink?: RefDoc }, field: string, ctx: ObjectContext): NetworkPath | undefined {
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem(['aws_privatelink'], 'set either ssh_tunnel or aws_privatelink, not both');
  }
  if (doc.ssh_tunnel !== undefined) {
    return { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, ['ssh_tunnel'], `${field}.connection`) };
  }
  if (doc.aws_privatelink !== undefined) {
    return { kind: 'aws-privatelink', connection: ctx.reference(doc.aws_privatelink, ['aws_privatelink'], `${field}.connection`) };
  }
  return undefined;
}

function kafkaBrokerDocs(doc: DocOf<'kafka'>, ctx: ObjectContext): { broker: KafkaBrokerDoc; at: (string | number)[] }[] {
  if (doc.broker !== undefined && doc.brokers !== undefined) {
    ctx.problem(['brokers'], 'set either broker or brokers, not both (Materialize refuses BROKER with BROKERS)');
  }
  const listed =
    doc.brokers !== undefined
      ? doc.brokers.map((broker, i) => ({ broker, at: ['brokers', i] }))
      : doc.broker !== undefined
        ? [{ broker: doc.broker, at: ['broker'] }]
        : [];
  if (doc.aws_privatelink !== undefined && listed.length > 0) {
    ctx.problem(
      ['aws_privatelink'],
      'a default aws_privatelink is the bootstrap server and excludes broker and brokers; to route listed brokers through PrivateLink, set aws_privatelink on each broker',
    );
  }
  if (doc.aws_privatelink === undefined && listed.length === 0) {
    ctx.problem([], 'needs broker, brokers, or a default aws_privatelink');
  }
  return listed;
}

/** The stand-alone `*` Materialize allows in a MATCHING pattern: one leading, one trailing (src/sql-parser/src/parser.rs:2586-2599). */
function patternProblem(pattern: string): string | undefined {
  const inner = pattern.replace(/^\*/, '').replace(/\*$/, '');
  return inner.includes('*') ? 'pattern may only contain `*` as a leading and/or trailing wildcard' : undefined;
}

/**
 * MATCHING rules, as Materialize plans them: they live in `brokers` only (the
 * single BROKER takes an address), next to at least one static broker
 * (connection.rs:741), and they are a PrivateLink route that excludes a
 * default SSH TUNNEL (connection.rs:1036, build_tunnel_definition). A default
 * aws_privatelink already excludes `brokers`.
 */
function checkMatchingRules(doc: DocOf<'kafka'>, ctx: ObjectContext): void {
  const isRule = (b: KafkaBrokerDoc) => typeof b !== 'string' && b.matching !== undefined;
  if (doc.broker !== undefined && isRule(doc.broker)) {
    ctx.problem(['broker', 'matching'], 'a MATCHING rule belongs in brokers, beside at least one static broker address');
  }
  const brokers = doc.brokers ?? [];
  const rules = brokers.filter(isRule).length;
  if (rules === 0) return;
  if (rules === brokers.length) {
    ctx.problem(['brokers'], 'invalid CONNECTION: BROKERS must contain at least one static broker address (Materialize bootstraps from a static broker; MATCHING rules only route the brokers it advertises)');
  }
  if (doc.ssh_tunnel !== undefined) {
    ctx.problem(['ssh_tunnel'], 'cannot specify both SSH TUNNEL and AWS PRIVATELINK (Materialize refuses a default ssh_tunnel with MATCHING rules in brokers)');
  }
}

function kafkaBroker(doc: KafkaBrokerDoc, at: (string | number)[], brokerField: string, ctx: ObjectContext): KafkaBroker {
  if (typeof doc === 'string') return { address: doc };
  const field = `${brokerField}.path.connection`;
  if (doc.address !== undefined && doc.matching !== undefined) ctx.problem([...at, 'matching'], 'set either address (a static broker) or matching (a rule), not both');
  if (doc.address === undefined && doc.matching === undefined) ctx.problem([...at], "needs address ('host:port') or matching (a pattern)");
  if (doc.matching !== undefined) {
    const problem = patternProblem(doc.matching);
    if (problem) ctx.problem([...at, 'matching'], problem);
    if (doc.aws_privatelink === undefined) ctx.problem([...at, 'matching'], 'a MATCHING rule needs aws_privatelink (Materialize routes matching brokers only through AWS PrivateLink)');
  }
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem([...at, 'aws_privatelink'], 'a broker goes through either ssh_tunnel or aws_privatelink, not both');
  }
  if (doc.aws_privatelink === undefined) {
    for (const option of ['privatelink_port', 'availability_zone'] as const) {
      if (doc[option] !== undefined) ctx.problem([...at, option], `${option} is only valid with aws_privatelink on the same broker`);
    }
  }
  let path: BrokerPath | undefined;
  if (doc.ssh_tunnel !== undefined) {
    path = { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, [...at, 'ssh_tunnel'], field) };
  } else if (doc.aws_privatelink !== undefined) {
    path = {
      kind: 'aws-privatelink',
      connection: ctx.reference(doc.aws_privatelink, [...at, 'aws_privatelink'], field),
      ...(doc.privatelink_port !== undefined ? { port: doc.privatelink_port } : {}),
      ...(doc.availability_zone !== undefined ? { availabilityZone: doc.availability_zone } : {}),
    };
  }
  if (doc.matching !== undefined) return { address: doc.matching, ...ifDefined('path', path), matching: true };
  return { address: doc.address ?? '', ...ifDefined('path', path) };
}

function kafkaDefaultPath(doc: DocOf<'kafka'>, field: string, ctx: ObjectContext): KafkaDefaultPath | undefined {
  if (doc.ssh_tunnel !== undefined && doc.aws_privatelink !== undefined) {
    ctx.problem(['aws_privatelink'], 'set either a default ssh_tunnel or a default aws_privatelink, not both');
  }
  if (doc.privatelink_port !== undefined && doc.aws_privatelink === undefined) {
    ctx.problem(['privatelink_port'], 'privatelink_port is only valid with aws_privatelink');
  }
  if (doc.ssh_tunnel !== undefined) {
    return { kind: 'ssh-tunnel', connection: ctx.reference(doc.ssh_tunnel, ['ssh_tunnel'], `${field}.connection`) };
  }
  if (doc.aws_privatelink !== undefined) {
    return {
      kind: 'aws-privatelink',
      connection: ctx.reference(doc.aws_privatelink, ['aws_privatelink'], `${field}.connection`),
      ...(doc.privatelink_port !== undefined ? { port: doc.privatelink_port } : {}),
    };
  }
  return undefined;
}

const SASL_OPTIONS = ['sasl_mechanisms', 'sasl_username', 'sasl_password'] as const;
const SSL_OPTIONS = ['ssl_certificate_authority', 'ssl_certificate', 'ssl_key'] as const;

/** The security protocol decides which authentication options Materialize accepts. */
function checkKafkaSecurity(doc: DocOf<'kafka'>, ctx: ObjectContext): void {
  const protocol = doc.security_protocol;
  const sasl = SASL_OPTIONS.filter((o) => doc[o] !== undefined);
  const iam = doc.aws_connection !== undefined;
  if (protocol === 'PLAINTEXT' || protocol === 'SSL') {
    for (const option of sasl) ctx.problem([option], `${option} needs security_protocol SASL_PLAINTEXT or SASL_SSL, not ${protocol}`);
    if (iam) ctx.problem(['aws_connection'], `aws_connection needs security_protocol SASL_PLAINTEXT or SASL_SSL, not ${protocol}`);
  }
  if (protocol === 'PLAINTEXT' || protocol === 'SASL_PLAINTEXT') {
    for (const option of SSL_OPTIONS) {
      if (doc[option] !== undefined) ctx.problem([option], `${option} needs security_protocol SSL or SASL_SSL, not ${protocol}`);
    }
  }
  if (iam && doc.sasl_mechanisms !== undefined) {
    ctx.problem(['sasl_mechanisms'], 'sasl_mechanisms cannot be set with aws_connection (IAM authentication picks its own)');
  }
  const saslProtocol = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL' || (protocol === undefined && sasl.length > 0);
  if (saslProtocol && !iam) {
    const missing = SASL_OPTIONS.filter((o) => doc[o] === undefined);
    if (missing.length > 0) {
      const why = protocol ? `security_protocol ${protocol}` : 'SASL authentication';
      ctx.problem(protocol ? ['security_protocol'] : [sasl[0]!], `${why} needs ${missing.join(', ')}`);
    }
  }
}
