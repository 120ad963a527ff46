import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { LOCK_OBJECT_NAME } from '../../src/catalog/index.js';
import { RESERVED_OBJECT_NAME } from '../../src/manifest/name-checks.js';
import { prepareContainers, reset } from '../integration/apply/common.js';
import { mzformInProcess as mzform } from './mzform-cli.js';

/**
 * Secrets stay secret, names cannot lie, bad input is refused as bad input.
 * Through the CLI against the emulator:
 * - a server error or VALIDATE result quoting a declared secret value the
 *   plan does not set shows no form of it;
 * - a short fingerprint key is refused, and no plan, report or saved plan
 *   carries a fingerprint;
 * - `validate` refuses a secret comment too long for the fingerprint line
 *   (without any key), `__mzform_lock`, and names over 255 bytes, with the
 *   position;
 * - names holding escape sequences are neutralized in text output;
 * - a malformed --url, force-unlock without its argument and a dump with an
 *   unreadable definition exit 3.
 * The commands run in the test process (mzformInProcess: the bytes and exit
 * codes of a separate process, test/unit/suite/cli-in-process.test.ts).
 */
const BASE = 'test/fixtures/reliability/saved-plan/base.yaml';
const KEY = 'names-test-key-0123456789abcdef';
const VALUE = `lk-user-'q"-Ω-42`;
const FORMS = [VALUE, VALUE.replaceAll("'", "''"), JSON.stringify(VALUE).slice(1, -1), "lk-user-'q"];
const ENV = { KAFKA_PASSWORD: VALUE, MZFORM_FINGERPRINT_KEY: KEY };
const FINGERPRINT = /hmac-sha256:[0-9a-f]{64}/;
const counts = { leakScanRuns: 0, refusedInputs: 0, neutralized: 0 };

