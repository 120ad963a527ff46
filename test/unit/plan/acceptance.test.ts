import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../../src/db/index.js';
import { startEmulator } from '../../../src/emulator/index.js';
import { displayName } from '../../../src/model/index.js';
import { loadActual, loadDesired, planChanges } from '../../../src/pipeline/index.js';

/**
 * Plan scenarios in the manner of pg-schema-diff's acceptance cases: the old
 * state is DDL run on the emulator and read back through the real catalog
 * code; the new state is a manifest; the expectation is the plan's steps
 * (action, object, fields) and hazard codes. No hand-built actual state, no
 * dependency guessed from text.
 */
interface Case {
  readonly name: string;
  /** Run in a schema of its own, `s`, in database `materialize`. */
  readonly oldDdl: readonly string[];
  readonly manifest: string;
  readonly prune?: boolean;
  /** `action kind name [fields]`, in plan order. */
  readonly steps: readonly string[];
  readonly hazards: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'an SSH tunnel port: one ALTER',
    oldDdl: [`CREATE CONNECTION t TO SSH TUNNEL (HOST 'bastion', USER 'mz')`],
    manifest: `connections:\n  t: { type: ssh-tunnel, host: bastion, user: mz, port: 2222 }\n`,
    steps: ['alter connection s.t [port]'],
    hazards: [],
  },
  {
    name: 'a Postgres connection leaves its tunnel: replaced, the field named as the manifest names it',
    oldDdl: [
      `CREATE SECRET pw AS 'x'`,
      `CREATE CONNECTION t TO SSH TUNNEL (HOST 'bastion', USER 'mz')`,
      `CREATE CONNECTION pg TO POSTGRES (HOST 'db', DATABASE 'shop', USER 'mz', PASSWORD SECRET pw, SSH TUNNEL t) WITH (VALIDATE = false)`,
    ],
    manifest: [
      'secrets:',
      '  pw: { value: "${env:PW}" }',
      'connections:',
      '  t: { type: ssh-tunnel, host: bastion, user: mz }',
      '  pg: { type: postgres, host: db, database: shop, user: mz, password: { secret: pw }, validate: false }',
      '',
    ].join('\n'),
    steps: ['replace connection s.pg', 'replace connection s.pg [ssh_tunnel]'],
    hazards: [],
  },
  {
    name: 'a Kafka progress topic: replaced; its broker list alone would have been an ALTER',
    oldDdl: [`CREATE CONNECTION k TO KAFKA (BROKER 'b1:9092', SECURITY PROTOCOL PLAINTEXT, PROGRESS TOPIC 'p1') WITH (VALIDATE = false)`],
    manifest: `connections:\n  k: { type: kafka, brokers: [b1:9092, b2:9092], security_protocol: PLAINTEXT, progress_topic: p2, validate: false }\n`,
    steps: ['replace connection s.k', 'replace connection s.k [brokers, progress_topic]'],
    hazards: [],
  },
  {
    name: 'a load generator moves cluster: re-created, re-ingesting',
    oldDdl: [`CREATE SOURCE counter IN CLUSTER c1 FROM LOAD GENERATOR COUNTER`],
    manifest: `sources:\n  counter: { type: load-generator, generator: counter, cluster: c2 }\n`,
    steps: ['replace source s.counter', 'replace source s.counter [cluster]'],
    hazards: ['source-recreate'],
  },
  {
    name: 'an object the manifest no longer lists, with prune: dropped',
    oldDdl: [`CREATE SECRET old AS 'x'`, `CREATE SECRET kept AS 'y'`],
    manifest: `secrets:\n  kept: { value: "\${env:PW}" }\n`,
    prune: true,
    steps: ['drop secret s.old'],
    hazards: ['drop'],
  },
];

const env = { PW: 'x', MZFORM_FINGERPRINT_KEY: '' };

describe('plan scenarios from DDL on the emulator', () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    db = await connect({ url: emulator.url, env: {} });
    for (const cluster of ['c1', 'c2']) await db.execute(`CREATE CLUSTER ${cluster} (SIZE = '25cc')`);
    dir = mkdtempSync(join(tmpdir(), 'mzform-acceptance-'));
  });
  afterAll(async () => {
    await db?.close();
    await emulator?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c, i) => ({ ...c, schema: `s${i}` })))('$name', async (c) => {
    await db.execute(`CREATE SCHEMA ${c.schema}`);
    await db.execute(`SET search_path = ${c.schema}`);
    for (const statement of c.oldDdl) await db.execute(statement);
    const file = join(dir, `${c.schema}.yaml`);
    writeFileSync(file, `version: 1\ndefaults: { schema: ${c.schema}, cluster: c1 }\n${c.prune ? 'prune: true\n' : ''}${c.manifest}`);
    const desired = await loadDesired(file, env);
    const plan = planChanges(desired, await loadActual(db, desired), { env });
    const steps = plan.steps.map((s) => {
      const fields = s.fields.map((f) => f.field);
      return `${s.action} ${s.objectKind} ${displayName(s.name).replace(/^materialize\./, '').replace(c.schema, 's')}${fields.length ? ` [${fields.join(', ')}]` : ''}`;
    });
    expect(steps).toEqual(c.steps);
    expect(plan.steps.flatMap((s) => s.hazards.map((h) => h.code))).toEqual(c.hazards);
  });
});
