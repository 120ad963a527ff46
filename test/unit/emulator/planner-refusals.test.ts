import { describe, expect, it } from 'vitest';
import { fidelityFixture, rowsOf, useHarness } from './helpers.js';

/**
 * Statements Materialize's planner refuses (fixtures drawn from its testdrive
 * files and planner code, each with its file:line): the emulator refuses each
 * with Materialize's message, and creates nothing.
 */
interface Fixture {
  readonly setup: readonly string[];
  readonly cases: readonly { readonly category: string; readonly from: string; readonly sql: string; readonly error: string }[];
}

const fixture = fidelityFixture<Fixture>('planner-refusals.json');
const harness = useHarness(fixture.setup);

describe('the emulator refuses what Materialize refuses', () => {
  it.each(fixture.cases.map((c) => [`${c.category}: ${c.from}`, c] as const))('%s', async (_label, c) => {
    const h = harness();
    const result = await h.run(c.sql);
    expect(result, c.sql).toHaveProperty('error');
    if ('error' in result) expect(result.error).toContain(c.error);
    const left = rowsOf(
      await h.run("SELECT name FROM mz_connections WHERE name = 'c' UNION ALL SELECT name FROM mz_sources WHERE name IN ('g', 'p') UNION ALL SELECT name FROM mz_tables WHERE name = 't'"),
    );
    expect(left).toEqual([]);
  });
});