describe('secrets, names and inputs', () => {
  let emulator: RunningEmulator;
  let url: string[];
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    url = ['--url', emulator.url];
    await prepareContainers(emulator.url, [BASE]);
    await reset(emulator.url, BASE);
    dir = mkdtempSync(join(tmpdir(), 'mzform-names-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`secrets, names, inputs: ${counts.leakScanRuns} leak-scan runs without a value or fingerprint shown; ${counts.refusedInputs} bad inputs refused with exit 3; ${counts.neutralized} outputs with escape sequences neutralized`);
  });

  const leaks = (text: string) => FORMS.filter((f) => text.includes(f));

  it('a server error and a VALIDATE result quoting a declared value the plan does not set show none of it', async () => {
    const first = await mzform(['apply', '-f', BASE, ...url, '--auto-approve'], ENV);
    expect(first.status, first.out).toBe(0);
    // The next plan changes only the tunnel; the secret is unchanged and not in the plan.
    const manifest = join(dir, 'tunnel-moved.yaml');
    writeFileSync(manifest, readFileSync(BASE, 'utf8').replace('host: bastion.example.com', 'host: bastion-2.example.com'));
    emulator.control.injectFault({ kind: 'fail-matching', pattern: '^ALTER CONNECTION', message: `role "${VALUE}" does not exist (quoted: '${VALUE.replaceAll("'", "''")}')` });
    for (const format of ['text', 'json', 'markdown']) {
      const failed = await mzform(['apply', '-f', manifest, ...url, '--auto-approve', '--format', format], ENV);
      expect(failed.status, failed.out).toBe(1);
      expect(failed.out).toContain('does not exist');
      expect(leaks(failed.out), format).toEqual([]);
      counts.leakScanRuns++;
    }
    emulator.control.clearFaults();
    emulator.control.injectFault({ kind: 'fail-matching', pattern: '^VALIDATE CONNECTION', message: `cannot reach broker as ${VALUE}` });
    for (const format of ['text', 'json']) {
      const validated = await mzform(['outputs', '-f', BASE, ...url, '--validate', '--format', format], ENV);
      expect(validated.out).toContain('cannot reach broker');
      expect(leaks(validated.out), format).toEqual([]);
      counts.leakScanRuns++;
    }
    emulator.control.clearFaults();
    await reset(emulator.url, BASE);
  }, 120_000);

  it('a short fingerprint key is refused; plans, saved plans and reports carry no fingerprint, and the one stored still matches', async () => {
    const short = await mzform(['plan', '-f', BASE, ...url], { ...ENV, MZFORM_FINGERPRINT_KEY: 'k3y' });
    expect(short.status, short.out).toBe(3);
    expect(short.out).toContain('MZFORM_FINGERPRINT_KEY is 3 bytes long');
    for (const command of ['apply', 'drift']) {
      const r = await mzform([command, '-f', BASE, ...url, ...(command === 'apply' ? ['--auto-approve'] : [])], { ...ENV, MZFORM_FINGERPRINT_KEY: 'short-key' });
      expect(r.status, `${command}: ${r.out}`).toBe(3);
    }
    counts.refusedInputs += 3;

    const saved = join(dir, 'plan.json');
    for (const format of ['text', 'markdown', 'json']) {
      const r = await mzform(['plan', '-f', BASE, ...url, '--format', format, '--out', saved], ENV);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toContain('hmac-sha256:********');
      expect(r.out).not.toMatch(FINGERPRINT);
      // The saved plan's seal is a MAC under a key derived from the fingerprint key, over the steps and values together: no fingerprint.
      const file = JSON.parse(readFileSync(saved, 'utf8')) as { saved: { seal?: string } };
      expect(file.saved.seal).toMatch(FINGERPRINT);
      delete file.saved.seal;
      expect(JSON.stringify(file)).not.toMatch(FINGERPRINT);
      expect(leaks(r.out)).toEqual([]);
      counts.leakScanRuns++;
    }
    const applied = await mzform(['apply', '-f', BASE, ...url, '--auto-approve', '--format', 'json'], ENV);
    expect(applied.status, applied.out).toBe(0);
    expect(applied.out).not.toMatch(FINGERPRINT);
    counts.leakScanRuns++;
    // The real fingerprint was stored: the value compares equal, nothing to do.
    const again = await mzform(['plan', '-f', BASE, ...url, '--detailed-exitcode'], ENV);
    expect(again.status, again.out).toBe(0);
    await reset(emulator.url, BASE);
  }, 120_000);

  it.each<[string, string, RegExp]>([
    [
      'a secret comment with no room for the fingerprint line',
      `version: 1\nsecrets:\n  s:\n    value: \${env:KAFKA_PASSWORD}\n    comment: "${'c'.repeat(1000)}"\n`,
      /:5:14: secret s: comment is 1000 bytes; a secret's comment may take 927/,
    ],
    ['__mzform_lock as a name', `version: 1\nsecrets:\n  ${LOCK_OBJECT_NAME}:\n    value: \${env:KAFKA_PASSWORD}\n`, /:3:3: .*reserved for mzform's apply lock/],
    ['a name longer than 255 bytes', `version: 1\nsecrets:\n  ${'n'.repeat(256)}:\n    value: \${env:KAFKA_PASSWORD}\n`, /:3:3: .*identifier length exceeds 255 bytes/],
    ['a schema name longer than 255 bytes', `version: 1\nsecrets:\n  s:\n    schema_name: ${'Ω'.repeat(128)}\n    value: \${env:KAFKA_PASSWORD}\n`, /:4:18: .*identifier length exceeds 255 bytes/],
  ])('validate refuses %s, with the position', async (_label, text, message) => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, text);
    const r = await mzform(['validate', '-f', file], { KAFKA_PASSWORD: VALUE });
    expect(r.status, r.out).toBe(3);
    expect(r.out).toMatch(message);
    counts.refusedInputs++;
  }, 60_000);

  it('a name of exactly 255 bytes is valid, and the reserved name is the lock’s', async () => {
    expect(RESERVED_OBJECT_NAME).toBe(LOCK_OBJECT_NAME);
    const file = join(dir, 'long-ok.yaml');
    writeFileSync(file, `version: 1\nsecrets:\n  ${'n'.repeat(255)}:\n    value: \${env:KAFKA_PASSWORD}\n`);
    const r = await mzform(['validate', '-f', file], { KAFKA_PASSWORD: VALUE });
    expect(r.status, r.out).toBe(0);
  }, 60_000);

  it('names holding escape sequences are neutralized in text output', async () => {
    const evil = 'evil\u001b[8mhidden\u009b2J\u202e';
    const file = join(dir, 'evil.yaml');
    writeFileSync(file, `version: 1\nsecrets:\n  ${JSON.stringify(evil)}:\n    value: \${env:KAFKA_PASSWORD}\n    comment: "x\\e[2Jy"\n`);
    const runs = [
      await mzform(['plan', '-f', file, ...url], ENV),
      await mzform(['apply', '-f', file, ...url, '--auto-approve'], ENV),
      await mzform(['plan', '-f', 'test/fixtures/reliability/saved-plan/tunnel-only.yaml', ...url], ENV),
    ];
    emulator.control.injectFault({ kind: 'fail-matching', pattern: '^DROP SECRET (?!.*__mzform_lock)', message: `cannot drop ${evil}` });
    const prune = join(dir, 'empty.yaml');
    writeFileSync(prune, 'version: 1\nprune: true\nscope: [public]\n');
    runs.push(await mzform(['apply', '-f', prune, ...url, '--auto-approve', '--allow-hazards', 'drop'], ENV));
    emulator.control.clearFaults();
    for (const r of runs) {
      expect(r.out).toContain('evil');
      expect(r.out).toContain('\\u001b[8mhidden');
      expect(r.out).not.toMatch(/[\u001b\u009b\u202e]/);
      counts.neutralized++;
    }
    expect(runs[3]!.status, runs[3]!.out).toBe(1);
    await mzform(['apply', '-f', prune, ...url, '--auto-approve', '--allow-hazards', 'drop'], ENV);
  }, 120_000);

  it.each<[string, string[], RegExp]>([
    ['a malformed %-escape in --url', ['plan', '-f', BASE, '--url', 'postgres://u:%zz@127.0.0.1:1/d'], /--url: the password holds a malformed %-escape/],
    ['a bad sslmode in --url', ['plan', '-f', BASE, '--url', 'postgres://127.0.0.1:1/d?sslmode=bogus'], /--url: sslmode bogus/],
    ['force-unlock without its argument', ['force-unlock', '--url', 'postgres://127.0.0.1:1/d'], /give the run id/],
  ])('%s exits 3', async (_label, args, message) => {
    const r = await mzform(args, ENV);
    expect(r.status, r.out).toBe(3);
    expect(r.out).toMatch(message);
    expect(r.out).not.toContain('%zz@');
    counts.refusedInputs++;
  }, 60_000);

  // An unreadable definition is an object mzform keeps and does not manage, in a dump as live;
  // one the manifest declares cannot be compared, so the plan stops, naming it (exit 3).
  it('a catalog dump with an unreadable definition of a declared object exits 3 naming the object', async () => {
    const first = await mzform(['apply', '-f', BASE, ...url, '--auto-approve'], ENV);
    expect(first.status, first.out).toBe(0);
    const dump = join(dir, 'dump.json');
    expect((await mzform(['catalog', 'dump', ...url, '-o', dump], ENV)).status).toBe(0);
    const data = JSON.parse(readFileSync(dump, 'utf8')) as { rows: { objects: { kind: string; create_sql?: string }[] } };
    const connection = data.rows.objects.find((o) => o.kind === 'connection')!;
    connection.create_sql = 'CREATE CONNECTION broken TO NOWHERE';
    writeFileSync(dump, JSON.stringify(data));
    for (const command of ['plan', 'drift']) {
      const r = await mzform([command, '-f', BASE, '--catalog', dump], ENV);
      expect(r.status, `${command}: ${r.out}`).toBe(3);
      expect(r.out).toContain('whose definition mzform cannot read');
      expect(r.out).toContain('materialize.public.bastion');
      counts.refusedInputs++;
    }
    await reset(emulator.url, BASE);
  }, 120_000);
});
