import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { staticSql } from '../../../src/sql/quote.js';
import { runCli } from '../../run-cli.js';
import { type Emulator, startEmulator } from './emulator.js';

/**
 * The CLI as a user runs it, over TCP against the emulator, for options added
 * through the registries: PORT on an AWS PrivateLink connection, INCLUDE HEADER,
 * VALUE DECODING ERRORS = INLINE, START TIMESTAMP, EXPOSE PROGRESS AS, Avro
 * VALUE STRATEGY, and the KEY
 * VALUE, CLOCK and DATUMS load generators. Each is planned, applied, planned
 * again to "No changes.", imported, and the imported manifest plans to no
 * changes too.
 */
const MANIFEST = `version: 1
defaults: { database: materialize, schema: public, cluster: quickstart }
connections:
  pl:
    type: aws-privatelink
    service_name: com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc
    availability_zones: [use1-az1]
    port: 8443
  kafka:
    type: kafka
    broker: kafka.internal:9092
    security_protocol: PLAINTEXT
    validate: false
  csr:
    type: confluent-schema-registry
    url: http://csr.internal:8081
    validate: false
sources:
  traced:
    type: kafka
    connection: kafka
    topic: traced
    format: json
    include: [headers, { header: trace-id, as: trace_id }, { header: sig, as: sig, bytes: true }]
  events:
    type: kafka
    connection: kafka
    topic: events
    key_format: text
    value_format: json
    envelope: upsert
    value_decoding_errors: { inline: true, as: decode_error }
  since:
    type: kafka
    connection: kafka
    topic: since
    format: json
    start_timestamp: -3600000
  named:
    type: kafka
    connection: kafka
    topic: named
    format: json
    expose_progress: named_offsets
  picked:
    type: kafka
    connection: kafka
    topic: picked
    format: { type: avro, schema_registry: csr, value_strategy: { id: 7 } }
  kv:
    type: load-generator
    generator: key-value
    keys: 16
    partitions: 4
    snapshot_rounds: 3
    transactional_snapshot: false
    seed: 123
    value_size: 10
    batch_size: 2
    include: [{ item: key, as: whatever }]
    envelope: upsert
  clk:
    type: load-generator
    generator: clock
    tick_interval: 1s
  dat:
    type: load-generator
    generator: datums
    as_of: 1
    up_to: 10
`;

const cli = (args: readonly string[]) =>
  runCli(args, { cleanEnv: true, env: { MZFORM_FINGERPRINT_KEY: 'source-options-test-key-0123456' } }).then((r) => ({ code: r.status, stdout: r.stdout, stderr: r.stderr }));

describe('options from the registries, through the CLI', () => {
  let emulator: Emulator;
  let dir: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), 'mzform-source-options-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('plans, applies, re-plans to no changes, imports, and the import plans to no changes', async () => {
    const file = join(dir, 'materialize.yaml');
    writeFileSync(file, MANIFEST);
    const plan = await cli(['plan', '-f', file, '--url', emulator.url]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('PORT = 8443');
    expect(plan.stdout).toContain('FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION "materialize"."public"."csr" VALUE STRATEGY ID 7');
    expect(plan.stdout).toContain("(TOPIC = 'named') FORMAT JSON EXPOSE PROGRESS AS \"materialize\".\"public\".\"named_offsets\"");
    expect(plan.stdout).toContain("(TOPIC = 'since', START TIMESTAMP = -3600000) FORMAT JSON");
    expect(plan.stdout).toContain('KEY FORMAT TEXT VALUE FORMAT JSON ENVELOPE UPSERT (VALUE DECODING ERRORS = (INLINE AS "decode_error"))');
    expect(plan.stdout).toContain(`FORMAT JSON INCLUDE HEADERS, HEADER 'trace-id' AS "trace_id", HEADER 'sig' AS "sig" BYTES`);
    expect(plan.stdout).toContain(
      'FROM LOAD GENERATOR KEY VALUE (KEYS = 16, SNAPSHOT ROUNDS = 3, TRANSACTIONAL SNAPSHOT = false, VALUE SIZE = 10, SEED = 123, PARTITIONS = 4, BATCH SIZE = 2) INCLUDE KEY AS "whatever" ENVELOPE UPSERT',
    );
    const applied = await cli(['apply', '-f', file, '--url', emulator.url, '--auto-approve']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const again = await cli(['plan', '-f', file, '--url', emulator.url, '--detailed-exitcode']);
    expect(again.stdout).toBe('No changes.\n');
    expect(again.code).toBe(0);

    const db = await connect({ url: emulator.url, env: {} });
    try {
      // Purification stored the offsets START TIMESTAMP resolved to (src/sql/src/pure.rs:856-880).
      const since = await db.query<{ create_sql: string }>(staticSql`SELECT create_sql FROM mz_catalog.mz_sources WHERE name = 'since'`);
      expect(since[0]!.create_sql).toContain("(TOPIC = 'since', START OFFSET = (0)) FORMAT JSON");
      const rows = await db.query<{ name: string; create_sql: string }>(staticSql`SELECT name, create_sql FROM mz_catalog.mz_sources WHERE name IN ('clk', 'dat') ORDER BY name`);
      expect(rows.map((r) => r.create_sql)).toEqual([
        `CREATE SOURCE "materialize"."public"."clk" IN CLUSTER [u1] FROM LOAD GENERATOR CLOCK (TICK INTERVAL = '1s')`,
        `CREATE SOURCE "materialize"."public"."dat" IN CLUSTER [u1] FROM LOAD GENERATOR DATUMS (AS OF = 1, UP TO = 10)`,
      ]);
    } finally {
      await db.close();
    }

    const imported = join(dir, 'imported.yaml');
    const run = await cli(['import', '--schema', 'public', '--url', emulator.url, '--out', imported]);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(imported, 'utf8');
    expect(text).toMatch(/header: trace-id\n\s+as: trace_id/);
    expect(text).toMatch(/header: sig\n\s+as: sig\n\s+bytes: true/);
    expect(text).toMatch(/value_decoding_errors:\n\s+inline: true\n\s+as: decode_error/);
    expect(text).toContain('expose_progress: named_offsets');
    // Materialize keeps no schema strategy in the stored statement: import cannot write one.
    expect(text).not.toContain('value_strategy');
    // Progress subsources Materialize named itself are not written back.
    expect(text.match(/expose_progress/g)).toHaveLength(1);
    // The catalog keeps the offsets, not the timestamp: import writes what it holds.
    expect(text).toMatch(/topic: since\n\s+format: json\n\s+start_offset:\n\s+- 0/);
    for (const line of ['port: 8443', 'generator: key-value', 'transactional_snapshot: false', 'envelope: upsert', 'generator: clock', 'generator: datums', 'up_to: 10']) {
      expect(text).toContain(line);
    }
    const importedPlan = await cli(['plan', '-f', imported, '--url', emulator.url, '--detailed-exitcode']);
    expect(importedPlan.stdout).toBe('No changes.\n');
    expect(importedPlan.code).toBe(0);
  }, 180_000);

  it('validate refuses what Materialize refuses, before anything runs', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `version: 1\ndefaults: { cluster: quickstart }\nsources:\n  c:\n    type: load-generator\n    generator: clock\n    max_cardinality: 5\n`);
    const out = await cli(['validate', '-f', file]);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('CLOCK load generators do not support MAX CARDINALITY values');
  });
});
