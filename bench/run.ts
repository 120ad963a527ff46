/**
 * `npm run bench [-- --sizes 100,1000]`: mzform against the emulator over
 * TCP, for manifests of 100, 1,000, 5,000 and 10,000 objects. Prints a
 * markdown table of figures; it asserts nothing (targets are listed below
 * the table with the figure that meets or misses them).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmulator, type QueryLogEntry, type RunningEmulator } from '../src/emulator/index.js';
import { generateManifest } from './generate-manifest.js';

const DEFAULT_SIZES = [100, 1_000, 5_000, 10_000];

interface Row {
  readonly objects: number;
  readonly planRoundTrips: number;
  readonly planSeconds: number;
  readonly planPeakMiB: number;
  /** The plan's queries sent again by a bare client to the same catalog: the emulator's share of the plan. */
  readonly planEmulatorSeconds: number;
  readonly applyStatements: number;
  readonly applySeconds: number;
  readonly applyPeakMiB: number;
  /** The same DDL sent by a bare client, one statement per round trip: the emulator's own share. */
  readonly emulatorMsPerStatement: number;
  readonly noopStatements: number;
  readonly noopSeconds: number;
}

function sizesFromArgs(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  if (i < 0) return DEFAULT_SIZES;
  return (argv[i + 1] ?? '').split(',').map((s) => Number.parseInt(s.replaceAll('_', ''), 10)).filter((n) => n > 0);
}

/** Runs the built CLI as a user would, from process start; returns wall time and peak memory. */
function mzform(args: readonly string[], dir: string): Promise<{ seconds: number; peakMiB: number; status: number | null; output: string }> {
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['-r', './bench/report-max-rss.cjs', 'bin/run.js', ...args], {
    env: { ...process.env, BENCH_SECRET: 'bench-secret-value', MZFORM_FINGERPRINT_KEY: 'bench-fingerprint-key-32-bytes!!', MZFORM_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - started) / 1000;
      let peakMiB = Number.NaN;
      try {
        peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // the process died before its exit hook: reported as NaN
      }
      resolve({ seconds, peakMiB, status, output });
    });
  });
}

const isObjectDdl = (e: QueryLogEntry) => /^\s*(CREATE|ALTER|DROP|COMMENT)\b/i.test(e.statement) && !e.statement.includes('__mzform_lock');

async function prepared(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const client = new pg.Client({ connectionString: emulator.url });
  await client.connect();
  await client.query(`CREATE CLUSTER IF NOT EXISTS quickstart (SIZE = '25cc')`);
  await client.end();
  emulator.control.resetCounters();
  return emulator;
}

/** Sends `statements` one per round trip from a bare pg client: the time the emulator itself takes, in ms. */
async function timeStatements(emulator: RunningEmulator, statements: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: emulator.url });
  await client.connect();
  const started = performance.now();
  for (const s of statements) await client.query(s);
  const ms = performance.now() - started;
  await client.end();
  return ms;
}

/** The apply's DDL replayed on a fresh emulator. */
async function replay(statements: readonly string[]): Promise<number> {
  const emulator = await prepared();
  try {
    return await timeStatements(emulator, statements);
  } finally {
    await emulator.stop();
  }
}

async function measure(objects: number, dir: string): Promise<Row> {
  const file = join(dir, `manifest-${objects}.yaml`);
  writeFileSync(file, generateManifest(objects));
  const emulator = await prepared();
  try {
    const target = ['-f', file, '--url', emulator.url];
    const fromEmpty = await mzform(['apply', ...target, '--auto-approve'], dir);
    if (fromEmpty.status !== 0) throw new Error(`apply from empty failed (${fromEmpty.status}):\n${fromEmpty.output.slice(-2000)}`);
    const ddl = emulator.control.queryLog().filter(isObjectDdl).map((e) => e.statement);

    emulator.control.resetCounters();
    const plan = await mzform(['plan', ...target], dir);
    if (plan.status !== 0) throw new Error(`plan failed (${plan.status}):\n${plan.output.slice(-2000)}`);
    const planRoundTrips = emulator.control.statementCount();
    const planQueries = emulator.control.queryLog().map((e) => e.statement);
    const planEmulatorSeconds = (await timeStatements(emulator, planQueries)) / 1000;

    emulator.control.resetCounters();
    const noop = await mzform(['apply', ...target, '--auto-approve'], dir);
    if (noop.status !== 0) throw new Error(`no-op apply failed (${noop.status}):\n${noop.output.slice(-2000)}`);
    const noopStatements = emulator.control.queryLog().filter(isObjectDdl).length;

    const emulatorMs = await replay(ddl);
    return {
      objects,
      planRoundTrips,
      planSeconds: plan.seconds,
      planPeakMiB: plan.peakMiB,
      planEmulatorSeconds,
      applyStatements: ddl.length,
      applySeconds: fromEmpty.seconds,
      applyPeakMiB: fromEmpty.peakMiB,
      emulatorMsPerStatement: emulatorMs / Math.max(1, ddl.length),
      noopStatements,
      noopSeconds: noop.seconds,
    };
  } finally {
    await emulator.stop();
  }
}

