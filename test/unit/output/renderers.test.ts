import { describe, expect, it } from 'vitest';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../../src/output/index.js';
import { planFor, SCENARIOS } from '../plan/scenarios.js';
import { expectGolden } from './golden.js';

const cases = Object.keys(SCENARIOS);

describe('plan renderers', () => {
  it.each(cases)('%s: text, markdown and json match the golden files', (name) => {
    const plan = planFor(SCENARIOS[name] as (typeof SCENARIOS)[string]);
    expectGolden(`${name}/plan.txt`, renderPlanText(plan));
    expectGolden(`${name}/plan.md`, renderPlanMarkdown(plan));
    expectGolden(`${name}/plan.json`, renderPlanJson(plan));
  });

  it.each(cases)('%s: no secret value in any output', (name) => {
    const plan = planFor(SCENARIOS[name] as (typeof SCENARIOS)[string]);
    for (const out of [renderPlanText(plan), renderPlanText(plan, { color: true }), renderPlanMarkdown(plan), renderPlanJson(plan)]) {
      expect(out).not.toMatch(/s3cr3t-pg|rotated-value|hunter2/);
    }
  });

  it.each(cases)('%s: same input, same bytes', (name) => {
    const a = planFor(SCENARIOS[name] as (typeof SCENARIOS)[string]);
    const b = planFor(SCENARIOS[name] as (typeof SCENARIOS)[string]);
    expect(renderPlanText(a)).toBe(renderPlanText(b));
    expect(renderPlanJson(a)).toBe(renderPlanJson(b));
  });

  it('colours only when asked', () => {
    const plan = planFor(SCENARIOS['from-empty'] as (typeof SCENARIOS)[string]);
    expect(renderPlanText(plan)).not.toContain('\u001b[');
    expect(renderPlanText(plan, { color: true })).toContain('\u001b[32m');
  });

  it('says "No changes." when in sync, and warns when values were not compared', () => {
    const plan = planFor(SCENARIOS['no-changes'] as (typeof SCENARIOS)[string], false);
    expect(renderPlanText(plan)).toMatch(/Warning: MZFORM_FINGERPRINT_KEY is not set[^\n]*\n\nNo changes\.\n$/);
  });
});
