import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Tests run the CLI as a user does, from the built dist/. `npm test` builds
 * first; a bare `vitest run` on a fresh checkout builds here instead of
 * letting those tests fail on a missing file.
 */
export default function setup(): void {
  if (existsSync('dist/commands/apply.js')) return;
  const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
