import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { loadEmulatorConfig } from '../emulator/config-file.js';
import { EMULATED_VERSION, startEmulator } from '../emulator/index.js';

export default class Emulator extends BaseCommand<typeof Emulator> {
  static override summary = 'Run a local Materialize emulator for trying mzform and for tests.';

  static override description = `Serves the Postgres wire protocol like Materialize ${EMULATED_VERSION} (user materialize, database materialize, no password): secrets, connections and sources are kept in mz_catalog / mz_internal tables that any SELECT can read. Nothing upstream is contacted; validation passes unless --config names hosts as unreachable. Runs until interrupted; with --state, the catalog is loaded from and saved back to that file.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --port 6875 --state .mzform-emulator.json',
    '<%= config.bin %> <%= command.id %> --config emulator.json',
  ];

  static override flags = {
    port: Flags.integer({ description: 'TCP port to listen on (0 picks a free one).', default: 6875, min: 0, max: 65535 }),
    host: Flags.string({ description: 'Address to listen on.', default: '127.0.0.1' }),
    state: Flags.string({ description: 'Load the catalog from this JSON file if it exists, and save it there on exit.' }),
    'materialize-version': Flags.string({ description: 'The Materialize version to follow where v26 releases differ (default v26.7.0), e.g. v26.19.0.' }),
    config: Flags.string({ description: 'Emulator settings (unreachable hosts, missing topics, upstream tables, faults), as JSON.' }),
  };

  public async run(): Promise<void> {
    const config = this.flags.config ? await loadEmulatorConfig(this.flags.config) : {};
    const emulator = await startEmulator({
      ...config,
      port: this.flags.port,
      host: this.flags.host,
      ...(this.flags.state ? { stateFile: this.flags.state } : {}),
      ...(this.flags['materialize-version'] ? { version: this.flags['materialize-version'] } : {}),
    });
    this.log(`Materialize emulator (${EMULATED_VERSION} forms) listening on ${emulator.url}`);
    this.log('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await emulator.stop();
    if (this.flags.state) this.log(`Saved the emulator state to ${this.flags.state}`);
  }
}