async function coldStart(dir: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await mzform(['--version'], dir)).seconds);
  return runs.sort((a, b) => a - b)[2]!;
}

const f = (n: number, digits = 2) => n.toFixed(digits);

function table(rows: readonly Row[]): string {
  const head = [
    '| objects | plan: round trips | plan: wall s | plan: emulator s | plan: peak MiB | apply from empty: statements | apply: wall s | apply: statements/s | emulator ms/statement | mzform ms/statement | apply: peak MiB | no-op apply: statements | no-op apply: wall s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  return [
    ...head,
    ...rows.map((r) => {
      const perStatement = (r.applySeconds * 1000) / Math.max(1, r.applyStatements);
      return `| ${r.objects.toLocaleString('en-US')} | ${r.planRoundTrips} | ${f(r.planSeconds)} | ${f(r.planEmulatorSeconds)} | ${f(r.planPeakMiB, 0)} | ${r.applyStatements} | ${f(r.applySeconds)} | ${f(r.applyStatements / r.applySeconds, 0)} | ${f(r.emulatorMsPerStatement)} | ${f(perStatement - r.emulatorMsPerStatement)} | ${f(r.applyPeakMiB, 0)} | ${r.noopStatements} | ${f(r.noopSeconds)} |`;
    }),
  ].join('\n');
}

function targets(rows: readonly Row[], cold: number): string[] {
  const by = (n: number) => rows.find((r) => r.objects === n);
  const lines: string[] = [];
  const trips = [...new Set(rows.map((r) => r.planRoundTrips))];
  lines.push(`- plan round trips constant in the number of objects: ${trips.length === 1 ? 'met' : 'MISSED'} (${rows.map((r) => r.planRoundTrips).join(', ')})`);
  const p5 = by(5_000);
  if (p5) lines.push(`- plan of 5,000 objects under 2 s wall time: ${p5.planSeconds < 2 ? 'met' : 'MISSED'} (${f(p5.planSeconds)} s)`);
  lines.push(`- no-op apply executes 0 statements: ${rows.every((r) => r.noopStatements === 0) ? 'met' : 'MISSED'} (${rows.map((r) => r.noopStatements).join(', ')})`);
  const p10 = by(10_000);
  if (p10) lines.push(`- plan of 10,000 objects under 1.5 s wall time: ${p10.planSeconds < 1.5 ? 'met' : 'MISSED'} (${f(p10.planSeconds)} s)`);
  if (p5 && p10) {
    const planRatio = p10.planSeconds / p5.planSeconds;
    const applyRatio = p10.applySeconds / p5.applySeconds;
    lines.push(`- time at most linear, 10,000 / 5,000 at most 2.2: plan ${f(planRatio)}, apply ${f(applyRatio)}: ${planRatio <= 2.2 && applyRatio <= 2.2 ? 'met' : 'MISSED'}`);
  }
  lines.push(`- \`mzform --version\` under 0.25 s: ${cold < 0.25 ? 'met' : 'MISSED'} (${f(cold, 3)} s)`);
  return lines;
}

const dir = mkdtempSync(join(tmpdir(), 'mzform-bench-'));
try {
  const sizes = sizesFromArgs(process.argv.slice(2));
  // The machine may be shared: the load average says how much the figures were disturbed.
  const loadAtStart = loadavg()[0] ?? 0;
  const rows: Row[] = [];
  for (const n of sizes) {
    process.stderr.write(`measuring ${n} objects...\n`);
    rows.push(await measure(n, dir));
  }
  const cold = await coldStart(dir);
  const machine = `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${f(totalmem() / 2 ** 30, 1)} GiB memory (${f(freemem() / 2 ** 30, 1)} GiB free), Node ${process.version}, ${process.platform}; load average ${f(loadAtStart)} at the start, ${f(loadavg()[0] ?? 0)} at the end`;
  console.log(`Machine: ${machine}\n`);
  console.log(table(rows));
  console.log(`\nCLI cold start (\`mzform --version\`, median of 5): ${f(cold, 3)} s\n`);
  console.log(targets(rows, cold).join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
