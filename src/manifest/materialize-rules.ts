import type { Connection, ConnectionSpec, MzObject, Source, SourceSpec } from '../model/index.js';
import type { CheckedObject, LabelledProblem } from './cross-checks.js';
import type { DocPath } from './yaml-document.js';

/**
 * What Materialize's planner refuses in a definition that is otherwise
 * well-formed, found at `validate` time with Materialize's own reason (the
 * text after the manifest's words quotes its error). Each rule names where in
 * Materialize it comes from; the same refusals, as SQL, are the emulator's
 * fixtures (test/fixtures/fidelity/planner-refusals.json).
 */

interface Finding {
  /** Relative to the object's mapping. */
  readonly at: DocPath;
  readonly message: string;
}

type Rule<T> = (spec: T) => Finding[];

const CONNECTION_RULES: { [K in ConnectionSpec['type']]?: readonly Rule<Extract<ConnectionSpec, { type: K }>>[] } = {
  kafka: [
    // connection.rs get_brokers_and_rules: one address per string.
    (spec) =>
      spec.brokers.flatMap((b, i) =>
        b.address.includes(',')
          ? [
              {
                at: spec.brokers.length === 1 ? [] : ['brokers', i],
                message: `broker '${b.address}': list each broker separately (Materialize: "cannot specify multiple Kafka broker addresses in one string")`,
              },
            ]
          : [],
      ),
  ],
  'confluent-schema-registry': [(spec) => schemaRegistryUrl(spec.url)],
  mysql: [
    // connection.rs, CreateConnectionType::MySql: IAM authentication replaces the password and needs TLS.
    (spec) =>
      spec.awsConnection !== undefined && spec.password !== undefined
        ? [{ at: ['password'], message: 'password cannot be set with aws_connection (Materialize: "AWS IAM authentication is not supported with password")' }]
        : [],
    (spec) =>
      spec.awsConnection !== undefined && (spec.sslMode === undefined || spec.sslMode === 'disabled')
        ? [{ at: ['aws_connection'], message: 'aws_connection needs ssl_mode required, verify_ca or verify_identity (Materialize: "AWS IAM authentication requires SSL to be enabled")' }]
        : [],
  ],
};

const SOURCE_RULES: { [K in SourceSpec['type']]?: readonly Rule<Extract<SourceSpec, { type: K }>>[] } = {
  'load-generator': [
    // ddl.rs plan_create_source: "UP TO cannot be less than AS OF".
    (spec) =>
      spec.asOf !== undefined && spec.upTo !== undefined && spec.upTo < spec.asOf
        ? [{ at: ['up_to'], message: `up_to (${spec.upTo}) cannot be less than as_of (${spec.asOf}) (Materialize: "UP TO cannot be less than AS OF")` }]
        : [],
    // ddl.rs load_generator_ast_to_generator: the row counts a scale factor gives must fit a 64-bit integer.
    (spec) =>
      spec.scaleFactor !== undefined && Math.floor(spec.scaleFactor * 1_500_000) >= 2 ** 63
        ? [{ at: ['scale_factor'], message: `Materialize: "unsupported scale factor ${spec.scaleFactor}"` }]
        : [],
    keyValueSizes,
    // ddl.rs load_generator_ast_to_generator (KEY VALUE): only the offset and the key can be included.
    (spec) =>
      spec.generator === 'key-value'
        ? (spec.include ?? []).flatMap((item, i) =>
            item.item === 'key' || item.item === 'offset'
              ? []
              : [{ at: ['include', i], message: `the key-value generator includes only key and offset (Materialize: "only \`INCLUDE OFFSET\` and \`INCLUDE KEY\` is supported")` }],
          )
        : [],
    // ddl.rs plan_source_envelope: UPSERT needs a key, which only KEY VALUE generates without a format.
    (spec) =>
      spec.envelope === 'upsert' && spec.generator !== 'key-value'
        ? [{ at: ['envelope'], message: `envelope upsert is only valid with the key-value generator (Materialize: "UPSERT requires a key/value format")` }]
        : [],
  ],
  kafka: [
    // pure.rs:840: the two are alternatives.
    (spec) =>
      spec.startTimestamp !== undefined && spec.startOffset !== undefined
        ? [{ at: ['start_timestamp'], message: 'set either start_offset or start_timestamp, not both (Materialize: "cannot specify START TIMESTAMP and START OFFSET at same time")' }]
        : [],
  ],
  postgres: [(spec) => columnReferences(spec, 'postgres')],
  mysql: [(spec) => columnReferences(spec, 'mysql')],
};

/**
 * KEY VALUE's sizes, in the order Materialize checks them
 * (load_generator_ast_to_generator, src/sql/src/plan/statement/ddl.rs:2190-2211).
 */
