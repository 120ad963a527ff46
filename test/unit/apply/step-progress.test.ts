import { describe, expect, it } from 'vitest';
import { type StepResult, stepProgressWriter } from '../../../src/apply/index.js';
import type { Step } from '../../../src/plan/index.js';

const n = (name: string) => ({ database: 'materialize', schema: 'public', name });
const step = (id: string, name: string) => ({ id, action: 'create', objectKind: 'connection', name: n(name), statements: [] }) as unknown as Step;
const done = (id: string, name: string, status: StepResult['status'] = 'done'): StepResult => ({
  id,
  action: 'create',
  objectKind: 'connection',
  name: n(name),
  status,
  statementsRun: 1,
  statementsTotal: 1,
});

/** A stream that keeps what was written, and a clock the test moves. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let now = 1000;
  const writer = stepProgressWriter({ write: (t) => void written.push(t), isTTY, columns: 80 }, { now: () => now, redrawMs: 60_000 });
  return { written, writer, advance: (ms: number) => (now += ms) };
}

function run(isTTY: boolean) {
  const { written, writer, advance } = setup(isTTY);
  writer.started(step('1', 'a'), { index: 1, total: 2 });
  advance(120);
  writer.ended(done('1', 'a'), { index: 1, total: 2, durationMs: 120 });
  writer.started(step('2', 'a_connection_with_a_name_long_enough_to_be_cut'), { index: 2, total: 2 });
  advance(3000);
  writer.ended(done('2', 'a_connection_with_a_name_long_enough_to_be_cut', 'failed'), { index: 2, total: 2, durationMs: 3000 });
  writer.finish();
  return { text: written.join(''), elapsedMs: writer.elapsedMs };
}

describe('the step lines of apply', () => {
  it('elsewhere than a terminal (CI): one plain line per step as it ends, with its duration, and no escape code', () => {
    const { text, elapsedMs } = run(false);
    expect(text).toBe(
      'step 1/2: create connection materialize.public.a: done in 0.12 s\n' +
        'step 2/2: create connection materialize.public.a_connection_with_a_name_long_enough_to_be_cut: FAILED in 3.00 s\n',
    );
    expect(elapsedMs).toBe(3120);
  });

  it('on a terminal: the same lines, and below them a count with the time elapsed, redrawn in place and cleared at the end', () => {
    const { text } = run(true);
    expect(text).toContain('\r\x1b[2Kstep 1/2, 0s elapsed: create connection materialize.public.a ...');
    expect(text).toContain('\r\x1b[2Kstep 1/2: create connection materialize.public.a: done in 0.12 s\n');
    // The redrawn line is cut to the width (80 columns) so that it never wraps.
    const long = 'step 2/2, 0s elapsed: create connection materialize.public.a_connection_with_a_name_long_enough_to_be_cut ...';
    expect(text).toContain(`\r\x1b[2K${long.slice(0, 78)}…\r`);
    // What stays on screen once the escapes are played: each step once, no count left over.
    expect(played(text)).toEqual([
      'step 1/2: create connection materialize.public.a: done in 0.12 s',
      'step 2/2: create connection materialize.public.a_connection_with_a_name_long_enough_to_be_cut: FAILED in 3.00 s',
      '',
    ]);
  });

  it('puts a notice (a signal) on a line of its own above the redrawn count, which comes back below it', () => {
    const { written, writer } = setup(true);
    writer.started(step('1', 'a'), { index: 1, total: 2 });
    writer.interject('Interrupted (Ctrl-C): finishing the statement under way');
    writer.ended(done('1', 'a'), { index: 1, total: 2, durationMs: 120 });
    writer.finish();
    expect(played(written.join(''))).toEqual([
      'Interrupted (Ctrl-C): finishing the statement under way',
      'step 1/2: create connection materialize.public.a: done in 0.12 s',
      '',
    ]);
    expect(written.join('')).toContain('finishing the statement under way\n\r\x1b[2Kstep 1/2, 0s elapsed:');
  });

  it('times each apply of a rollout afresh', () => {
    const { writer, advance } = setup(false);
    writer.started(step('1', 'a'), { index: 1, total: 1 });
    advance(500);
    writer.ended(done('1', 'a'), { index: 1, total: 1, durationMs: 500 });
    writer.finish();
    advance(10_000);
    writer.started(step('1', 'b'), { index: 1, total: 1 });
    advance(200);
    writer.ended(done('1', 'b'), { index: 1, total: 1, durationMs: 200 });
    writer.finish();
    expect(writer.elapsedMs).toBe(200);
  });
});

/** The lines a terminal shows after `\r` and `ESC[2K` (clear line) are played. */
function played(text: string): string[] {
  const lines: string[] = [''];
  for (const part of text.split(/(\r|\x1b\[2K|\n)/)) {
    if (part === '\r' || part === '\x1b[2K') lines[lines.length - 1] = '';
    else if (part === '\n') lines.push('');
    else lines[lines.length - 1] += part;
  }
  return lines;
}
