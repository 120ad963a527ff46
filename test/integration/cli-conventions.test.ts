import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/model/did-you-mean.js';
import { runCli } from '../run-cli.js';

/** The same conventions in every command, as a user meets them. */
describe('every command', () => {
  it.each([['plan', '-h'], ['help', 'plan'], ['plan', '--help']])('shows its help with `%s %s` (exit 0)', async (...args) => {
    const run = await runCli(args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Show what apply would change');
    expect(run.stdout).toContain('$ mzform plan');
  });

  it('help of a command in a topic: mzform help catalog dump', async () => {
    const run = await runCli(['help', 'catalog', 'dump']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('$ mzform catalog dump');
  });

  it.each([
    ['plna', 'plan'],
    ['dirft', 'drift'],
    ['valdiate', 'validate'],
  ])('a mistyped command (%s) names the one meant and exits 3', async (typed, meant) => {
    const run = await runCli([typed]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(`unknown command "${typed}" (did you mean "${meant}"?)`);
  });

  it('an unknown command with no near miss exits 3 without a guess', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('unknown command "frobnicate"; mzform --help lists the commands');
  });
});

describe('closestMatch', () => {
  it.each([
    ['plna', ['plan', 'apply'], 'plan'],
    ['SSL_MODE', ['ssl_mode'], 'ssl_mode'],
    ['catalog-dump', ['catalog dump'], 'catalog dump'],
    ['zzzzzz', ['plan'], undefined],
  ])('%s among %j is %s', (given, known, expected) => {
    expect(closestMatch(given, known)).toBe(expected);
  });
});