function keyValueSizes(spec: Extract<SourceSpec, { type: 'load-generator' }>): Finding[] {
  const { keys, partitions, valueSize, batchSize, snapshotRounds } = spec;
  if (spec.generator !== 'key-value' || keys === undefined || partitions === undefined || valueSize === undefined || batchSize === undefined || snapshotRounds === undefined) {
    return [];
  }
  const refuse = (at: string, message: string): Finding[] => [{ at: [at], message: `Materialize: "${message}"` }];
  if (keys === 0 || partitions === 0 || valueSize === 0 || batchSize === 0) {
    const zero = ([['keys', keys], ['partitions', partitions], ['value_size', valueSize], ['batch_size', batchSize]] as const).find(([, v]) => v === 0)!;
    return refuse(zero[0], 'LOAD GENERATOR KEY VALUE options must be non-zero');
  }
  if (keys % partitions !== 0) return refuse('keys', 'KEYS must be a multiple of PARTITIONS');
  if (batchSize > keys) return refuse('batch_size', 'KEYS must be larger than BATCH SIZE');
  if ((keys / partitions) % batchSize !== 0) return refuse('batch_size', 'PARTITIONS * BATCH SIZE must be a divisor of KEYS');
  if (snapshotRounds === 0) return refuse('snapshot_rounds', 'SNAPSHOT ROUNDS must be larger than 0');
  return [];
}

/** Every refusal of Materialize's planner that the manifest's own checks do not already report. */
export function checkMaterializeRules(objects: readonly CheckedObject[]): LabelledProblem[] {
  const problems: LabelledProblem[] = [];
  for (const checked of objects) {
    for (const f of findingsOf(checked.object)) {
      problems.push({ path: [...checked.path, ...f.at], target: f.at.length === 0 ? 'key' : 'value', object: checked.label, message: f.message });
    }
  }
  return problems;
}

function findingsOf(object: MzObject): Finding[] {
  if (object.kind === 'connection') return applyRules(CONNECTION_RULES, (object as Connection).spec);
  if (object.kind === 'source') return applyRules(SOURCE_RULES, (object as Source).spec);
  return [];
}

function applyRules<S extends { type: string }>(rules: Partial<Record<string, readonly Rule<never>[]>>, spec: S): Finding[] {
  return ((rules[spec.type] ?? []) as readonly Rule<S>[]).flatMap((rule) => rule(spec));
}

/** connection.rs, CreateConnectionType::Csr: an absolute URL with a host and no path. */
function schemaRegistryUrl(url: string): Finding[] {
  const at = ['url'];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ at, message: `'${url}' is not a URL (Materialize: "parsing schema registry url: relative URL without a base")` }];
  }
  if (parsed.hostname === '') return [{ at, message: `'${url}' names no host (Materialize: "invalid CONNECTION: URL must specify domain name")` }];
  if (parsed.pathname !== '/' && parsed.pathname !== '') {
    return [{ at, message: `'${url}' has a path; give the registry's root URL (Materialize: "invalid CONNECTION: URL must have an empty path")` }];
  }
  return [];
}

/**
 * pure/postgres.rs and pure/mysql.rs map_column_refs: a column is named with
 * its table (MySQL: schema, table and column), once per list, and on a table
 * the source ingests.
 */
function columnReferences(spec: Extract<SourceSpec, { type: 'postgres' | 'mysql' }>, type: 'postgres' | 'mysql'): Finding[] {
  const findings: Finding[] = [];
  for (const [field, option] of [
    ['text_columns', 'TEXT COLUMNS'],
    ['exclude_columns', 'EXCLUDE COLUMNS'],
  ] as const) {
    const list = field === 'text_columns' ? spec.textColumns : spec.excludeColumns;
    const seen = new Set<string>();
    const dangling = new Set<string>();
    (list ?? []).forEach((parts, i) => {
      const text = parts.join('.');
      const qualified = type === 'mysql' ? parts.length === 3 : parts.length >= 2;
      if (!qualified) {
        const needs = type === 'mysql' ? 'schema.table.column' : 'table.column or schema.table.column';
        findings.push({ at: [field, i], message: `${text}: name the column as ${needs} (Materialize: "invalid ${option} option value: column name '${text}' must have at least a table qualification")` });
        return;
      }
      if (seen.has(text)) findings.push({ at: [field, i], message: `${text} is listed twice (Materialize: "invalid ${option} option value: unexpected multiple references to ${text}")` });
      seen.add(text);
      const table = parts.slice(0, -1);
      if (spec.tables.kind === 'tables' && !spec.tables.tables.some((t) => endsWith(t.reference, table) || endsWith(table, t.reference))) dangling.add(table.join('.'));
    });
    if (dangling.size > 0) {
      findings.push({
        at: [field],
        message: `${[...dangling].sort().join(', ')} ${dangling.size === 1 ? 'is' : 'are'} not in tables (Materialize: "${option} refers to table not currently being added")`,
      });
    }
  }
  return findings;
}

/** Whether `longer` ends with every part of `shorter`: Materialize resolves a reference by its trailing parts. */
function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  const offset = longer.length - shorter.length;
  return offset >= 0 && shorter.length > 0 && shorter.every((p, i) => p === longer[offset + i]);
}
