import { afterAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './emulator.js';
import { hasTmux, tmuxServer } from './tmux.js';

/**
 * `apply --wait` on a real terminal: the CLI runs inside tmux (a pseudo
 * terminal of 150 columns), the test reads the screen while it waits.
 */
const tmux = tmuxServer('mzform-test');
const screen = async () => (await tmux('capture-pane', '-p', '-t', 'wait')).stdout;

let emulator: Emulator | undefined;
afterAll(async () => {
  await tmux('kill-server').catch(() => undefined);
  await emulator?.stop();
});

describe('apply --wait on a terminal', () => {
  it.skipIf(!hasTmux)('shows a progress bar redrawn in place (needs tmux: apt-get install -y tmux)', async () => {
    emulator = await startEmulator({ lifecycle: { sourceStartMs: 200, snapshotMs: 5000, snapshotRecords: 80_000 } });
    const command = `cd '${process.cwd()}' && MSK_PASSWORD=x node bin/run.js apply -f examples/msk-privatelink.yaml --auto-approve --wait --url '${emulator.url}' > /dev/null; echo EXIT=$?; sleep 60`;
    await tmux('new-session', '-d', '-s', 'wait', '-x', '150', '-y', '40', command);
    const screens: string[] = [];
    const end = Date.now() + 40_000;
    while (Date.now() < end) {
      const now = await screen();
      screens.push(now);
      if (now.includes('EXIT=')) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const last = screens[screens.length - 1] ?? '';
    expect(last).toContain('EXIT=0');
    // Mid-snapshot, the screen showed a partly filled bar with the counts.
    expect(screens.some((s) => /materialize\.public\.json_source +running +\[█+░+\] +\d+% +[\d,]+ of 80,000 records/.test(s)), screens.join('\n----\n')).toBe(true);
    // Redrawn in place: one heading per wait (PrivateLink, then the source), however many reads there were.
    expect(last.match(/^Waiting: /gm)).toHaveLength(2);
    expect(last).toMatch(/Waiting: 2 of 2 ready/);
    expect(last).toMatch(/ok +source +materialize\.public\.json_source +running +snapshot done \(80,000 records\)/);
  }, 60_000);
});
