import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Config } from '@oclif/core';
import { describe, expect, it } from 'vitest';

/**
 * What a command loads at start, read from the built files the CLI runs: the
 * static imports reachable from a command module. The emulator and PGlite are
 * imported on first use of `--emulator` only, so `plan --url` never pays for
 * them; and oclif reads the commands from oclif.manifest.json instead of
 * importing every command module to list them.
 */
const STATIC_IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('dist/') && !file.startsWith('bin/')) return;
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      visit(spec.startsWith('.') ? relative(process.cwd(), resolve(dirname(file), spec)) : spec);
    }
  };
  visit(entry);
  return seen;
}

function commandFiles(dir = 'dist/commands'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? commandFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('what the CLI loads at start', () => {
  it.each(['plan', 'apply', 'drift', 'import', 'outputs', 'validate', 'force-unlock', 'catalog/dump'])('%s loads neither the emulator nor PGlite until --emulator is used', (command) => {
    const loaded = [...reachable(`dist/commands/${command}.js`)];
    expect(loaded.filter((f) => f.startsWith('dist/emulator/') || f.startsWith('@electric-sql/pglite'))).toEqual([]);
  });

  it.each(['plan', 'apply', 'validate'])('%s does not load ajv: the manifest schema was compiled at build time', (command) => {
    const loaded = [...reachable(`dist/commands/${command}.js`)];
    expect(loaded).toContain('dist/manifest/schema/manifest-validator.generated.js');
    expect(loaded.filter((f) => f === 'ajv' || f.startsWith('ajv/'))).toEqual([]);
  });

  it.each(['plan', 'apply', 'validate', 'drift', 'status'])('%s does not load the yaml package: the plain reader reads most manifests, the package is required when it gives up', (command) => {
    const loaded = [...reachable(`dist/commands/${command}.js`)];
    expect(loaded).toContain('dist/manifest/yaml-document.js');
    expect(loaded.filter((f) => f === 'yaml' || f.startsWith('yaml/'))).toEqual([]);
  });

  it.each(['plan', 'apply', 'drift', 'import', 'outputs', 'validate', 'status', 'force-unlock', 'catalog/dump'])(
    'the CLI runs %s from the bundle, whose static imports hold neither the emulator, PGlite, ajv nor (except import, which writes YAML) yaml',
    (command) => {
      const bundled = `dist/bundle/commands/${command}.js`;
      const loaded = [...reachable(bundled)];
      // A few files instead of the ~150 modules of dist/commands.
      expect(loaded.filter((f) => f.startsWith('dist/')).length).toBeLessThan(20);
      const packages = ['@electric-sql/pglite', 'ajv', ...(command === 'import' ? [] : ['yaml'])];
      expect(loaded.filter((f) => /^dist\/bundle\/chunks\/emulator-/.test(f) || packages.some((p) => f === p || f.startsWith(`${p}/`)))).toEqual([]);
    },
  );

  it('oclif loads the bundled commands', () => {
    const oclif = JSON.parse(readFileSync('package.json', 'utf8')).oclif as { commands: string; hooks: Record<string, string> };
    expect(oclif.commands).toBe('./dist/bundle/commands');
    expect(Object.values(oclif.hooks).every((h) => h.startsWith('./dist/bundle/'))).toBe(true);
    const manifest = JSON.parse(readFileSync('oclif.manifest.json', 'utf8')) as { commands: Record<string, { relativePath: string[] }> };
    for (const c of Object.values(manifest.commands)) expect(c.relativePath.slice(0, 3)).toEqual(['dist', 'bundle', 'commands']);
  });

  it('--version is answered without loading oclif, in the words oclif uses', async () => {
    expect(reachable('bin/run.js').has('@oclif/core')).toBe(false);
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/run.js', '--version']);
    expect(stdout).toBe(`${(await Config.load(process.cwd())).userAgent}\n`);
  });

  it('oclif reads the commands from the manifest written at build, which lists every command', () => {
    expect(existsSync('oclif.manifest.json')).toBe(true);
    const manifest = JSON.parse(readFileSync('oclif.manifest.json', 'utf8')) as { version: string; commands: Record<string, unknown> };
    const ids = commandFiles().map((f) => relative('dist/commands', f).replace(/\.js$/, '').replaceAll('/', ':'));
    expect(Object.keys(manifest.commands).sort()).toEqual(ids.sort());
    expect(manifest.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
