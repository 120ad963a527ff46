import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { type Emulator, startEmulator } from './emulator.js';

/** The secret and Postgres connection (host `pg.internal`) of the manifests that read upstream Postgres tables. */
export const POSTGRES_CONNECTION_YAML = `secrets:
  pgpass:
    value: \${env:PGPASS}
connections:
  pg:
    type: postgres
    host: pg.internal
    database: shop
    user: mz
    password: { secret: pgpass }
`;

/** What a test file of sources with upstream tables works in: filled in before its first test. */
export interface UpstreamWorkspace {
  emulator: Emulator;
  /** A folder of its own, removed after the file's tests. */
  dir: string;
  /** `materialize.yaml` in that folder, for the manifest the tests write. */
  file: string;
}

/**
 * Registers the hooks of a file whose sources read upstream tables: an emulator
 * whose upstream `host` holds `tables` (`schema.table`), and a folder for the
 * manifest; both are gone after the file's tests.
 */
export function useUpstreamWorkspace(host: string, tables: readonly string[], folderPrefix: string): UpstreamWorkspace {
  const workspace = {} as UpstreamWorkspace;
  beforeAll(async () => {
    workspace.emulator = await startEmulator();
    workspace.dir = mkdtempSync(join(tmpdir(), folderPrefix));
    workspace.file = join(workspace.dir, 'materialize.yaml');
    const db = await connect({ url: workspace.emulator.url, env: {} });
    try {
      await db.execute(`EMULATOR UPSTREAM TABLES '${host}' (${tables.map((t) => `'${t}'`).join(', ')})`);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await workspace.emulator?.stop();
    if (workspace.dir) rmSync(workspace.dir, { recursive: true, force: true });
  });
  return workspace;
}
