#!/usr/bin/env node
// The script behind mzform's GitHub Action (action.yml): runs one mzform
// command and reports it where a team looks.
//
//   plan   mzform plan --format markdown --detailed-exitcode; the plan goes to
//          the job summary and to the pull request's sticky comment (one per
//          manifest and environment). A plan that fails posts a comment saying
//          so, with mzform's error, instead of leaving an outdated plan.
//   apply  mzform apply --auto-approve --format markdown; the report goes to
//          the job summary. Fails the step when apply fails or is refused.
//   drift  mzform drift --format markdown; on drift, opens or updates one
//          tracking issue; when drift is gone, closes it.
//
// Inputs come from the environment (action.yml sets them): MZFORM_COMMAND,
// MZFORM_MANIFEST (one or more files or directories, one per line),
// MZFORM_ENVIRONMENT, MZFORM_URL, MZFORM_CATALOG, MZFORM_ALLOW_HAZARDS,
// MZFORM_LOCK_TIMEOUT, MZFORM_COMMENT (true/false), MZFORM_DRIFT_LABEL,
// MZFORM_DUMP_CATALOG;
// GitHub's own: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL,
// GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
// Outputs: exit-code, changes (plan), drift (drift), body-file.
import { spawn } from 'node:child_process';
import { appendFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ENVIRONMENT, planCommentMarker } from '../../dist/github/index.js';
import { github, pullRequestFromEvent, upsertComment, upsertIssue } from './github-api.mjs';

const USAGE = `usage: action.mjs    (run by action.yml; inputs as MZFORM_* environment variables)

  MZFORM_COMMAND        plan | apply | drift (required)
  MZFORM_MANIFEST       the manifest: files or directories, one per line (default materialize.yaml)
  MZFORM_ENVIRONMENT    the environment (--environment); names the comment and the issue
  MZFORM_URL            the Materialize URL; empty with MZFORM_CATALOG plans offline
  MZFORM_CATALOG        plan / drift against this catalog dump instead of connecting
  MZFORM_ALLOW_HAZARDS  apply: hazards to allow, comma-separated
  MZFORM_LOCK_TIMEOUT   apply: how long to wait for another apply's lock (default 5m)
  MZFORM_COMMENT        plan / drift: post the comment or issue (default true)
  MZFORM_DRIFT_LABEL    drift: the label of drift issues (default mzform-drift)
  MZFORM_DUMP_CATALOG   apply / drift: afterwards, write the catalog dump to this file

Writes the outputs exit-code, changes, drift and body-file to GITHUB_OUTPUT and
the Markdown to GITHUB_STEP_SUMMARY.`;

