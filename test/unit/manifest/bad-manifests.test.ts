import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../../src/manifest/index.js';

const DIR = 'test/fixtures/manifests/bad';
const ENV = { EMPTY: '', PW: 'pw-value', KEY: 'key-value' };

function diagnosticsOf(name: string): string[] {
  const file = `${name}.yaml`;
  try {
    parseManifest(readFileSync(`${DIR}/${file}`, 'utf8'), file, ENV);
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    const e = err as ManifestError;
    expect(e.exitCode).toBe(3);
    expect(e.code).toBe('manifest.invalid');
    return e.diagnostics.map((d) => {
      expect(d.file).toBe(file);
      return `${d.line}:${d.column}: ${d.object ? `${d.object}: ` : ''}${d.message}`;
    });
  }
  throw new Error(`${file} was accepted`);
}

// Each fixture with every diagnostic it must produce, in order: line:column: object: message.
const CASES: [string, string[]][] = [
  ['all-errors-at-once', ["4:12: secret pw: environment variable MISSING is not set", "6:3: connection tunnel: missing required field \"user\"", "12:17: connection k: ssh_tunnel: unknown connection materialize.public.nowhere: it is not declared in this manifest"]],
  ['availability-zone-not-in-privatelink', ["12:28: connection k: availability zone use1-az9 is not one of the zones of materialize.public.pl (use1-az1, use1-az2)"]],
  ['avro-without-registry', ["13:5: source s: missing required field \"schema_registry\""]],
  ['aws-without-credentials', ["3:3: connection aws: needs assume_role_arn (recommended) or access_key_id with secret_access_key"]],
  ['bad-enum-security-protocol', ["6:24: connection k: security_protocol: must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL (did you mean \"SASL_SSL\"?)"]],
  ['bad-format', ["13:13: source s: format: must be one of json, text, bytes (did you mean \"json\"?)"]],
  ['broken-yaml', ["5:1: invalid YAML: A block sequence may not be used as an implicit map key", "5:3: invalid YAML: Implicit keys need to be on a single line", "5:3: invalid YAML: Implicit map keys need to be followed by map values"]],
  ['broker-tunnel-wrong-kind', ["11:21: connection k: brokers[0].ssh_tunnel: materialize.public.pl is an aws-privatelink connection, but an ssh-tunnel connection is needed"]],
  ['broker-with-brokers', ["6:5: connection k: set either broker or brokers, not both (Materialize refuses BROKER with BROKERS)"]],
  ['renamed-from-conflicts', ["11:19: connection bastion_eu: materialize.public.bastion is declared in the manifest too; an object cannot be both kept and renamed", "16:19: connection bastion_us: renamed_from names the object itself", "26:19: connection bastion_sa: connection bastion_ap is already renamed from materialize.public.old"]],
  ['comment-too-long', ["7:14: connection tunnel: comment is longer than 1024 bytes"]],
  ['cycle', ["3:3: connection a: dependency cycle: materialize.public.a → materialize.public.b → materialize.public.a", "6:17: connection a: ssh_tunnel: materialize.public.b is a kafka connection, but an ssh-tunnel connection is needed", "10:17: connection b: ssh_tunnel: materialize.public.a is a kafka connection, but an ssh-tunnel connection is needed"]],
  ['default-privatelink-with-brokers', ["10:5: connection k: a default aws_privatelink is the bootstrap server and excludes broker and brokers; to route listed brokers through PrivateLink, set aws_privatelink on each broker"]],
  ['duplicate-across-kinds', ["6:3: connection shared: the name materialize.public.shared is already taken by secret shared (line 3)"]],
  ['duplicate-after-qualification', ["5:3: connection tunnel: the name materialize.public.tunnel is already taken by secret tunnel (line 10)"]],
  ['duplicate-key', ["7:3: this name is declared twice in the same mapping"]],
  ['empty-env-variable', ["4:12: secret kafka_password: environment variable EMPTY is empty"]],
  ['empty', ["1:1: the manifest is empty; it needs at least `version: 1`"]],
  ['format-with-key-format', ["14:5: source s: key_format and value_format go together: set both, or use format", "14:5: source s: set either format, or key_format with value_format, not both"]],
  ['iam-with-sasl-mechanisms', ["10:5: connection k: sasl_mechanisms cannot be set with aws_connection (IAM authentication picks its own)"]],
  // Tables from sources: each field checked against its source's type, with Materialize's reason (src/manifest/table-converter.ts).
  ['tables-from-sources', [
    "28:5: table kafka_with_columns: text_columns and exclude_columns apply to Postgres and MySQL tables; source topic is a Kafka source",
    "31:16: table kafka_other_topic: source topic reads topic orders (Materialize: \"reference to payments not found in source\")",
    "32:3: table pg_without_reference: needs reference: the upstream table as schema.table (Materialize: \"reference is ambiguous, consider specifying an additional layer of qualification\")",
    "37:5: table pg_with_include: format, envelope and include apply to Kafka tables; source pg_src is a Postgres source (Materialize: \"INCLUDE metadata with non-Kafka source table not yet supported\")",
    "40:16: table pg_bad_reference: reference must be schema.table (or database.schema.table), got a.b.c.d",
    "45:23: table pg_text_and_excluded: column a is both a text column and an excluded column",
    "46:3: table auction_no_reference: needs reference: one of accounts, auctions, bids, organizations, users (Materialize: \"reference is ambiguous, consider specifying an additional layer of qualification\")",
    "50:16: table auction_unknown_output: the auction generator has accounts, auctions, bids, organizations, users (Materialize: \"reference to user not found in source\")",
    "52:13: table from_a_connection: source: materialize.public.pg is a postgres connection, but a source is needed",
    "54:13: table from_nothing: source: unknown source materialize.public.nowhere: it is not declared in this manifest",
  ]],
  // Found by the manifest fuzzer: a table of a source whose type is wrong crashed the reference check.
  ['table-of-unknown-source-type', ['6:11: source s: type: must be one of kafka, postgres, mysql, load-generator (did you mean "kafka"?)']],
  ['include-twice', ["13:23: source s: INCLUDE offset is listed twice"]],
  ['literal-secret-value', ["4:12: secret pw: value: must be ${env:NAME} or ${file:path}, never the secret value itself"]],
  // Without `tables: all` the auction source is a v26 source (its outputs are tables from the source): only the option is wrong.
  ['load-generator-scale-factor', ['8:5: source auction: scale_factor is only valid with the tpch generator (Materialize: "AUCTION load generators do not support SCALE FACTOR values")']],
  // Kafka MATCHING rules: src/sql/src/plan/statement/ddl/connection.rs:741 (a static broker), :1036 (no default SSH TUNNEL),
  // src/sql-parser/src/parser.rs:2595 (the pattern), :2612 (USING AWS PRIVATELINK only).
  ['matching-in-single-broker', ['10:7: connection k: a MATCHING rule belongs in brokers, beside at least one static broker address']],
  [
    'matching-rule-problems',
    [
      '13:5: connection k: cannot specify both SSH TUNNEL and AWS PRIVATELINK (Materialize refuses a default ssh_tunnel with MATCHING rules in brokers)',
      '16:9: connection k: pattern may only contain `*` as a leading and/or trailing wildcard',
      '18:9: connection k: a MATCHING rule needs aws_privatelink (Materialize routes matching brokers only through AWS PrivateLink)',
      '20:9: connection k: set either address (a static broker) or matching (a rule), not both',
      "22:9: connection k: needs address ('host:port') or matching (a pattern)",
    ],
  ],
  [
    'matching-without-static-broker',
    [
      '9:5: connection k: invalid CONNECTION: BROKERS must contain at least one static broker address (Materialize bootstraps from a static broker; MATCHING rules only route the brokers it advertises)',
    ],
  ],
  ['missing-env-variable', ["4:12: secret kafka_password: environment variable KAFKA_PASSWORD is not set"]],
  ['missing-type', ["3:3: connection k: missing required field \"type\""]],
  ['missing-version', ["1:1: missing required field \"version\""]],
  ['no-brokers', ["3:3: connection k: needs broker, brokers, or a default aws_privatelink"]],
  ['not-a-mapping', ["1:1: must be a mapping"]],
  ['password-as-text', ["11:15: connection pg: password: must be a secret reference {secret: <name>} (never a value written in the manifest)"]],
  ['port-out-of-range', ["6:11: connection pg: port: must be 65535 or less"]],
  ['privatelink-port-without-privatelink', ["7:9: connection k: privatelink_port is only valid with aws_privatelink on the same broker"]],
  // Materialize's grammar reads MESSAGE only before USING SCHEMA (src/sql-parser/src/parser.rs:2153-2158).
  ['protobuf-message-with-registry', ["16:53: source s: \"message\" is not allowed here: Materialize takes MESSAGE only with an inline schema (FORMAT PROTOBUF MESSAGE '..' USING SCHEMA '..'), which mzform does not manage; with a schema registry the message comes from the registered schema"]],
  // Problems of a broken object do not hide its wrong references or zones: everything in one run.
  ['references-of-broken-objects', ["10:5: connection pl: unknown field \"colour\"", "16:28: connection k: availability zone use1-az9 is not one of the zones of materialize.public.pl (use1-az1)", "18:5: connection k: unknown field \"prot\"", "19:3: connection pg: missing required field \"database\"", "22:5: connection pg: unknown field \"prot\" (did you mean \"port\"?)", "24:24: connection pg: password.secret: unknown secret materialize.public.pgpas: it is not declared in this manifest (did you mean \"pgpass\"?)"]],
  ['reference-in-other-schema', ["12:25: connection pg: password.secret: unknown secret materialize.public.pgpass: it is not declared in this manifest (materialize.vault.pgpass is declared: refer to it as {name: pgpass, schema_name: vault, database_name: materialize})"]],
  ['sasl-missing-password', ["6:5: connection k: security_protocol SASL_SSL needs sasl_password"]],
  ['sasl-under-ssl', ["10:5: connection k: sasl_mechanisms needs security_protocol SASL_PLAINTEXT or SASL_SSL, not SSL", "11:5: connection k: sasl_username needs security_protocol SASL_PLAINTEXT or SASL_SSL, not SSL", "12:5: connection k: sasl_password needs security_protocol SASL_PLAINTEXT or SASL_SSL, not SSL"]],
  ['secret-reference-to-connection', ["12:25: connection pg: password.secret: materialize.public.tunnel is an ssh-tunnel connection, but a secret is needed"]],
  ['source-connection-wrong-type', ["13:17: source s: connection: materialize.public.pg is a postgres connection, but a kafka connection is needed"]],
  ['source-without-cluster', ["3:3: source counter: has no cluster: set cluster on the source or defaults.cluster"]],
  ['ssl-key-without-certificate', ["9:5: connection k: ssl_key is only valid with ssl_certificate"]],
  ['ssl-under-plaintext', ["7:5: connection k: ssl_certificate_authority needs security_protocol SSL or SASL_SSL, not PLAINTEXT"]],
  ['subsource-name-taken', ["16:39: source s: the name materialize.public.pg is already taken by connection pg (line 5)"]],
  ['tunnel-and-privatelink', ["17:5: connection pg: set either ssh_tunnel or aws_privatelink, not both"]],
  ['unknown-connection-reference', ["7:17: source s: connection: unknown connection materialize.public.kafka_connection: it is not declared in this manifest"]],
  ['unknown-connection-type', ["4:11: connection k: type: must be one of ssh-tunnel, aws-privatelink, aws, kafka, confluent-schema-registry, postgres, mysql (did you mean \"kafka\"?)"]],
  ['unknown-field-typo', ["3:3: connection tunnel: missing required field \"user\"", "6:5: connection tunnel: unknown field \"usr\" (did you mean \"user\"?)"]],
  ['unknown-secret-reference', ["8:25: connection pg: password.secret: unknown secret materialize.public.pgpass: it is not declared in this manifest"]],
  ['unknown-top-level-key', ["2:1: unknown field \"conections\" (did you mean \"connections\"?)"]],
  ['wrong-type-port', ["7:11: connection tunnel: port: must be a whole number"]],
  ['wrong-version', ["1:10: version: must be 1"]],
];

