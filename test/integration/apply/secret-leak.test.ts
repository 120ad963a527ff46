import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderApplyJson, renderApplyMarkdown, renderApplyText } from '../../../src/apply/index.js';
import { serializePlan, toPlanFile } from '../../../src/plan/index.js';
import { runCli, runCliInProcess } from '../../run-cli.js';
import { SECRET, apply, prepareContainers } from './common.js';
import { injectFault, startEmulator } from './emulator.js';

/**
 * Every command, as a user runs it, with a known secret value in the
 * environment: the value must appear in no output, no plan file, no report,
 * in any format, nor in any form a renderer might give it (JSON-escaped,
 * SQL-quoted).
 */
const dir = mkdtempSync(join(tmpdir(), 'mzform-leak-'));
const state = join(dir, 'state.json');
const planFile = join(dir, 'plan.json');
const manifest = 'examples/msk-privatelink.yaml';
const forms = [SECRET, SECRET.replaceAll("'", "''"), JSON.stringify(SECRET).slice(1, -1), 's3cr3t'];

/**
 * In the test process (test/cli-in-process.ts: the same bytes a separate
 * process prints), except the runs marked `process`, which a separate
 * process makes, as a user's shell does.
 */
async function mzform(way: 'process' | 'in-process', ...args: string[]): Promise<{ status: number | null; out: string }> {
  const options = { env: { MSK_PASSWORD: SECRET, MZFORM_FINGERPRINT_KEY: 'leak-test-key-0123456789abcdef', NO_COLOR: '1' } };
  const r = way === 'process' ? await runCli(args, options) : await runCliInProcess(args, options);
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const emulator = ['--emulator', '--emulator-state', state];
const rotate = ['--rotate-secret', 'kafka_password', '--allow-hazards', 'secret-rotation-with-sources'];

describe('no command lets a secret value out', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string[], number]>([
    ['validate', ['validate', '-f', manifest], 0],
    ['plan (text, --out)', ['plan', '-f', manifest, ...emulator, '--out', planFile], 0],
    ['plan (markdown)', ['plan', '-f', manifest, ...emulator, '--format', 'markdown'], 0],
    ['plan (json)', ['plan', '-f', manifest, ...emulator, '--format', 'json'], 0],
    ['apply (text)', ['apply', '-f', manifest, ...emulator, '--auto-approve'], 0],
    ['apply, rotating the secret (markdown)', ['apply', '-f', manifest, ...emulator, '--auto-approve', ...rotate, '--format', 'markdown'], 0],
    ['apply, rotating the secret (json)', ['apply', '-f', manifest, ...emulator, '--auto-approve', ...rotate, '--format', 'json'], 0],
    ['plan a rotation (--out)', ['plan', '-f', manifest, ...emulator, '--rotate-secret', 'kafka_password', '--out', planFile], 0],
    ['apply the saved plan', ['apply', planFile, ...emulator, '--allow-hazards', 'secret-rotation-with-sources'], 0],
    ['outputs (text)', ['outputs', '-f', manifest, ...emulator], 0],
    ['outputs (json)', ['outputs', '-f', manifest, ...emulator, '--format', 'json'], 0],
    ['apply with --debug (a separate process)', ['apply', '-f', manifest, ...emulator, '--auto-approve', ...rotate, '--debug'], 0],
    ['force-unlock', ['force-unlock', '--force', ...emulator], 0],
  ])('%s', async (name, args, status) => {
    const { status: actual, out } = await mzform(name.includes('separate process') ? 'process' : 'in-process', ...args);
    expect(actual, out).toBe(status);
    for (const form of forms) expect(out).not.toContain(form);
    if (existsSync(planFile)) for (const form of forms) expect(readFileSync(planFile, 'utf8')).not.toContain(form);
  });
});

describe('a failed CREATE SECRET whose error echoes the value', () => {
  it('is redacted in the report, in every format', async () => {
    const server = await startEmulator();
    try {
      await prepareContainers(server.url, [manifest]);
      // As Materialize does for DDL it refuses to run ("<statement> cannot be run inside a transaction block").
      injectFault(server, {
        kind: 'fail-matching',
        pattern: '^CREATE SECRET "materialize"\\."public"\\."kafka_password"',
        message: `CREATE SECRET "materialize"."public"."kafka_password" AS '${SECRET.replaceAll("'", "''")}' cannot be run inside a transaction block (raw: ${SECRET})`,
        sqlstate: '25001',
      });
      const { plan, report } = await apply(server.url, manifest);
      expect(report.outcome).toBe('failed');
      expect(report.steps[0]?.error?.message).toContain(`AS '********'`);
      const rendered = [renderApplyText(report), renderApplyMarkdown(report), renderApplyJson(toPlanFile(plan), report), serializePlan(plan)];
      for (const text of rendered) for (const form of forms) expect(text).not.toContain(form);
    } finally {
      await server.stop();
    }
  });
});
