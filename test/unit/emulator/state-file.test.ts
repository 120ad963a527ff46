import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/index.js';
import { InputError, RefusedError } from '../../../src/errors.js';
import { openHarness, rowsOf } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mzform-state-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the emulator state file', () => {
  it('is saved into a folder that does not exist yet', async () => {
    const file = join(dir, 'not', 'yet', 'state.json');
    const h = await openHarness({ stateFile: file });
    rowsOf(await h.run("CREATE SECRET s AS 'v'"));
    await h.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).catalog.items.map((i: { name: string }) => i.name)).toContain('s');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps what ALTER SYSTEM set across restarts, as Materialize keeps its system variables', async () => {
    const file = join(dir, 'state.json');
    const writer = await openHarness({ stateFile: file });
    rowsOf(await writer.run('ALTER SYSTEM SET enable_kafka_broker_matching_rules = true'));
    await writer.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).system_vars).toEqual({ enable_kafka_broker_matching_rules: 'on' });
    const loaded = await openHarness({ stateFile: file, stateReadOnly: true });
    try {
      rowsOf(await loaded.run("CREATE CONNECTION pl TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-1', AVAILABILITY ZONES ('use1-az1'))"));
      rowsOf(await loaded.run("CREATE CONNECTION k TO KAFKA (BROKERS ('b:9092', MATCHING '*' USING AWS PRIVATELINK pl), SECURITY PROTOCOL PLAINTEXT) WITH (VALIDATE = false)"));
    } finally {
      await loaded.close();
    }
  });

  it('with a system variable it does not know is invalid input, naming the file', async () => {
    const file = join(dir, 'state.json');
    const writer = await openHarness({ stateFile: file });
    await writer.close();
    const state = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...state, system_vars: { no_such: 'on' } }));
    const err = await startEmulator({ stateFile: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain(`emulator state file ${file} has bad system_vars: unrecognized configuration parameter "no_such"`);
  });

  it('loaded, leaves the engine with statistics of the rows it wrote (without them the dependency query of a plan ran for 55 s at 10,000 objects)', async () => {
    const file = join(dir, 'state.json');
    const writer = await openHarness({ stateFile: file });
    for (const name of ['a', 'b', 'c']) rowsOf(await writer.run(`CREATE SECRET ${name} AS 'v'`));
    await writer.close();
    const loaded = await openHarness({ stateFile: file, stateReadOnly: true });
    const [row] = rowsOf(await loaded.run("SELECT reltuples::int AS n FROM pg_class WHERE oid = 'mz_catalog.mz_secrets'::regclass"));
    await loaded.close();
    expect(row).toEqual({ n: 3 });
  });

  it('takes statistics again as the catalog grows, as autovacuum would (the embedded Postgres runs none)', async () => {
    const h = await openHarness();
    for (let i = 0; i < 100; i++) rowsOf(await h.run(`CREATE SECRET s${i} AS 'v'`));
    const [row] = rowsOf(await h.run("SELECT reltuples::int AS n FROM pg_class WHERE oid = 'mz_catalog.mz_secrets'::regclass"));
    await h.close();
    expect(row).toEqual({ n: 100 });
  }, 60_000);

  it('is only read, never written, when opened read-only', async () => {
    const file = join(dir, 'state.json');
    const writer = await openHarness({ stateFile: file });
    rowsOf(await writer.run("CREATE SECRET s AS 'v'"));
    await writer.close();
    const before = readFileSync(file, 'utf8');
    const reader = await openHarness({ stateFile: file, stateReadOnly: true });
    rowsOf(await reader.run("CREATE SECRET other AS 'v'"));
    await reader.close();
    expect(readFileSync(file, 'utf8')).toBe(before);

    const absent = join(dir, 'absent', 'state.json');
    await (await openHarness({ stateFile: absent, stateReadOnly: true })).close();
    expect(existsSync(join(dir, 'absent'))).toBe(false);
  });

  it.each([
    ['not JSON', '{ nope', /is not valid JSON/],
    ['a JSON list', '[]', /is not a JSON object/],
    ['an object without a version', '{}', /has format_version missing, expected 1/],
    ['another format version', '{"format_version": 7}', /has format_version 7, expected 1/],
    ['no catalog', '{"format_version": 1}', /has no catalog\.databases list/],
  ])('that is %s is invalid input (exit 3), naming the file', async (_what, text, message) => {
    const file = join(dir, 'state.json');
    writeFileSync(file, text);
    const err = await startEmulator({ stateFile: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(3);
    expect((err as InputError).message).toMatch(message);
    expect((err as InputError).message).toContain(file);
    // Refused before anything else: the lock is released, the file untouched.
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('is used by one writer at a time: a second run on it is refused, not left to overwrite the first', async () => {
    const file = join(dir, 'state.json');
    const first = await openHarness({ stateFile: file });
    const err = await startEmulator({ stateFile: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect((err as RefusedError).exitCode).toBe(4);
    expect((err as RefusedError).message).toContain(`emulator state file ${file} is in use by process ${process.pid}`);
    // A reader does not need the lock.
    await (await startEmulator({ stateFile: file, stateReadOnly: true })).stop();
    rowsOf(await first.run("CREATE SECRET kept AS 'v'"));
    await first.close();
    const second = await openHarness({ stateFile: file });
    expect(rowsOf(await second.run("SELECT name FROM mz_secrets WHERE name = 'kept'"))).toEqual([{ name: 'kept' }]);
    await second.close();
  });

  it('takes over the lock of a run that died', async () => {
    const file = join(dir, 'state.json');
    // A process id that is not running: a finished child's.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: '2020-01-01T00:00:00Z' }));
    const h = await openHarness({ stateFile: file });
    await h.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });
});

describe('EMULATOR SAVE from a client', () => {
  it('writes the state file given at start, with or without naming it', async () => {
    const file = join(dir, 'state.json');
    const h = await openHarness({ stateFile: file });
    try {
      rowsOf(await h.run("CREATE SECRET s AS 'v'"));
      rowsOf(await h.run('EMULATOR SAVE'));
      expect(readFileSync(file, 'utf8')).toContain('"name": "s"');
      rowsOf(await h.run(`EMULATOR SAVE '${file.replaceAll("'", "''")}'`));
    } finally {
      await h.close();
    }
  });

  it('writes a .json file directly in the save folder, and nothing else', async () => {
    const saves = join(dir, 'saves');
    const h = await openHarness({ stateFile: join(dir, 'state.json'), saveDirectory: saves });
    try {
      rowsOf(await h.run("EMULATOR SAVE 'snapshot.json'"));
      expect(existsSync(join(saves, 'snapshot.json'))).toBe(true);
      for (const target of ['../escape.json', join(dir, 'elsewhere.json'), 'sub/dir.json', 'notes.txt', '.hidden.json', saves]) {
        const result = await h.run(`EMULATOR SAVE '${target.replaceAll("'", "''")}'`);
        expect(result, target).toMatchObject({ code: '42501' });
        expect((result as { error: string }).error, target).toContain(`may write only the state file (${join(dir, 'state.json')}) or a .json file directly in ${saves}`);
      }
      expect(existsSync(join(dir, 'escape.json'))).toBe(false);
      expect(existsSync(join(dir, 'elsewhere.json'))).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('writes no file at all when the emulator has no state file or save folder', async () => {
    const h = await openHarness();
    try {
      const target = join(dir, 'anything.json');
      expect(await h.run(`EMULATOR SAVE '${target}'`)).toMatchObject({ code: '42501', error: expect.stringContaining('started without a state file or a save folder') });
      expect(await h.run('EMULATOR SAVE')).toMatchObject({ code: '42501' });
      expect(existsSync(target)).toBe(false);
    } finally {
      await h.close();
    }
  });
});
