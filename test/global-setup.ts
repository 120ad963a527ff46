import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Tests run the CLI as a user does, from the built dist/. `npm test` builds
 * first; a bare `vitest run` on a fresh checkout builds here instead of
 * letting those tests fail on a missing file.
 */
export default function setup(): void {
  // Said once, plainly: which server the target tests (test/integration/target) run against.
  process.stdout.write(
    process.env['MZFORM_TEST_URL']
      ? 'Target tests run against the Materialize MZFORM_TEST_URL names, each in a schema of its own.\n'
      : 'Target tests run against the emulator only: MZFORM_TEST_URL is not set, so no real Materialize was tested (docs/testing.md).\n',
  );
  // The bundle is the last thing the build writes before oclif's manifest: present, the build ran.
  if (existsSync('dist/bundle/commands/apply.js') && existsSync('oclif.manifest.json')) return;
  const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
