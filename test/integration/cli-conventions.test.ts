import { describe, expect, it } from 'vitest';
import { CATALOG_DUMP_FORMAT_VERSION } from '../../src/catalog/index.js';
import { closestMatch } from '../../src/model/did-you-mean.js';
import { runCli, runCliInProcess } from '../run-cli.js';

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

describe('flags that mean the same everywhere', () => {
  it('drift --format json prints the same report as drift --json, like plan --format json', async () => {
    const args = ['drift', '-f', 'examples/kafka-ssh-tunnel.yaml', '--emulator'];
    // Output and exit codes only: in the test process (test/cli-in-process.ts), the bytes of a separate one.
    const format = await runCliInProcess([...args, '--format', 'json']);
    const json = await runCliInProcess([...args, '--json']);
    expect(format.status, format.stderr).toBe(2);
    expect(json.status, json.stderr).toBe(2);
    expect(JSON.parse(format.stdout)).toMatchObject({ format_version: 2, drift: true });
    expect(format.stdout).toBe(json.stdout);
  });

  it('--lock-timeout with a bare number asks for its unit (exit 3); 0 needs none', async () => {
    const run = await runCli(['apply', '-f', 'examples/kafka-ssh-tunnel.yaml', '--emulator', '--lock-timeout', '5']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('--lock-timeout 5: give a unit, e.g. 5s, 5m or 5ms');
  });
});

describe('signals', () => {
  it('Ctrl-C while planning exits 130 (128 + SIGINT), as README documents, saying nothing was changed', async () => {
    const run = await runCli(['plan', '-f', 'examples/kafka-ssh-tunnel.yaml', '--emulator', '--debug'], {
      // Planning has begun once the first catalog query is logged.
      onSpawn: (child) => child.stderr!.once('data', () => child.kill('SIGINT')),
    });
    expect(run.status, run.stderr).toBe(130);
    expect(run.stderr).toContain('Interrupted (Ctrl-C): stopped before finishing; nothing was changed.');
  });
});

describe('input that names nothing', () => {
  it('import --schema of a schema that does not exist exits 3 naming it, instead of writing an empty manifest', async () => {
    const run = await runCliInProcess(['import', '--schema', 'pubic', '--emulator']);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--schema pubic: the catalog has no schema materialize.pubic');
    expect(run.stderr).toContain('Did you mean --schema public?');
  });
});

describe('help that matches the behaviour', () => {
  it('catalog dump --help names the format version it writes', async () => {
    const run = await runCli(['catalog', 'dump', '--help']);
    expect(run.stdout).toContain(`"format_version": ${CATALOG_DUMP_FORMAT_VERSION}`);
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
