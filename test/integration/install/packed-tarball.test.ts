import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/db/index.js';
import { startEmulator } from '../apply/emulator.js';

/**
 * The package as users get it: `npm pack`, then `npm install ./mzform-x.y.z.tgz`
 * in an empty folder, and nothing from this work tree after that. Installing
 * the dependencies needs the npm registry or a warm npm cache.
 */
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('the packed tarball', () => {
  let dir: string;
  let bin: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mzform-install-'));
    // dist/ is already built by `npm test`; scripts off so packing does not rebuild under running tests.
    await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: resolve('.') });
    const project = join(dir, 'project');
    cpSync('examples/environments', join(project, 'manifest'), { recursive: true });
    await exec('npm', ['init', '-y'], { cwd: project });
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, `mzform-${VERSION}.tgz`)], { cwd: project });
    bin = join(project, 'node_modules', '.bin', 'mzform');
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('installs in an empty folder and runs', async () => {
    const { stdout } = await exec(bin, ['--version'], { cwd: join(dir, 'project') });
    expect(stdout).toMatch(new RegExp(`^mzform/${VERSION.replaceAll('.', '\\.')} `));
  });

  it('keeps the JSON Schema reachable for editors, identical to the one the loader uses', () => {
    const installed = join(dir, 'project', 'node_modules', 'mzform', 'schemas', 'manifest.schema.json');
    expect(existsSync(installed)).toBe(true);
    expect(readFileSync(installed, 'utf8')).toBe(readFileSync('schemas/manifest.schema.json', 'utf8'));
  });

  it('plans the two-environment example against a Materialize over TCP', async () => {
    const emulator = await startEmulator();
    try {
      const db = await connect({ url: emulator.url, env: {} });
      await db.execute('CREATE SCHEMA "materialize"."network"');
      await db.execute(`CREATE CONNECTION "materialize"."network"."msk_privatelink" TO AWS PRIVATELINK (SERVICE NAME 'com.amazonaws.vpce.us-east-1.vpce-svc-0e123abc123198abc', AVAILABILITY ZONES ('use1-az1', 'use1-az2'))`);
      await db.close();
      const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, BASTION_HOST: 'bastion.internal', PROD_KAFKA_PASSWORD: 'pw' };
      const { stdout } = await exec(bin, ['plan', '-f', 'manifest', '--environment', 'production', '--url', emulator.url], { cwd: join(dir, 'project'), env });
      expect(stdout).toMatch(/^Environment: production\n/);
      expect(stdout).toContain('Plan: 4 to create, 0 to alter, 0 to replace, 0 to drop.');
    } finally {
      await emulator.stop();
    }
  });

  it('ships the GitHub scripts, which answer --help', async () => {
    for (const script of ['upsert.mjs', 'action.mjs']) {
      const { stdout } = await exec(process.execPath, [join(dir, 'project', 'node_modules', 'mzform', 'scripts', 'github', script), '--help']);
      expect(stdout).toMatch(/^usage: /);
    }
  });
});
