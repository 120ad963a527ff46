import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../../src/manifest/index.js';
import { renderCreate } from '../../../src/sql/index.js';
import { readStatementFixtures } from '../../unit/sql/fixture-file.js';
import { CANARY_ENV } from './canary.js';

/** Paths relative to the repository root, where vitest and the benchmark run. */
const EXAMPLES_DIR = 'examples';
const BAD_MANIFESTS_DIR = 'test/fixtures/manifests/bad';
const SQL_FIXTURE_DIRS = ['test/fixtures/sql', 'test/fixtures/sql/golden', 'test/fixtures/sql/seeds', 'test/fixtures/sql/semantics'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** The example manifests (valid, every documented setup) and the invalid ones of the manifest tests. */
export function manifestCorpus(): readonly string[] {
  return [...yamlFiles(EXAMPLES_DIR), ...yamlFiles(BAD_MANIFESTS_DIR)].map((f) => readFileSync(f, 'utf8'));
}

/**
 * Real statements: every statement fixture (documentation, observed server
 * output, golden renders) and every object of every example as mzform renders it.
 */
export function createSqlCorpus(): readonly string[] {
  const fixtures = SQL_FIXTURE_DIRS.flatMap((dir) => readStatementFixtures(dir).map((f) => f.sql));
  const rendered = yamlFiles(EXAMPLES_DIR).flatMap((file) =>
    parseManifest(readFileSync(file, 'utf8'), file, CANARY_ENV).objects.map((o) => String(renderCreate(o).sql)),
  );
  return [...new Set([...fixtures, ...rendered])];
}
