import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess as runCli } from '../../run-cli.js';

/**
 * Clusters, databases and schemas declared in a manifest, through the CLI on
 * the embedded emulator (`--emulator --emulator-state`), as a new user runs it:
 * created when missing, a cluster resized in place, nothing dropped when the
 * manifest stops declaring them; and every example applies with no manual
 * step and re-plans to no changes. Only output and exit codes are read, so
 * the commands run in the test process (test/cli-in-process.ts); the README's
 * by-hand test runs them as separate processes.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mzform-containers-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every `${env:NAME}` of a manifest set to a placeholder. */
function envOf(file: string): Record<string, string> {
  return Object.fromEntries([...readFileSync(file, 'utf8').matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => [m[1]!, 'x']));
}

describe('every example on the embedded emulator', () => {
  const examples = readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort();
  it.each(examples)('%s: apply with no manual step, then plan: No changes.', async (example) => {
    const file = `examples/${example}`;
    const state = join(dir, `${example}.json`);
    const options = { cleanEnv: true, env: envOf(file), timeoutMs: 120_000 };
    const applied = await runCli(['apply', '-f', file, '--emulator', '--emulator-state', state, '--auto-approve'], options);
    expect(applied.status, applied.stdout + applied.stderr).toBe(0);
    const plan = await runCli(['plan', '-f', file, '--emulator', '--emulator-state', state, '--detailed-exitcode'], options);
    expect(plan.stdout).toMatch(/No changes\.\n$/);
    expect(plan.status).toBe(0);
  }, 240_000);
});

describe('declared clusters, databases and schemas', () => {
  const manifest = (cluster: string | undefined, declareSchema: boolean) => `version: 1
defaults: { cluster: ingest }
${cluster ?? ''}${declareSchema ? 'databases: [analytics]\nschemas: [{ database_name: analytics, schema_name: staging }]\n' : ''}sources:
  counter:
    type: load-generator
    generator: counter
    database_name: analytics
    schema_name: staging
`;

  it('creates them first, resizes the cluster in place, and never drops them', async () => {
    const file = join(dir, 'containers.yaml');
    const state = join(dir, 'containers.json');
    const run = (...args: string[]) => runCli([...args, '-f', file, '--emulator', '--emulator-state', state], { cleanEnv: true, timeoutMs: 120_000 });
    writeFileSync(file, manifest('clusters:\n  ingest: { size: 25cc }\n', true));
    const first = await run('plan', '--format', 'json');
    const steps = (JSON.parse(first.stdout) as { steps: { object_kind: string; statements: { sql: string }[] }[] }).steps;
    expect(steps.map((s) => [s.object_kind, s.statements.map((st) => st.sql)])).toEqual([
      ['database', ['CREATE DATABASE "analytics"']],
      ['schema', ['CREATE SCHEMA "analytics"."staging"']],
      ['cluster', ['CREATE CLUSTER "ingest" (SIZE = \'25cc\')']],
      ['source', ['CREATE SOURCE "analytics"."staging"."counter" IN CLUSTER "ingest" FROM LOAD GENERATOR COUNTER']],
    ]);
    expect((await run('apply', '--auto-approve')).status).toBe(0);
    expect((await run('plan', '--detailed-exitcode')).stdout).toBe('No changes.\n');

    // doc/user/content/sql/alter-cluster.md:163-167: resizing replaces the replicas (downtime), hence the hazard.
    writeFileSync(file, manifest('clusters:\n  ingest: { size: 50cc, replication_factor: 2 }\n', true));
    const resize = await run('plan');
    expect(resize.stdout).toContain('~ cluster ingest will be altered in place');
    expect(resize.stdout).toContain(`> ALTER CLUSTER "ingest" SET (SIZE = '50cc', REPLICATION FACTOR = 2);`);
    expect(resize.stdout).toContain('! cluster-resize: Cluster ingest changes size from 25cc to 50cc');
    expect((await run('apply', '--auto-approve')).status).toBe(4);
    expect((await run('apply', '--auto-approve', '--allow-hazards', 'cluster-resize')).status).toBe(0);
    expect((await run('plan', '--detailed-exitcode')).stdout).toBe('No changes.\n');

    // No longer declared: they hold the source, and mzform never drops a container.
    writeFileSync(file, manifest(undefined, false));
    const kept = await run('plan', '--detailed-exitcode', '--prune');
    expect(kept.stdout).toBe('No changes.\n');
    expect(kept.status).toBe(0);
  }, 240_000);
});
