import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftIssueMarker, planCommentMarker } from '../../../src/github/index.js';
import { FakeGitHub } from './fake-github.js';

/** The workflow script runs against compiled mzform; `npm test` builds first. */
const run = promisify(execFile);

const plan = (env: string, text: string) => `${planCommentMarker({ manifest: 'materialize.yaml', environment: env })}\n## mzform plan\n\n${text}\n`;
const drift = (text: string) => `${driftIssueMarker({ manifest: 'materialize.yaml', environment: 'production' })}\n## mzform drift\n\n${text}\n`;

describe('scripts/github/upsert.mjs against a fake GitHub API', () => {
  let github: FakeGitHub;
  let dir: string;
  beforeEach(async () => {
    github = new FakeGitHub();
    await github.start();
    dir = await mkdtemp(join(tmpdir(), 'mzform-gh-'));
  });
  afterEach(async () => {
    await github.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function upsert(args: string[], body: string, env: Record<string, string> = {}) {
    const file = join(dir, 'body.md');
    await writeFile(file, body);
    return run('node', ['scripts/github/upsert.mjs', ...args, '--body-file', file], {
      env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/infra', GITHUB_API_URL: github.url, ...env },
    });
  }

  it('creates the plan comment once, then updates it in place; other comments and environments are left alone', async () => {
    github.comments.set(7, [
      { id: 1, body: 'LGTM' },
      { id: 2, body: plan('staging', 'Plan: 1 to create') },
      { id: 3, body: 'nit' },
    ]);
    const first = await upsert(['comment', '--pr', '7'], plan('production', 'Plan: 2 to create'));
    expect(first.stdout).toBe('created comment 1000 on #7\n');
    const second = await upsert(['comment', '--pr', '7'], plan('production', 'Plan: 3 to create'));
    expect(second.stdout).toBe('updated comment 1000 on #7\n');
    const bodies = (github.comments.get(7) ?? []).map((c) => `${c.id}: ${c.body.trim().split('\n').at(-1)}`);
    expect(bodies).toEqual(['1: LGTM', '2: Plan: 1 to create', '3: nit', '1000: Plan: 3 to create']);
    // It read every page (two comments per page here) before deciding.
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toContain('/repos/acme/infra/issues/7/comments?per_page=100&page=2');
  });

  it('finds the pull request in the event payload', async () => {
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ pull_request: { number: 42 } }));
    const out = await upsert(['comment'], plan('production', 'No changes.'), { GITHUB_EVENT_PATH: event });
    expect(out.stdout).toBe('created comment 1000 on #42\n');
  });

  it('opens one drift issue, updates it on the next run, and closes it when drift is gone', async () => {
    github.issues.push({ id: 1, number: 1, title: 'a pull request', body: drift('x'), state: 'open', pull_request: {} });
    expect((await upsert(['issue', '--title', 'Drift in production'], drift('1 difference'))).stdout).toBe('opened issue #2\n');
    expect((await upsert(['issue', '--title', 'Drift in production'], drift('2 differences'))).stdout).toBe('updated issue #2\n');
    expect(github.issues.filter((i) => !i.pull_request)).toMatchObject([{ number: 2, state: 'open', labels: ['mzform-drift'], title: 'Drift in production' }]);
    expect(github.issues[1]?.body).toContain('2 differences');
    expect((await upsert(['issue', '--resolved'], drift('No drift'))).stdout).toBe('closed issue #2\n');
    expect(github.issues[1]?.state).toBe('closed');
    expect((await upsert(['issue', '--resolved'], drift('No drift'))).stdout).toBe('no drift, and no open drift issue\n');
  });

  it('--help prints the usage and exits 0, without needing a token', async () => {
    const { stdout } = await run('node', ['scripts/github/upsert.mjs', '--help'], { env: { PATH: process.env.PATH ?? '' } });
    expect(stdout).toMatch(/^usage: upsert\.mjs comment --body-file FILE/);
    expect(stdout).toContain('GITHUB_TOKEN');
  });

  it.each<[string, string, Record<string, string>, RegExp]>([
    ['a body without the marker', '## mzform plan\n', {}, /does not start with an mzform marker line/],
    ['a body over the limit', `${planCommentMarker({ manifest: 'm.yaml', environment: 'default' })}\n${'x'.repeat(70_000)}`, {}, /GitHub allows 65536/],
    ['no token', plan('production', 'x'), { GITHUB_TOKEN: '' }, /GITHUB_TOKEN is not set/],
    ['a refused token', plan('production', 'x'), { GITHUB_TOKEN: 'wrong' }, /HTTP 401 .*Bad credentials/],
  ])('fails clearly on %s, exit 1', async (_title, body, env, message) => {
    const failure = await upsert(['comment', '--pr', '7'], body, env).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(message);
    expect(failure?.stderr).not.toContain('test-token');
  });
});
