// The GitHub REST calls mzform's workflow scripts make, shared by upsert.mjs
// and action.mjs. Plain Node (20+, global fetch). Which comment or issue to
// update is decided by mzform's compiled helpers: the one whose first line is
// the same hidden marker.
import { readFile } from 'node:fs/promises';
import { decideCommentAction, GITHUB_COMMENT_LIMIT } from '../../dist/github/index.js';

export { GITHUB_COMMENT_LIMIT };

/** The hidden first line of a body mzform wrote; throws when there is none. */
export function markerOf(body, what) {
  const marker = body.split('\n', 1)[0].replace(/\r$/, '');
  if (!/^<!-- mzform:\S+ .*-->$/.test(marker)) throw new Error(`${what} does not start with an mzform marker line`);
  if (body.length > GITHUB_COMMENT_LIMIT) throw new Error(`${what} has ${body.length} characters; GitHub allows ${GITHUB_COMMENT_LIMIT}`);
  return marker;
}

/**
 * A client for GITHUB_REPOSITORY at GITHUB_API_URL (default
 * https://api.github.com) with GITHUB_TOKEN. The token never appears in
 * messages; GitHub's answers say which permission is missing.
 */
export function github(env = process.env) {
  const token = env.GITHUB_TOKEN;
  const repo = env.GITHUB_REPOSITORY;
  if (!token) throw new Error('GITHUB_TOKEN is not set');
  if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)) throw new Error('GITHUB_REPOSITORY must be owner/name');
  const base = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
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

/** Creates the pull request's comment that starts with the body's marker, or updates it. Returns a line for the log. */
export async function upsertComment(api, pr, body) {
  const marker = markerOf(body, 'the comment');
  const comments = await api.list(`/repos/${api.repo}/issues/${pr}/comments`);
  const action = decideCommentAction(comments, marker);
  if (action.action === 'create') {
    const created = await api.send('POST', `/repos/${api.repo}/issues/${pr}/comments`, { body });
    return `created comment ${created.id} on #${pr}`;
  }
  await api.send('PATCH', `/repos/${api.repo}/issues/comments/${action.id}`, { body });
  return `updated comment ${action.id} on #${pr}`;
}

/**
 * Drift: opens the open issue that starts with the body's marker, or
 * updates it; with `resolved`, closes it with a note instead and opens nothing.
 */
export async function upsertIssue(api, { body, title, label, resolved }) {
  const marker = markerOf(body, 'the issue body');
  const listed = await api.list(`/repos/${api.repo}/issues?state=open&labels=${encodeURIComponent(label)}`);
  // The issues endpoint lists pull requests too; an issue's number is what its URLs use.
  const issues = listed.filter((i) => !i.pull_request).map((i) => ({ id: i.number, body: i.body }));
  const action = decideCommentAction(issues, marker);
  if (resolved) {
    if (action.action !== 'update') return 'no drift, and no open drift issue';
    await api.send('POST', `/repos/${api.repo}/issues/${action.id}/comments`, { body: `${marker}\nNo drift any more: Materialize matches the manifest again. Closing.` });
    await api.send('PATCH', `/repos/${api.repo}/issues/${action.id}`, { state: 'closed', state_reason: 'completed' });
    return `closed issue #${action.id}`;
  }
  if (action.action === 'create') {
    const created = await api.send('POST', `/repos/${api.repo}/issues`, { title, body, labels: [label] });
    return `opened issue #${created.number}`;
  }
  await api.send('PATCH', `/repos/${api.repo}/issues/${action.id}`, { title, body });
  return `updated issue #${action.id}`;
}

/** The pull request of the event that started the workflow (pull_request or issue_comment). */
export async function pullRequestFromEvent(env = process.env) {
  const path = env.GITHUB_EVENT_PATH;
  const event = path ? JSON.parse(await readFile(path, 'utf8')) : {};
  const number = event.pull_request?.number ?? event.issue?.number;
  if (!number) throw new Error('no pull request: pass --pr N, or run on a pull_request event');
  return number;
}
