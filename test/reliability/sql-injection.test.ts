import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_LOCATION, runApply } from '../../src/apply/index.js';
import { connect } from '../../src/db/index.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { MzObject } from '../../src/model/index.js';
import { renderPlanText } from '../../src/output/index.js';
import { loadActual, loadDesired, planChanges } from '../../src/pipeline/index.js';
import { parseStatements } from '../../src/sql/index.js';
import { holder, prepareContainers } from '../integration/apply/common.js';

/**
 * Names and values built to break out of identifier and literal quoting,
 * applied to the emulator over the wire and read back: every object exists
 * under exactly its name with exactly its values, nothing else was created
 * or dropped, each statement reached the server as one statement, and a new
 * plan has no changes. Secret values cannot be read back from Materialize:
 * they are checked as sent (one CREATE SECRET each, accepted).
 */
const HOSTILE = [
  "it's",
  'a"b',
  `"; DROP SOURCE x; --`,
  `'); DROP SECRET s; --`,
  'back\\slash\\',
  '$$dollar$$',
  'Ω é 𝄞 ☃',
  'new\nline',
  'tab\tx',
  '-- comment',
  '/* open',
  '[u1 AS "materialize"."public"."x"]',
  'SECRET "x"',
  "E'\\x41'",
  ' leading and trailing ',
  'UPPER lower',
  "''",
  '""',
  '%s%d',
  '\u202Eright-to-left',
];
const DATABASE = `db "x'`;
const SCHEMA = `sch'; --`;

function manifest(): { text: string; env: Record<string, string> } {
  const env: Record<string, string> = { MZFORM_FINGERPRINT_KEY: 'injection-key' };
  const secrets: Record<string, unknown> = {};
  const connections: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  HOSTILE.forEach((h, i) => {
    // Letters only: the shared test environment resolves /^[A-Z_]+$/ names (for prepareContainers).
    const variable = `VALUE_${String.fromCharCode(65 + i)}`;
    env[variable] = `${h} value ${i}`;
    secrets[`secret ${h}`] = { value: `\${env:${variable}}`, comment: h };
    connections[`tunnel ${h}`] = { type: 'ssh-tunnel', host: `${h}.example.com`, user: h, port: 2200 + i, comment: h };
    connections[`kafka ${h}`] = { type: 'kafka', broker: `${h}:9092`, ssh_tunnel: `tunnel ${h}`, sasl_mechanisms: 'PLAIN', sasl_username: h, sasl_password: { secret: `secret ${h}` }, security_protocol: 'SASL_PLAINTEXT', validate: false };
    sources[`source ${h}`] = { type: 'kafka', connection: `kafka ${h}`, topic: h, format: 'text', comment: h };
  });
  // The container names are hostile too: every reference must quote all three parts.
  secrets['elsewhere'] = { value: '${env:VALUE_A}', database_name: DATABASE, schema_name: SCHEMA, comment: HOSTILE.join(' | ') };
  connections['pl elsewhere'] = { type: 'aws-privatelink', service_name: HOSTILE[2], availability_zones: [HOSTILE[0], HOSTILE[3]], database_name: DATABASE, schema_name: SCHEMA };
  // JSON is YAML: no YAML quoting stands between the test and the values.
  return { text: JSON.stringify({ version: 1, defaults: { cluster: `cluster ${HOSTILE[1]}` }, secrets, connections, sources }, null, 2), env };
}

/** What must read back unchanged: the model without secret values (which the catalog never holds). */
function comparable(o: MzObject): unknown {
  const { kind, name, comment } = o as MzObject & { comment?: string };
  return { kind, name, comment: comment ?? null, spec: 'spec' in o ? o.spec : null, cluster: 'cluster' in o ? o.cluster : null };
}

describe('SQL injection through names and values', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let file: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'mzform-injection-'));
    file = join(dir, 'hostile.yaml');
    const m = manifest();
    env = m.env;
    writeFileSync(file, m.text);
    await prepareContainers(emulator.url, [file]);
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${HOSTILE.length} hostile strings as names, comments, options and secret values are applied and read back unchanged`, async () => {
    const desired = await loadDesired(file, env);
    expect(desired.objects.length).toBe(HOSTILE.length * 4 + 2);
    emulator.control.resetCounters();
    const { plan, report } = await runApply({
      input: { kind: 'manifest', file },
      url: emulator.url,
      env,
      allowHazards: new Set(),
      lock: { location: DEFAULT_LOCK_LOCATION, holder: holder('injection@test'), timeoutMs: 0 },
    });
    expect(report.outcome, JSON.stringify(report.steps.find((s) => s.error))).toBe('applied');

    // Each statement arrived as exactly one statement, and only the planned ones changed anything.
    const sent = plan.steps.flatMap((s) => s.statements.map((st) => st.sql as string));
    const ddl = emulator.control
      .queryLog()
      .map((e) => e.statement)
      .filter((s) => /^\s*(CREATE|ALTER|DROP|COMMENT)\b/i.test(s) && !s.includes('__mzform_lock'));
    // Plans show a secret's fingerprint masked; the statement run carries the real one in its place.
    expect(ddl).toHaveLength(sent.length);
    ddl.forEach((run, i) => {
      const [before, ...after] = sent[i]!.split('hmac-sha256:********');
      if (after.length === 0) expect(run).toBe(sent[i]);
      else expect(run).toMatch(new RegExp(`^${escapeRegExp(before!)}hmac-sha256:[0-9a-f]{64}${escapeRegExp(after.join('hmac-sha256:********'))}$`));
    });
    for (const s of ddl) expect(parseStatements(s)).toHaveLength(1);

    const db = await connect({ url: emulator.url, env: {} });
    try {
      const actual = await loadActual(db, desired);
      const byName = (objects: readonly MzObject[]) => objects.map(comparable).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      // Secrets carry the fingerprint in the comment, stripped on reading: compare what the user wrote.
      // The server names each old-syntax source's progress subsource `<source>_progress` in the
      // source's schema when the manifest does not: the hostile name must come back inside it.
      const read = actual.objects.map((o) => o.object).map((o) => {
        if (o.kind !== 'source' || !('exposeProgress' in o.spec)) return o;
        const { exposeProgress, ...spec } = o.spec;
        expect(exposeProgress).toEqual({ ...o.name, name: `${o.name.name}_progress` });
        return { ...o, spec } as MzObject;
      });
      expect(byName(read)).toEqual(byName(desired.objects));
      expect(renderPlanText(planChanges(desired, actual, { env }))).toBe('No changes.\n');
    } finally {
      await db.close();
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
