import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { paths?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const files = readdirSync('examples/github').filter((f) => f.endsWith('.yml')).sort();
const load = (file: string) => parse(readFileSync(`examples/github/${file}`, 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const action = (w: Workflow) => steps(w).find((s) => s.uses?.includes('/mzform@'))!;
const actionInputs = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs);

describe('example GitHub workflows', () => {
  it('are the three jobs: plan on pull requests, apply on merge, nightly drift', () => {
    expect(files).toEqual(['mzform-apply.yml', 'mzform-drift.yml', 'mzform-plan.yml']);
    expect(Object.keys(load('mzform-plan.yml').on)).toEqual(['pull_request']);
    expect(Object.keys(load('mzform-apply.yml').on)).toEqual(['push', 'workflow_dispatch']);
    expect(Object.keys(load('mzform-drift.yml').on)).toEqual(['schedule', 'workflow_dispatch']);
  });

  it.each(files)('%s: official actions and the mzform action only, known inputs, least permissions, documented secrets', (file) => {
    const w = load(file);
    for (const s of steps(w)) if (s.uses) expect(s.uses).toMatch(/^(actions\/[a-z-]+@v\d+|[\w-]+\/mzform@v\d+\.\d+\.\d+)$/);
    for (const input of Object.keys(action(w).with ?? {})) expect(actionInputs).toContain(input);
    expect(w.permissions.contents).toBe('read');
    const text = readFileSync(`examples/github/${file}`, 'utf8');
    expect(text).toMatch(/^# Secrets: /m);
    expect(text).toMatch(/^# Permissions: /m);
  });

  it('apply and drift never run at the same time against one Materialize, and neither is ever cancelled', () => {
    const apply = load('mzform-apply.yml').concurrency;
    const drift = load('mzform-drift.yml').concurrency;
    expect(apply).toEqual({ group: 'mzform-production', 'cancel-in-progress': false });
    expect(drift).toEqual(apply);
  });

  it('plan and apply run when any manifest file changes, including the files it reads with ${file:...}', () => {
    for (const file of ['mzform-plan.yml', 'mzform-apply.yml']) {
      const w = load(file);
      const trigger = w.on[file === 'mzform-plan.yml' ? 'pull_request' : 'push'];
      expect(trigger?.paths).toContain('materialize/**');
      expect(action(w).with?.manifest).toBe('materialize/');
    }
  });

  it('each job runs its command through the action and writes what the next needs', () => {
    expect(action(load('mzform-plan.yml')).with).toMatchObject({ command: 'plan', environment: '${{ env.MZFORM_ENVIRONMENT }}' });
    expect(load('mzform-plan.yml').permissions['pull-requests']).toBe('write');
    expect(action(load('mzform-drift.yml')).with).toMatchObject({ command: 'drift', 'dump-catalog': 'catalog.json' });
    expect(load('mzform-drift.yml').permissions.issues).toBe('write');
    expect(action(load('mzform-apply.yml')).with).toMatchObject({ command: 'apply', 'dump-catalog': 'catalog.json' });
  });
});