const HERE = dirname(fileURLToPath(import.meta.url));
/** GitHub shows at most this much of an error in a comment; mzform's own errors are far shorter. */
const MAX_ERROR_CHARS = 20_000;

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = process.env;
  const command = env.MZFORM_COMMAND;
  if (!['plan', 'apply', 'drift'].includes(command ?? '')) throw new Error(`MZFORM_COMMAND must be plan, apply or drift, not ${JSON.stringify(command ?? '')}`);
  const files = (env.MZFORM_MANIFEST || 'materialize.yaml').split(/\r?\n/).map((f) => f.trim()).filter((f) => f !== '');
  const environment = env.MZFORM_ENVIRONMENT || undefined;
  const common = [...files.flatMap((f) => ['-f', f]), ...(environment ? ['--environment', environment] : [])];
  const catalog = env.MZFORM_CATALOG ? ['--catalog', env.MZFORM_CATALOG] : [];
  const workdir = env.RUNNER_TEMP || process.cwd();
  const bodyFile = join(workdir, `mzform-${command}.md`);
  const comment = (env.MZFORM_COMMENT || 'true') !== 'false';

  if (command === 'plan') {
    const run = await mzform(['plan', ...common, ...catalog, '--format', 'markdown', '--detailed-exitcode']);
    const ok = run.code === 0 || run.code === 2;
    const body = ok ? run.stdout : failedPlanBody(files, environment, run);
    await report(bodyFile, body, { 'exit-code': run.code, changes: run.code === 2, 'body-file': bodyFile });
    if (comment) {
      const pr = await pullRequestFromEvent(env).catch(() => undefined);
      if (pr === undefined) log('not a pull request: no comment posted');
      else log(await upsertComment(github(env), pr, body));
    }
    return ok ? 0 : run.code;
  }

  if (command === 'apply') {
    const hazards = env.MZFORM_ALLOW_HAZARDS ? ['--allow-hazards', env.MZFORM_ALLOW_HAZARDS] : [];
    const run = await mzform(['apply', ...common, '--auto-approve', '--lock-timeout', env.MZFORM_LOCK_TIMEOUT || '5m', ...hazards, '--format', 'markdown']);
    await report(bodyFile, run.stdout, { 'exit-code': run.code, 'body-file': bodyFile });
    const dumped = await dumpCatalog(env);
    return run.code || dumped;
  }

  const run = await mzform(['drift', ...common, ...catalog, '--format', 'markdown']);
  const dumped = await dumpCatalog(env);
  if (run.code !== 0 && run.code !== 2) {
    // An error is not drift: the issue is left as it is, and the step fails.
    await report(bodyFile, '', { 'exit-code': run.code, 'body-file': bodyFile });
    return run.code;
  }
  if (dumped) return dumped;
  await report(bodyFile, run.stdout, { 'exit-code': run.code, drift: run.code === 2, 'body-file': bodyFile });
  if (comment) {
    const label = env.MZFORM_DRIFT_LABEL || 'mzform-drift';
    const title = `mzform: drift in ${environment ?? files.join(', ')}`;
    log(await upsertIssue(github(env), { body: run.stdout, title, label, resolved: run.code === 0 }));
  }
  return 0;
}

/** `mzform catalog dump` when asked for; its exit code when it failed, else 0. */
async function dumpCatalog(env) {
  if (!env.MZFORM_DUMP_CATALOG) return 0;
  const run = await mzform(['catalog', 'dump', '--out', env.MZFORM_DUMP_CATALOG]);
  return run.code;
}

/** Runs the mzform next to this script (the same package), passing stderr through and keeping stdout. */
function mzform(args) {
  const bin = process.env.MZFORM_BIN || join(HERE, '..', '..', 'bin', 'run.js');
  log(`mzform ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    // Inputs left empty are unset, not empty: an empty MZFORM_URL or MZFORM_ENVIRONMENT would mean something else.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !(k.startsWith('MZFORM_') && v === '')));
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => {
      err.push(c);
      process.stderr.write(c);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The comment for a plan that did not finish: same marker, so it replaces the last plan instead of leaving it standing. */
function failedPlanBody(files, environment, run) {
  const marker = planCommentMarker({ manifest: files.join(', '), environment: environment ?? DEFAULT_ENVIRONMENT });
  const subject = environment ? `${files.join(', ')} (${environment})` : files.join(', ');
  const error = run.stderr.trim().slice(0, MAX_ERROR_CHARS).replaceAll('```', '`\u200b``');
  return `${marker}\n## mzform plan failed: ${subject}\n\n\`mzform plan\` exited with code ${run.code}; nothing was planned. The error:\n\n\`\`\`text\n${error}\n\`\`\`\n`;
}

async function report(bodyFile, body, outputs) {
  await writeFile(bodyFile, body);
  if (process.env.GITHUB_STEP_SUMMARY && body) await appendFile(process.env.GITHUB_STEP_SUMMARY, body.endsWith('\n') ? body : `${body}\n`);
  if (process.env.GITHUB_OUTPUT) {
    await appendFile(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${String(v)}\n`).join(''));
  }
}

function log(line) {
  process.stdout.write(`${line}\n`);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`action.mjs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
