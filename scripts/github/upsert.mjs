#!/usr/bin/env node
// Posts mzform's Markdown to GitHub: one sticky comment per pull request, or
// one tracking issue, per manifest and environment. Plain Node (20+, global
// fetch); no dependency besides mzform itself, whose compiled helpers decide
// between create and update.
//
//   node upsert.mjs comment --body-file plan.md [--pr 12]
//   node upsert.mjs issue   --body-file drift.md --title "Drift in production" [--label mzform-drift] [--resolved]
//
// The body's first line must be mzform's hidden marker (`mzform plan
// --format markdown` and `mzform drift --format markdown` write it): the
// comment or issue that starts with the same line is updated, else one is
// created. With --resolved (no drift), an open issue is closed with a note
// instead, and nothing is opened.
//
// Environment: GITHUB_TOKEN (required), GITHUB_REPOSITORY (owner/name),
// GITHUB_API_URL (default https://api.github.com), GITHUB_EVENT_PATH (for the
// pull-request number when --pr is not given). All set by GitHub Actions.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decideCommentAction, GITHUB_COMMENT_LIMIT } from '../../dist/github/index.js';

const USAGE = 'usage: upsert.mjs comment|issue --body-file FILE [--pr N] [--title T] [--label L] [--resolved]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'body-file': { type: 'string' },
      pr: { type: 'string' },
      title: { type: 'string' },
      label: { type: 'string', default: 'mzform-drift' },
      resolved: { type: 'boolean', default: false },
    },
  });
  const mode = positionals[0];
  if ((mode !== 'comment' && mode !== 'issue') || !values['body-file']) throw new Error(USAGE);
  const body = await readFile(values['body-file'], 'utf8');
  const marker = body.split('\n', 1)[0].replace(/\r$/, '');
  if (!/^<!-- mzform:\S+ .*-->$/.test(marker)) throw new Error(`${values['body-file']} does not start with an mzform marker line`);
  if (body.length > GITHUB_COMMENT_LIMIT) throw new Error(`${values['body-file']} has ${body.length} characters; GitHub allows ${GITHUB_COMMENT_LIMIT}`);

  const api = github();
  if (mode === 'comment') {
    const pr = values.pr ?? (await pullRequestFromEvent());
    const comments = await api.list(`/repos/${api.repo}/issues/${pr}/comments`);
    const action = decideCommentAction(comments, marker);
    if (action.action === 'create') {
      const created = await api.send('POST', `/repos/${api.repo}/issues/${pr}/comments`, { body });
      log(`created comment ${created.id} on #${pr}`);
    } else {
      await api.send('PATCH', `/repos/${api.repo}/issues/comments/${action.id}`, { body });
      log(`updated comment ${action.id} on #${pr}`);
    }
    return;
  }

  const label = values.label;
  const listed = await api.list(`/repos/${api.repo}/issues?state=open&labels=${encodeURIComponent(label)}`);
  // The issues endpoint lists pull requests too; an issue's number is what its URLs use.
  const issues = listed.filter((i) => !i.pull_request).map((i) => ({ id: i.number, body: i.body }));
  const action = decideCommentAction(issues, marker);
  if (values.resolved) {
    if (action.action === 'update') {
      await api.send('POST', `/repos/${api.repo}/issues/${action.id}/comments`, { body: `${marker}\nNo drift any more: Materialize matches the manifest again. Closing.` });
      await api.send('PATCH', `/repos/${api.repo}/issues/${action.id}`, { state: 'closed', state_reason: 'completed' });
      log(`closed issue #${action.id}`);
    } else {
      log('no drift, and no open drift issue');
    }
    return;
  }
  const title = values.title ?? 'mzform: drift detected';
  if (action.action === 'create') {
    const created = await api.send('POST', `/repos/${api.repo}/issues`, { title, body, labels: [label] });
    log(`opened issue #${created.number}`);
  } else {
    await api.send('PATCH', `/repos/${api.repo}/issues/${action.id}`, { title, body });
    log(`updated issue #${action.id}`);
  }
}

function github() {
  const token = process.env.GITHUB_TOKEN;
  const repo = process.env.GITHUB_REPOSITORY;
  if (!token) throw new Error('GITHUB_TOKEN is not set');
  if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)) throw new Error('GITHUB_REPOSITORY must be owner/name');
  const base = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
    'user-agent': 'mzform',
  };
  async function request(method, url, payload) {
    const response = await fetch(url, {
      method,
      headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    if (!response.ok) {
      // The token never appears in GitHub's answers; the answer says which permission is missing.
      const text = (await response.text()).slice(0, 500);
      throw new Error(`${method} ${new URL(url).pathname}: HTTP ${response.status} ${text}`);
    }
    return response;
  }
  return {
    repo,
    /** Every page of a list, following the Link header. */
    async list(path) {
      const items = [];
      let url = `${base}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
      while (url) {
        const response = await request('GET', url);
        items.push(...(await response.json()));
        url = nextLink(response.headers.get('link'));
      }
      return items;
    },
    async send(method, path, payload) {
      return (await request(method, `${base}${path}`, payload)).json();
    },
  };
}

function nextLink(header) {
  const match = /<([^>]+)>;\s*rel="next"/.exec(header ?? '');
  return match ? match[1] : undefined;
}

async function pullRequestFromEvent() {
  const path = process.env.GITHUB_EVENT_PATH;
  const event = path ? JSON.parse(await readFile(path, 'utf8')) : {};
  const number = event.pull_request?.number ?? event.issue?.number;
  if (!number) throw new Error('no pull request: pass --pr N, or run on a pull_request event');
  return number;
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

main().catch((err) => {
  process.stderr.write(`upsert.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
