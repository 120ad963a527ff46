import { describe, expect, it } from 'vitest';
import { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_BUDGET, planCommentMarker } from '../../../src/github/index.js';
import type { KafkaConnection, MzObject } from '../../../src/model/index.js';
import { renderPlanMarkdown, summaryLine } from '../../../src/output/index.js';
import { actualState, desiredState, kafkaConnection, kafkaSource, secret, sshTunnel } from '../diff/fixtures.js';
import { planFor, SCENARIOS } from '../plan/scenarios.js';

const marker = planCommentMarker({ manifest: 'materialize.yaml', environment: 'production' });

/** A plan with `count` replaced sources (each with hazards), and as many unmanaged tunnels. */
function bigPlan(count: number) {
  const sources = Array.from({ length: count }, (_, i) => kafkaSource(`events_${String(i).padStart(4, '0')}`, 'kafka'));
  const kafka = kafkaConnection('kafka');
  const moved: MzObject = { ...kafka, spec: { ...(kafka.spec as KafkaConnection), brokers: [{ address: 'broker-2:9092' }] } };
  const desired: MzObject[] = [secret('kafka_password'), moved, ...sources.map((s) => ({ ...s, cluster: 'other' }))];
  const actual = actualState([secret('kafka_password'), kafka, ...sources, ...Array.from({ length: count }, (_, i) => sshTunnel(`stray_${i}`))]);
  return planFor({ desired: desiredState(desired), actual });
}

describe('the plan as a pull-request comment', () => {
  it('starts with the marker, then the heading, the counts and the hazards, with SQL folded', () => {
    const plan = planFor(SCENARIOS['replace-cascade'] as (typeof SCENARIOS)[string]);
    const md = renderPlanMarkdown(plan, { marker, subject: 'materialize.yaml (production)', maxLength: PLAN_COMMENT_BUDGET });
    const lines = md.split('\n');
    expect(lines.slice(0, 4)).toEqual([marker, '## mzform plan: materialize.yaml (production)', '', '**Plan: 0 to create, 0 to alter, 2 to replace, 0 to drop.**']);
    expect(md.indexOf('### Hazards (3)')).toBeLessThan(md.indexOf('| Step |'));
    expect(md.indexOf('| Step |')).toBeLessThan(md.indexOf('### 1.'));
    expect(md).toContain('<details><summary>SQL (1 statement)</summary>\n\n```sql\nDROP SOURCE');
    // Small enough: not cut, and the same bytes as without a budget.
    expect(md).toBe(renderPlanMarkdown(plan, { marker, subject: 'materialize.yaml (production)' }));
    expect(md).not.toContain('Truncated');
  });

  it.each([
    [40, 64_000],
    [400, 64_000],
    [400, 8_000],
    [400, 2_000],
  ])('%i replaced sources cut to %i characters: header, counts and hazards first, a note saying what was cut', (count, budget) => {
    const plan = bigPlan(count);
    const full = renderPlanMarkdown(plan, { marker });
    const md = renderPlanMarkdown(plan, { marker, maxLength: budget });
    expect(md.length).toBeLessThanOrEqual(budget);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md.startsWith(`${marker}\n## mzform plan\n\n**${summaryLine(plan)}**\n`)).toBe(true);
    if (full.length <= budget) {
      expect(md).toBe(full);
      return;
    }
    expect(md).toMatch(new RegExp(`> \\*\\*Truncated\\*\\* to fit in ${budget.toString().replace(/\B(?=(\d{3})+$)/g, ',')} characters\\. Left out: `));
    // Whatever is kept is a prefix of the full plan's body, cut at a block boundary: no half code block.
    const body = md.slice(md.indexOf('\n\n', md.indexOf('Truncated')) + 2);
    expect(full).toContain(body.trimEnd());
    expect((md.match(/```/g) ?? []).length % 2).toBe(0);
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
    // The note names what is missing.
    const lastStep = plan.steps.at(-1)?.id;
    expect(md).toMatch(new RegExp(`the details and SQL of steps \\d+ to ${lastStep}`));
    expect(md).toContain(`${count} objects not in the manifest`);
  });

  it('keeps every hazard when the budget allows, before any step detail', () => {
    const plan = bigPlan(150);
    const md = renderPlanMarkdown(plan, { marker, maxLength: PLAN_COMMENT_BUDGET });
    expect(md).toContain('Truncated');
    const hazards = plan.steps.reduce((n, s) => n + s.hazards.length, 0);
    expect(md).toContain(`### Hazards (${hazards})`);
    expect((md.match(/^- :warning: /gm) ?? []).length).toBe(hazards);
  });

  it('is deterministic', () => {
    expect(renderPlanMarkdown(bigPlan(100), { marker, maxLength: 5_000 })).toBe(renderPlanMarkdown(bigPlan(100), { marker, maxLength: 5_000 }));
  });
});
