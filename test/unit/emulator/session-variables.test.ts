import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, rowsOf, type Harness } from './helpers.js';

/** SET / RESET / SHOW read with the shared parser (src/sql), values shown back as Materialize shows them. */
describe('session variables', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const show = async (name: string) => Object.values(rowsOf(await h.run(`SHOW ${name}`))[0]!)[0];

  it.each([
    ["SET application_name = 'mzform ci'", 'application_name', 'mzform ci'],
    ['SET search_path TO mz_catalog, public', 'search_path', 'mz_catalog, public'],
    ['SET SESSION cluster = Other', 'cluster', 'other'],
    ['SET LOCAL statement_timeout TO 5000', 'statement_timeout', '5000'],
    ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'transaction_isolation', 'serializable'],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL STRICT SERIALIZABLE', 'transaction_isolation', 'strict serializable'],
  ])('%s', async (sql, name, shown) => {
    rowsOf(await h.run(sql));
    expect(await show(name)).toBe(shown);
  });

  it('DEFAULT and RESET give the default back; RESET ALL every one', async () => {
    rowsOf(await h.run("SET cluster = 'c1'"));
    rowsOf(await h.run('SET cluster TO DEFAULT'));
    expect(await show('cluster')).toBe('quickstart');
    rowsOf(await h.run("SET cluster = 'c1'"));
    rowsOf(await h.run('RESET cluster'));
    expect(await show('cluster')).toBe('quickstart');
    rowsOf(await h.run("SET cluster = 'c1'"));
    rowsOf(await h.run("SET database = 'd1'"));
    rowsOf(await h.run('RESET ALL'));
    expect([await show('cluster'), await show('database')]).toEqual(['quickstart', 'materialize']);
  });

  it('a SET without a value is a syntax error (42601)', async () => {
    expect(await h.run('SET cluster')).toMatchObject({ code: '42601' });
  });
});
