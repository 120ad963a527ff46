import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { connect } from '../../../src/db/index.js';
import { planCommentMarker } from '../../../src/github/index.js';
import { startEmulator } from '../apply/emulator.js';
import { FakeGitHub } from './fake-github.js';

/** The GitHub Action's script (scripts/github/action.mjs) with the built mzform, a fake GitHub API and the emulator over TCP. */
const exec = promisify(execFile);
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const TUNNEL = 'version: 1\nconnections:\n  bastion:\n    type: ssh-tunnel\n    host: ${env:BASTION_HOST}\n    user: materialize\n';

describe('scripts/github/action.mjs', () => {
  let github: FakeGitHub;
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    github = new FakeGitHub();
    await github.start();
    dir = await mkdtemp(join(tmpdir(), 'mzform-action-'));
    await writeFile(join(dir, 'materialize.yaml'), TUNNEL);
    await writeFile(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  });
  afterEach(async () => {
    await github.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function action(inputs: Record<string, string>) {
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_TOKEN: 'test-token',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_API_URL: github.url,
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      RUNNER_TEMP: dir,
      MZFORM_MANIFEST: join(dir, 'materialize.yaml'),
      MZFORM_URL: emulator.url,
      MZFORM_ENVIRONMENT: '',
      BASTION_HOST: 'bastion.internal',
      ...inputs,
    };
    await writeFile(env.GITHUB_OUTPUT, '');
    try {
      const { stdout, stderr } = await exec(process.execPath, ['scripts/github/action.mjs'], { env });
      return { code: 0, stdout, stderr, outputs: outputs() };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr, outputs: outputs() };
    }
  }
  const outputs = () => Object.fromEntries(readFileSync(join(dir, 'output'), 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
  const comments = () => (github.comments.get(7) ?? []).map((c) => c.body);

  it('--help answers with the inputs', async () => {
    const { stdout } = await exec(process.execPath, ['scripts/github/action.mjs', '--help']);
    expect(stdout).toMatch(/^usage: action\.mjs/);
    expect(stdout).toContain('MZFORM_COMMAND');
  });

  it('plan: posts one sticky comment per manifest and environment, updated on the next run', async () => {
    const first = await action({ MZFORM_COMMAND: 'plan', MZFORM_ENVIRONMENT: 'staging' });
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'exit-code': '2', changes: 'true' });
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.split('\n')[0]).toBe(planCommentMarker({ manifest: join(dir, 'materialize.yaml'), environment: 'staging' }));
    expect(comments()[0]).toContain('1 to create');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('1 to create');
    const second = await action({ MZFORM_COMMAND: 'plan', MZFORM_ENVIRONMENT: 'staging' });
    expect(second.stdout).toContain('updated comment 1000 on #7');
    expect(comments()).toHaveLength(1);
  });

  it('plan: a plan that fails posts a comment saying so, in place of the last plan, and fails the step', async () => {
    await action({ MZFORM_COMMAND: 'plan' });
    const failed = await action({ MZFORM_COMMAND: 'plan', BASTION_HOST: '' });
    expect(failed.code).toBe(3);
    expect(failed.outputs['exit-code']).toBe('3');
    expect(comments()).toHaveLength(1);
    expect(comments()[0]).toContain('## mzform plan failed');
    expect(comments()[0]).toContain('environment variable BASTION_HOST is empty');
  });

  it('apply, then drift: no drift closes nothing; a change by hand opens one issue; drift gone closes it', async () => {
    const applied = await action({ MZFORM_COMMAND: 'apply', MZFORM_DUMP_CATALOG: join(dir, 'catalog.json') });
    expect(applied.code).toBe(0);
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toContain('"bastion"');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('bastion');

    const clean = await action({ MZFORM_COMMAND: 'drift', MZFORM_ENVIRONMENT: 'production' });
    expect(clean.code).toBe(0);
    expect(clean.outputs.drift).toBe('false');
    expect(clean.stdout).toContain('no drift, and no open drift issue');

    const db = await connect({ url: emulator.url, env: {} });
    await db.execute(`COMMENT ON CONNECTION "materialize"."public"."bastion" IS 'by hand'`);
    const drifted = await action({ MZFORM_COMMAND: 'drift', MZFORM_ENVIRONMENT: 'production' });
    expect(drifted.code).toBe(0);
    expect(drifted.outputs.drift).toBe('true');
    expect(github.issues).toMatchObject([{ number: 1, state: 'open', title: 'mzform: drift in production', labels: ['mzform-drift'] }]);

    await db.execute(`COMMENT ON CONNECTION "materialize"."public"."bastion" IS NULL`);
    await db.close();
    const gone = await action({ MZFORM_COMMAND: 'drift', MZFORM_ENVIRONMENT: 'production' });
    expect(gone.stdout).toContain('closed issue #1');
    expect(github.issues[0]?.state).toBe('closed');
  });

  it('drift: an error is not drift; the issue is left alone and the step fails', async () => {
    const failed = await action({ MZFORM_COMMAND: 'drift', BASTION_HOST: '' });
    expect(failed.code).toBe(3);
    expect(github.requests).toEqual([]);
  });

  it('refuses an unknown command', async () => {
    const failed = await action({ MZFORM_COMMAND: 'destroy' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('MZFORM_COMMAND must be plan, apply or drift');
  });

  it('action.yml passes every input to the script', () => {
    const yml = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: { env?: Record<string, string> }[] } };
    expect(yml.runs.using).toBe('composite');
    const passed = yml.runs.steps.flatMap((s) => Object.values(s.env ?? {})).join(' ');
    for (const input of Object.keys(yml.inputs)) expect(passed).toContain(`inputs.${input}`);
  });
});