describe('invalid manifests', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', (name, expected) => {
    expect(diagnosticsOf(name)).toEqual(expected);
  });

  it('never puts a secret value in a message', () => {
    const text = 'version: 1\nsecrets:\n  pw:\n    value: ${env:PW}\nconnections:\n  k:\n    type: kafka\n    broker: a:9092\n    security_protocol: SSL\n    sasl_password: { secret: pw }\n';
    const err = (() => {
      try {
        parseManifest(text, 'm.yaml', { PW: 'super-secret-value' });
      } catch (e) {
        return e as ManifestError;
      }
      throw new Error('accepted');
    })();
    expect(err.message).not.toContain('super-secret-value');
    expect(JSON.stringify(err.jsonDetails())).not.toContain('super-secret-value');
  });

  it('lists every diagnostic in the message, one per line', () => {
    try {
      parseManifest(readFileSync(`${DIR}/all-errors-at-once.yaml`, 'utf8'), 'all.yaml', {});
    } catch (e) {
      expect((e as Error).message.split('\n')).toEqual([
        'all.yaml is not a valid manifest (3 problems):',
        'all.yaml:4:12: secret pw: environment variable MISSING is not set',
        'all.yaml:6:3: connection tunnel: missing required field "user"',
        'all.yaml:12:17: connection k: ssh_tunnel: unknown connection materialize.public.nowhere: it is not declared in this manifest',
      ]);
      return;
    }
    throw new Error('accepted');
  });
});
