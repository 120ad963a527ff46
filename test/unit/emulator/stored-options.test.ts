import { describe, expect, it } from 'vitest';
import { fidelityFixture, rowsOf, useHarness } from './helpers.js';

/**
 * Statements Materialize accepts (test/fixtures/fidelity/stored-options.json,
 * each with the Materialize file:line it comes from): the emulator accepts
 * each and stores the create_sql Materialize stores.
 */
interface Fixture {
  readonly setup: readonly string[];
  readonly cases: readonly { readonly from: string; readonly sql: string; readonly kind: 'connection' | 'source'; readonly name: string; readonly stored: string }[];
}

const fixture = fidelityFixture<Fixture>('stored-options.json');
const harness = useHarness(fixture.setup);

describe('the emulator stores what Materialize stores', () => {
  it.each(fixture.cases.map((c) => [`${c.name}: ${c.from}`, c] as const))('%s', async (_label, c) => {
    const h = harness();
    rowsOf(await h.run(c.sql));
    const table = c.kind === 'connection' ? 'mz_connections' : 'mz_sources';
    const rows = rowsOf(await h.run(`SELECT create_sql FROM mz_catalog.${table} WHERE name = $1`, [c.name]));
    expect(rows.map((r) => r['create_sql'])).toEqual([c.stored]);
  });
});
