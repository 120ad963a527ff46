import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { loadDesired } from '../../src/pipeline/index.js';
import { prepareContainers, prepareUpstream, reset } from '../integration/apply/common.js';
import { runCliInProcess } from '../run-cli.js';

/**
 * Every example through every command and format, as a user runs the CLI
 * over TCP, with known secret values (one per variable, with quotes and
 * non-ASCII so quoting shows): no value, nor its SQL-quoted or JSON-escaped
 * form, appears in any output, error, or file written (plan, import,
 * catalog dump). The first apply of each example with secrets fails on a
 * CREATE SECRET whose error echoes the value, as Materialize's can.
 */
const EXAMPLES = readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort();
const VARIABLES = ['MSK_PASSWORD', 'MSK_USERNAME', 'POSTGRES_PASSWORD', 'MYSQL_PASSWORD', 'KAFKA_CA_CERT', 'KAFKA_CLIENT_CERT', 'KAFKA_CLIENT_KEY', 'CSR_PASSWORD', 'REDPANDA_PASSWORD'];
const valueOf = (name: string) => `lk-${name.toLowerCase()}-'q"-Ω-7b1`;
const ENV = Object.fromEntries(VARIABLES.map((v) => [v, valueOf(v)]));
const FORMS = VARIABLES.flatMap((v) => [valueOf(v), valueOf(v).replaceAll("'", "''"), JSON.stringify(valueOf(v)).slice(1, -1), `${v.toLowerCase()}-'q`]);
let commandsRun = 0;
let filesScanned = 0;

/**
 * The built CLI run in the test process (test/cli-in-process.ts): the scan
 * reads only what a command prints and writes, which is the same bytes as a
 * separate process prints (test/unit/suite/cli-in-process.test.ts), at a
 * tenth of the cost over about 150 runs. test/integration/apply/secret-leak
 * runs commands as separate processes too.
 */
async function mzform(args: readonly string[]): Promise<{ status: number | null; out: string }> {
  const r = await runCliInProcess(args, { env: { ...ENV, MZFORM_FINGERPRINT_KEY: 'leak-scan-key-0123456789abcdef', NO_COLOR: '1' } });
  commandsRun++;
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function leaks(text: string): string[] {
  return FORMS.filter((f) => text.includes(f));
}

describe('secret leak scan: every example, every command and format', () => {
  let emulator: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
    await prepareContainers(emulator.url, EXAMPLES.map((f) => `examples/${f}`));
    dir = mkdtempSync(join(tmpdir(), 'mzform-leak-scan-'));
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`secret leak scan: ${commandsRun} command runs, ${filesScanned} files scanned, no value found`);
  });

  it.each(EXAMPLES)('%s', async (example) => {
    const file = `examples/${example}`;
    await reset(emulator.url, file);
    await prepareUpstream(emulator.url, file);
    const secretNames = (await loadDesired(file, ENV)).objects.filter((o) => o.kind === 'secret').map((o) => o.name.name);
    const hasSecrets = secretNames.length > 0;
    const out = join(dir, example.replace('.yaml', ''));
    const url = ['--url', emulator.url];
    const m = ['-f', file, ...url];

    const runs: { args: string[]; status?: number }[] = [
      { args: ['plan', ...m, '--format', 'markdown', '--out', `${out}-plan.json`], status: 0 },
      { args: ['plan', ...m, '--format', 'json', '--detailed-exitcode'], status: 2 },
    ];
    for (const r of runs) {
      const { status, out: text } = await mzform(r.args);
      expect(status, `${r.args.join(' ')}\n${text}`).toBe(r.status);
      expect(leaks(text), r.args.join(' ')).toEqual([]);
    }

    if (hasSecrets) {
      // The server's error repeats the statement with the value, raw and quoted (the lock, also a secret, is spared).
      const value = valueOf(VARIABLES.find((v) => readFileSync(file, 'utf8').includes(`\${env:${v}}`))!);
      emulator.control.injectFault({ kind: 'fail-matching', pattern: '^CREATE SECRET (?!.*__mzform_lock)', message: `CREATE SECRET x AS '${value.replaceAll("'", "''")}' failed (raw: ${value})` });
      const failed = await mzform(['apply', ...m, '--auto-approve', '--format', 'json']);
      emulator.control.clearFaults();
      expect(failed.status, failed.out).toBe(1);
      expect(leaks(failed.out), 'failed apply').toEqual([]);
    }

    const after: { args: string[]; status?: number }[] = [
      { args: ['apply', `${out}-plan.json`, ...url, '--format', 'markdown'] },
      { args: ['apply', ...m, '--auto-approve', '--debug'], status: 0 },
      ...(hasSecrets ? [{ args: ['apply', ...m, '--auto-approve', '--rotate-secret', secretNames[0]!, '--allow-hazards', 'secret-rotation-with-sources', '--format', 'json'], status: 0 }] : []),
      { args: ['drift', ...m, '--format', 'markdown', '--debug'], status: 0 },
      { args: ['outputs', ...m, '--format', 'json'], status: 0 },
      { args: ['status', ...m, '--format', 'markdown'], status: 0 },
      { args: ['apply', ...m, '--auto-approve', '--wait', '--wait-timeout', '30s', '--format', 'json'], status: 0 },
      { args: ['import', ...url, '--schema', 'public', '--force', '-o', `${out}-imported.yaml`], status: 0 },
      { args: ['catalog', 'dump', ...url, '-o', `${out}-dump.json`], status: 0 },
    ];
    for (const r of after) {
      const { status, out: text } = await mzform(r.args);
      if (r.status !== undefined) expect(status, `${r.args.join(' ')}\n${text}`).toBe(r.status);
      expect(status, `${r.args.join(' ')}: no crash, no timeout`).not.toBeNull();
      expect(leaks(text), r.args.join(' ')).toEqual([]);
    }
    for (const f of readdirSync(dir)) {
      filesScanned++;
      expect(leaks(readFileSync(join(dir, f), 'utf8')), f).toEqual([]);
    }
  }, 300_000);
});
