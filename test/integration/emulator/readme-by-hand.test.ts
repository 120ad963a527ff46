import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../run-cli.js';

/**
 * The README's quick start by hand, on a checkout where the state file's
 * folder does not exist yet: plan (reads, writes nothing), apply (creates the
 * folder and the file), plan again (no changes).
 */
const dir = mkdtempSync(join(tmpdir(), 'mzform-readme-'));
const state = join(dir, '.mzform', 'state.json');
const env = { MSK_PASSWORD: 'example', MZFORM_FINGERPRINT_KEY: 'some-key-of-a-decent-length-0123456789', NO_COLOR: '1' };
const manifest = ['-f', 'examples/msk-privatelink.yaml', '--emulator', '--emulator-state', state];

describe("the README's commands by hand", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plan, apply, plan: the first plan writes nothing, apply makes the state folder and file', async () => {
    const first = await runCli(['plan', ...manifest], { env });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('4 to create');
    expect(existsSync(join(dir, '.mzform')), 'plan is read-only: no folder, no state file').toBe(false);

    const apply = await runCli(['apply', ...manifest, '--auto-approve'], { env });
    expect(apply.status, apply.stderr).toBe(0);
    expect(JSON.parse(readFileSync(state, 'utf8')).catalog.items.length).toBeGreaterThanOrEqual(4);
    expect(existsSync(`${state}.lock`)).toBe(false);

    const before = readFileSync(state, 'utf8');
    const again = await runCli(['plan', ...manifest], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes.');
    expect(readFileSync(state, 'utf8')).toBe(before);
  });
});
