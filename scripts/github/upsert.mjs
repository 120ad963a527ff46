#!/usr/bin/env node
// Posts mzform's Markdown to GitHub: one sticky comment per pull request, or
// one tracking issue, per manifest and environment. Plain Node (20+, global
// fetch); no dependency besides mzform itself, whose compiled helpers decide
// between create and update.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { github, pullRequestFromEvent, upsertComment, upsertIssue } from './github-api.mjs';

const USAGE = `usage: upsert.mjs comment --body-file FILE [--pr N]
       upsert.mjs issue   --body-file FILE [--title T] [--label L] [--resolved]

Posts the Markdown that mzform plan / mzform drift wrote with --format markdown.
The body's first line must be mzform's hidden marker: the comment or issue that
starts with the same line is updated, else one is created. So a pull request
keeps one plan comment, and a repository one open drift issue, per manifest
and environment.

  comment      the pull request's sticky plan comment
  issue        the drift tracking issue; with --resolved (no drift) an open
               one is closed with a note, and nothing is opened

Options:
  --body-file FILE  the Markdown to post (required)
  --pr N            the pull request (default: from GITHUB_EVENT_PATH)
  --title T         the issue title (default: "mzform: drift detected")
  --label L         the label that marks drift issues (default: mzform-drift)
  --resolved        issue: there is no drift any more
  -h, --help        this text

Environment: GITHUB_TOKEN (required), GITHUB_REPOSITORY (owner/name),
GITHUB_API_URL (default https://api.github.com), GITHUB_EVENT_PATH. All set by
GitHub Actions.`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'body-file': { type: 'string' },
      pr: { type: 'string' },
      title: { type: 'string' },
      label: { type: 'string', default: 'mzform-drift' },
      resolved: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const mode = positionals[0];
  if ((mode !== 'comment' && mode !== 'issue') || !values['body-file']) throw new Error(USAGE.split('\n\n', 1)[0]);
  const file = values['body-file'];
  const body = await readFile(file, 'utf8');
  if (!/^<!-- mzform:\S+ .*-->\r?$/.test(body.split('\n', 1)[0])) throw new Error(`${file} does not start with an mzform marker line`);
  const api = github();
  if (mode === 'comment') {
    log(await upsertComment(api, values.pr ?? (await pullRequestFromEvent()), body));
    return;
  }
  log(await upsertIssue(api, { body, title: values.title ?? 'mzform: drift detected', label: values.label, resolved: values.resolved }));
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

main().catch((err) => {
  process.stderr.write(`upsert.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
