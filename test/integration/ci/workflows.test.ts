import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const files = readdirSync('examples/github').filter((f) => f.endsWith('.yml')).sort();
const load = (file: string) => parse(readFileSync(`examples/github/${file}`, 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

describe('example GitHub workflows', () => {
  it('are the three jobs: plan on pull requests, apply on merge, nightly drift', () => {
    expect(files).toEqual(['mzform-apply.yml', 'mzform-drift.yml', 'mzform-plan.yml']);
    expect(Object.keys(load('mzform-plan.yml').on)).toEqual(['pull_request']);
    expect(Object.keys(load('mzform-apply.yml').on)).toEqual(['push', 'workflow_dispatch']);
    expect(Object.keys(load('mzform-drift.yml').on)).toEqual(['schedule', 'workflow_dispatch']);
  });

  it.each(files)('%s: official actions or plain scripts only, least permissions, documented secrets', (file) => {
    const w = load(file);
    for (const s of steps(w)) if (s.uses) expect(s.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    expect(w.permissions.contents).toBe('read');
    const text = readFileSync(`examples/github/${file}`, 'utf8');
    expect(text).toMatch(/^# Secrets: /m);
    expect(text).toMatch(/^# Permissions: /m);
  });

  it('never cancels a running apply, and serializes applies per environment', () => {
    const w = load('mzform-apply.yml');
    expect(w.concurrency).toEqual({ group: 'mzform-apply-production', 'cancel-in-progress': false });
  });

  it('each job writes what the next needs: plan comment, drift issue, catalog for offline plans', () => {
    const run = (file: string) => steps(load(file)).map((s) => s.run ?? '').join('\n');
    expect(run('mzform-plan.yml')).toMatch(/mzform plan .*--format markdown --detailed-exitcode/s);
    expect(run('mzform-plan.yml')).toContain('upsert.mjs comment --body-file plan.md');
    expect(load('mzform-plan.yml').permissions['pull-requests']).toBe('write');
    expect(run('mzform-drift.yml')).toContain('npx mzform drift');
    // The nightly issue shows drift and health together: status is appended to the issue body and exit 5 counts.
    expect(run('mzform-drift.yml')).toContain('npx mzform status -f "$MZFORM_MANIFEST" --format markdown >> drift.md');
    expect(run('mzform-drift.yml')).toContain('[ "$health" = 5 ]');
    expect(run('mzform-drift.yml')).toContain('upsert.mjs issue --body-file drift.md');
    expect(load('mzform-drift.yml').permissions.issues).toBe('write');
    expect(run('mzform-apply.yml')).toContain('npx mzform catalog dump --out catalog.json');
    expect(run('mzform-apply.yml')).toContain('--auto-approve');
  });
});
