import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeCatalogDump } from '../../../src/catalog/index.js';
import { loadDesired } from '../../../src/pipeline/index.js';
import { catalogRowsFor } from '../../unit/import/catalog-rows.js';

const exec = promisify(execFile);
const values = { POSTGRES_PASSWORD: 'p' };
const cli = (args: string[], env: Record<string, string> = {}) =>
  exec('node', ['bin/run.js', ...args], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('the CLI in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mzform-cli-'));
    // The catalog as if the PostgreSQL example had been applied, then its source dropped by hand.
    const desired = await loadDesired('examples/postgres-ssh-tunnel.yaml', values);
    await writeFile(join(dir, 'catalog.json'), serializeCatalogDump(catalogRowsFor(desired.objects.filter((o) => o.kind !== 'source'))));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('every command has a summary and examples', async () => {
    const config = await Config.load(process.cwd());
    const ids = config.commands.map((c) => c.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['catalog:dump', 'completion', 'drift', 'import', 'plan', 'validate']));
    for (const c of config.commands) {
      expect(c.summary, c.id).toBeTruthy();
      expect(c.examples?.length, c.id).toBeGreaterThan(0);
    }
  });

  it('plan --catalog: the sticky-comment Markdown, exit 2 with --detailed-exitcode, no database needed', async () => {
    const out = await cli(
      ['plan', '-f', 'examples/postgres-ssh-tunnel.yaml', '--catalog', join(dir, 'catalog.json'), '--format', 'markdown', '--environment', 'production', '--detailed-exitcode'],
      values,
    );
    expect(out.code).toBe(2);
    expect(out.stdout.split('\n').slice(0, 4)).toEqual([
      '<!-- mzform:plan manifest=examples/postgres-ssh-tunnel.yaml env=production -->',
      '## mzform plan: examples/postgres-ssh-tunnel.yaml (production)',
      '',
      '**Plan: 1 to create, 0 to alter, 0 to replace, 0 to drop.**',
    ]);
  });

  it('drift --catalog: plain words and exit 2; --json is versioned', async () => {
    const text = await cli(['drift', '-f', 'examples/postgres-ssh-tunnel.yaml', '--catalog', join(dir, 'catalog.json')], values);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('- source materialize.public.mz_source is in the manifest but not in Materialize');
    const json = await cli(['drift', '-f', 'examples/postgres-ssh-tunnel.yaml', '--catalog', join(dir, 'catalog.json'), '--json'], values);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ format_version: 2, drift: true, entries: [{ kind: 'missing', object_kind: 'source', name: 'materialize.public.mz_source' }] });
  });

  it.each([
    [['import'], /name what to import: --schema/],
    [['plan', '-f', 'examples/postgres-ssh-tunnel.yaml', '--catalog', 'no-such-file.json'], /cannot read the catalog dump no-such-file\.json/],
    [['plan', '-f', 'examples/postgres-ssh-tunnel.yaml', '--catalog', 'package.json'], /package\.json: not a catalog dump/],
    [['completion', 'fish'], /Expected fish to be one of: bash, zsh/],
  ])('%j: exit 3 with a clear message', async (args, message) => {
    const out = await cli(args, values);
    expect(out.code).toBe(3);
    expect(out.stderr).toMatch(message);
  });

  it('the bash completion script is valid bash and knows every command', async () => {
    const out = await cli(['completion', 'bash']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('words="apply catalog completion drift');
    expect(out.stdout).toContain('"catalog dump") words="');
    const file = join(dir, 'completion.bash');
    await writeFile(file, out.stdout);
    await expect(exec('bash', ['-n', file])).resolves.toBeDefined();
  });

  it.each([
    ['the choices after --format', ['plan', '--format', ''], 'text markdown json'],
    ['files after -f', ['plan', '-f', 'exam'], 'examples'],
    ['files after --catalog', ['drift', '--catalog', 'package.j'], 'package.json'],
    ['flags elsewhere', ['plan', '--forma'], '--format'],
  ])('bash completion offers %s', async (_what, words, expected) => {
    const out = await cli(['completion', 'bash']);
    const file = join(dir, 'completion-words.bash');
    await writeFile(file, out.stdout);
    const line = `source ${file}; COMP_WORDS=(mzform ${words.map((w) => `"${w}"`).join(' ')}); COMP_CWORD=${words.length}; _mzform_complete; echo "\${COMPREPLY[*]}"`;
    const { stdout } = await exec('bash', ['-c', line]);
    expect(stdout.trim()).toBe(expected);
  });
});
