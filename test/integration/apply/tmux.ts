import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** tmux gives the CLI a real pseudo terminal; tests that need one skip without it (apt-get install -y tmux). */
const exec = promisify(execFile);
// Top-level await: the check never blocks the worker (see test/run-cli.ts).
export const hasTmux = await exec('tmux', ['-V']).then(
  () => true,
  () => false,
);

/** tmux on a server of its own (`-L name`), so that tests never touch the user's sessions or each other's. */
export function tmuxServer(name: string): (...args: string[]) => Promise<{ stdout: string }> {
  const socket = `${name}-${process.pid}`;
  return (...args) => exec('tmux', ['-L', socket, ...args]);
}
