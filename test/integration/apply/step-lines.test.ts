import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Emulator, injectFault, startEmulator } from './emulator.js';
import { hasTmux, tmuxServer } from './tmux.js';

/**
 * `apply` prints each step once, as it ends. On a terminal (the CLI inside
 * tmux, a pseudo terminal) a count with the time elapsed is redrawn in place
 * below the lines while a step runs; without one (CI) the lines are plain.
 */
const exec = promisify(execFile);
const tmux = tmuxServer('mzform-steps');

const STEP_LINES = [
  /^step 1\/4: create secret materialize\.public\.kafka_password: done in \d+\.\d\d s$/m,
  /^step 2\/4: create connection materialize\.public\.privatelink_svc: done in \d+\.\d\d s$/m,
  /^step 3\/4: create connection materialize\.public\.kafka_connection: done in \d+\.\d\d s$/m,
  /^step 4\/4: create source materialize\.public\.json_source: done in \d+\.\d\d s$/m,
];
const SUMMARY = /^Apply complete: 4 created, 0 altered, 0 replaced, 0 dropped \(4 steps in \d+\.\d\d s\)\.$/m;

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});
afterAll(async () => {
  await tmux('kill-server').catch(() => undefined);
});

describe('the steps of apply', () => {
  it('without a terminal: one plain line per step on stderr, no escape code, and a report of counts that lists no step again', async () => {
    emulator = await startEmulator();
    const { stdout, stderr } = await exec(process.execPath, ['bin/run.js', 'apply', '-f', 'examples/msk-privatelink.yaml', '--auto-approve', '--url', emulator.url], {
      env: { PATH: process.env.PATH ?? '', MSK_PASSWORD: 'x' },
    });
    expect(stderr).not.toContain('\x1b');
    for (const line of STEP_LINES) expect(stderr.match(new RegExp(line.source, 'gm'))).toHaveLength(1);
    expect(stderr.split('\n').filter((l) => l.startsWith('step '))).toHaveLength(4);
    expect(stdout).toMatch(SUMMARY);
    expect(stdout).not.toMatch(/^\s*(\[done\]\s+)?step \d/m);
  });

  it.skipIf(!hasTmux)('on a terminal: each step once, and while one runs a count with the time elapsed, redrawn in place (needs tmux)', async () => {
    emulator = await startEmulator();
    // Every statement waits a little, so that a step is under way long enough to be seen.
    injectFault(emulator, { kind: 'latency', ms: 300 });
    const command = `cd '${process.cwd()}' && MSK_PASSWORD=x node bin/run.js apply -f examples/msk-privatelink.yaml --auto-approve --url '${emulator.url}'; echo EXIT=$?; sleep 60`;
    await tmux('new-session', '-d', '-s', 'steps', '-x', '150', '-y', '50', command);
    const screens: string[] = [];
    const end = Date.now() + 50_000;
    while (Date.now() < end) {
      const now = (await tmux('capture-pane', '-p', '-S', '-200', '-t', 'steps')).stdout;
      screens.push(now);
      if (now.includes('EXIT=')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const last = screens[screens.length - 1] ?? '';
    expect(last).toContain('EXIT=0');
    // While a step ran, the last line counted it, with the time since the first step began.
    expect(screens.some((s) => /^step [1-4]\/4, \d+s elapsed: create \w+ materialize\.public\.\w+ \.\.\.$/m.test(s)), screens.join('\n----\n')).toBe(true);
    // Redrawn in place: on the final screen each step shows once, and no count is left.
    for (const line of STEP_LINES) expect(last.match(new RegExp(line.source, 'gm'))).toHaveLength(1);
    expect(last).not.toContain('elapsed:');
    expect(last).toMatch(SUMMARY);
  }, 70_000);
});
