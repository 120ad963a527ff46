import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ApplyReport, type ObjectOutput, renderApplyJson, renderApplyMarkdown, renderApplyText, renderOutputsJson, renderOutputsText } from '../../../src/apply/index.js';
import { toPlanFile } from '../../../src/plan/index.js';
import { examplePlan } from './plans.js';
import { updatingGolden } from '../../golden-mode.js';

/** Compares with test/unit/apply/golden/<name>; `UPDATE_GOLDEN=1` rewrites it. */
function expectGolden(name: string, actual: string): void {
  const file = join('test', 'unit', 'apply', 'golden', name);
  if (updatingGolden()) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const n = (name: string) => ({ database: 'materialize', schema: 'public', name });
const OUTPUTS: ObjectOutput[] = [
  { name: n('aws_role'), type: 'aws', externalId: 'mz_1234abcd-0000-4000-8000-000000000000_u3' },
  { name: n('privatelink_svc'), type: 'aws-privatelink', principal: 'arn:aws:iam::664411391173:role/mz_1234abcd_u2' },
  { name: n('ssh_connection'), type: 'ssh-tunnel', publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey1 materialize', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey2 materialize'] },
];

const REPORTS: Record<string, ApplyReport> = {
  applied: {
    outcome: 'applied',
    steps: [
      { id: '1', action: 'create', objectKind: 'secret', name: n('kafka_password'), status: 'done', statementsRun: 2, statementsTotal: 2 },
      { id: '2', action: 'create', objectKind: 'connection', name: n('privatelink_svc'), status: 'done', statementsRun: 1, statementsTotal: 1 },
    ],
    warnings: ['--target: 1 other change is left for a later run: create source materialize.public.json_source.'],
    outputs: OUTPUTS,
    validations: [
      { name: n('kafka_connection'), ok: false, message: 'Endpoint availability is unknown' },
      { name: n('privatelink_svc'), ok: true },
    ],
  },
  failed: {
    outcome: 'failed',
    steps: [
      { id: '1', action: 'create', objectKind: 'secret', name: n('kafka_password'), status: 'done', statementsRun: 2, statementsTotal: 2 },
      { id: '2', action: 'replace', phase: 'drop', objectKind: 'connection', name: n('kafka_connection'), status: 'done', statementsRun: 1, statementsTotal: 1 },
      {
        id: '3',
        action: 'replace',
        phase: 'create',
        objectKind: 'connection',
        name: n('kafka_connection'),
        status: 'failed',
        statementsRun: 0,
        statementsTotal: 2,
        error: { message: 'Failed to resolve hostname `b-1.hostname-1` | *oops*', sqlstate: '58000', hint: 'check the brokers', connectionLost: false },
      },
      { id: '4', action: 'create', objectKind: 'source', name: n('json_source'), status: 'not-run', statementsRun: 0, statementsTotal: 1 },
    ],
    warnings: [],
    outputs: [],
  },
  interrupted: {
    outcome: 'interrupted',
    steps: [
      { id: '1', action: 'create', objectKind: 'secret', name: n('kafka_password'), status: 'done', statementsRun: 2, statementsTotal: 2 },
      { id: '2', action: 'alter', objectKind: 'connection', name: n('kafka_connection'), status: 'failed', statementsRun: 1, statementsTotal: 2, error: { message: 'lost the connection to Materialize', connectionLost: true } },
      { id: '3', action: 'drop', objectKind: 'source', name: n('old_source'), status: 'not-run', statementsRun: 0, statementsTotal: 1 },
    ],
    warnings: [],
    outputs: [],
  },
  'no-changes': { outcome: 'no-changes', steps: [], warnings: [], outputs: OUTPUTS.slice(1, 2) },
};

describe.each(Object.keys(REPORTS))('apply report %s', (name) => {
  const report = REPORTS[name] as ApplyReport;
  it('text', () => expectGolden(`${name}.txt`, renderApplyText(report)));
  it('markdown', () => expectGolden(`${name}.md`, renderApplyMarkdown(report)));
  it('json', async () => {
    const plan = toPlanFile(await examplePlan('msk-privatelink.yaml'));
    const text = renderApplyJson(plan, report);
    expect(JSON.parse(text).plan).toEqual(JSON.parse(JSON.stringify(plan)));
    expectGolden(`${name}.json`, JSON.stringify(JSON.parse(text).apply, null, 2) + '\n');
  });
});

describe('outputs', () => {
  it.each([
    ['all kinds', OUTPUTS],
    ['none', []],
  ])('text and json: %s', (label, outputs) => {
    const slug = label.replace(' ', '-');
    expectGolden(`outputs-${slug}.txt`, renderOutputsText(outputs));
    expectGolden(`outputs-${slug}.json`, renderOutputsJson(outputs));
  });
});

describe('the text report of apply', () => {
  it('says how long the steps took when told, and lists no step that ran (they were printed as they ran)', () => {
    const text = renderApplyText(REPORTS.applied as ApplyReport, { elapsedMs: 1234 });
    expect(text.split('\n')[0]).toBe('Apply complete: 2 created, 0 altered, 0 replaced, 0 dropped (2 steps in 1.23 s).');
    expect(text).not.toContain('step 1');
    expect(renderApplyText(REPORTS.failed as ApplyReport, { elapsedMs: 61_000 }).split('\n')[0]).toBe(
      'Apply failed at step 3 of 4 after 1m01s: 1 created, 0 altered, 0 replaced, 1 dropped; 1 step not run.',
    );
  });

  it.each([
    ['create, alter, drop', [['create', undefined], ['alter', undefined], ['drop', undefined]], '1 created, 1 altered, 0 replaced, 1 dropped'],
    ['a whole replace counts once', [['replace', 'drop'], ['replace', 'create']], '0 created, 0 altered, 1 replaced, 0 dropped'],
    ['a replace whose new object was not made counts as dropped', [['replace', 'drop']], '0 created, 0 altered, 0 replaced, 1 dropped'],
  ] as const)('counts by object: %s', (_what, steps, expected) => {
    const report: ApplyReport = {
      outcome: 'applied',
      steps: steps.map(([action, phase], i) => ({
        id: String(i + 1),
        action,
        ...(phase ? { phase } : {}),
        objectKind: 'connection',
        name: n('c'),
        status: 'done',
        statementsRun: 1,
        statementsTotal: 1,
      })),
      warnings: [],
      outputs: [],
    };
    expect(renderApplyText(report)).toContain(`: ${expected} (`);
  });
});
