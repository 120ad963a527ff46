#!/usr/bin/env node
// Runs after `tsc` and the manifest validator: bundles each command module, with the code of
// mzform it imports, into dist/bundle/ (what oclif loads; package.json "oclif.commands"). A
// command then loads a few files instead of about 150: Node resolves, reads and compiles each
// module on its own, which was a tenth of a large plan. Code shared by commands goes into
// chunks; what is imported on first use only (the emulator) stays a chunk of its own, loaded
// when used. Packages stay in node_modules. dist/ keeps the unbundled modules for tests and
// scripts that import one module.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');

function modulesIn(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modulesIn(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

rmSync(outdir, { recursive: true, force: true });
const entryPoints = [...modulesIn(join(dist, 'commands')), join(dist, 'cli', 'command-not-found.js')].sort();
const result = await build({
  entryPoints,
  outbase: dist,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Chunk names hash their content: the same sources always give the same files.
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`bundle: ${entryPoints.length} entry points, ${files.length} files`);
