import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index.js';

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly client: pg.Client;
  /** Runs one statement; returns rows, or the error's message and SQLSTATE. */
  run(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] } | { error: string; code: string }>;
  close(): Promise<void>;
}

export async function openHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options);
  const client = new pg.Client({ connectionString: emulator.url });
  await client.connect();
  return {
    emulator,
    client,
    run: async (sql, params) => {
      try {
        const r = await client.query(sql, params);
        return { rows: r.rows as Record<string, unknown>[] };
      } catch (err) {
        const e = err as { message: string; code: string };
        return { error: e.message, code: e.code };
      }
    },
    close: async () => {
      await client.end();
      await emulator.stop();
    },
  };
}

export function rowsOf(result: Awaited<ReturnType<Harness['run']>>): Record<string, unknown>[] {
  if ('error' in result) throw new Error(`statement failed: ${result.code} ${result.error}`);
  return result.rows;
}

/** A fixture of test/fixtures/fidelity/, parsed. */
export function fidelityFixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/fidelity/${file}`, import.meta.url), 'utf8')) as T;
}

/** A harness opened before the file's tests, with `setup` run once, and closed after them. */
export function useHarness(setup: readonly string[] = []): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await openHarness();
    for (const s of setup) rowsOf(await h.run(s));
  });
  afterAll(async () => {
    await h?.close();
  });
  return () => h!;
}
