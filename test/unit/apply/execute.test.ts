import { describe, expect, it } from 'vitest';
import { executePlan, renderApplyJson, renderApplyMarkdown, renderApplyText, type ApplyReport } from '../../../src/apply/index.js';
import { toPlanFile } from '../../../src/plan/index.js';
import { FakeServer } from './fake-server.js';
import { SECRET, examplePlan } from './plans.js';

const FILE = 'msk-privatelink.yaml';

describe('executePlan', () => {
  it('runs every statement in plan order, one per round trip, with the secret value spliced in', async () => {
    const plan = await examplePlan(FILE);
    const server = new FakeServer();
    const db = server.connect();
    const result = await executePlan(db, plan);
    const statements = plan.steps.flatMap((s) => s.statements);
    expect(result.stoppedBy).toBeUndefined();
    expect(result.steps.map((s) => s.status)).toEqual(plan.steps.map(() => 'done'));
    expect(server.executed).toHaveLength(statements.length);
    expect(db.roundTrips).toBe(statements.length);
    expect(server.executed[0]).toBe(`CREATE SECRET "materialize"."public"."kafka_password" AS 's3cr3t-''"-Ω-value'`);
  });

  it('each statement failing in turn: done before it, failed at it, not run after it', async () => {
    const plan = await examplePlan(FILE);
    const positions = plan.steps.flatMap((s, stepIndex) => s.statements.map((_st, i) => ({ stepIndex, i })));
    for (const [index, at] of positions.entries()) {
      const server = new FakeServer();
      server.failAt = index;
      const result = await executePlan(server.connect(), plan);
      expect(result.stoppedBy).toBe('failure');
      expect(result.steps.map((s) => s.status)).toEqual(plan.steps.map((_s, k) => (k < at.stepIndex ? 'done' : k === at.stepIndex ? 'failed' : 'not-run')));
      const failed = result.steps[at.stepIndex];
      expect(failed?.statementsRun).toBe(at.i);
      expect(failed?.error?.sqlstate).toBe('25001');
      expect(JSON.stringify(result)).not.toContain('Ω');
    }
  });

  it('a dropped connection is reported as such', async () => {
    const plan = await examplePlan(FILE);
    const server = new FakeServer();
    server.dropAt = 1;
    const result = await executePlan(server.connect(), plan);
    expect(result.steps.find((s) => s.status === 'failed')?.error).toMatchObject({ connectionLost: true, message: 'lost the connection to Materialize: connection reset by the server' });
  });

  it('Ctrl-C stops before the next step; nothing after it runs', async () => {
    const plan = await examplePlan(FILE);
    const server = new FakeServer();
    const controller = new AbortController();
    const result = await executePlan(server.connect(), plan, { signal: controller.signal, onStep: (r) => (r.id === '2' ? controller.abort() : undefined) });
    expect(result.stoppedBy).toBe('interrupt');
    expect(result.steps.map((s) => s.status)).toEqual(plan.steps.map((_s, k) => (k < 2 ? 'done' : 'not-run')));
  });

  it('the server echoing a failed CREATE SECRET never brings the value into any report', async () => {
    const plan = await examplePlan(FILE);
    const server = new FakeServer();
    server.failAt = 0;
    const result = await executePlan(server.connect(), plan);
    const report: ApplyReport = { outcome: 'failed', steps: result.steps, warnings: [], outputs: [] };
    const rendered = [renderApplyText(report), renderApplyMarkdown(report), renderApplyJson(toPlanFile(plan), report)];
    expect(result.steps[0]?.error?.message).toBe(`CREATE SECRET "materialize"."public"."kafka_password" AS '********' cannot be run inside a transaction block`);
    for (const text of rendered) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECRET.replaceAll("'", "''"));
      expect(text).not.toContain('s3cr3t');
    }
  });
});
