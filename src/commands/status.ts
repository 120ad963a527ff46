import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags, readTargetFlags } from '../cli/manifest-flags.js';
import { EXIT_CODES } from '../errors.js';
import { overallVerdict, renderStatusJson, renderStatusMarkdown, renderStatusText } from '../health/index.js';
import { readManifestHealth } from '../pipeline/index.js';

export default class Status extends BaseCommand<typeof Status> {
  static override summary = 'Report the health of every source and PrivateLink connection the manifest manages; exit 5 when any is not healthy.';

  static override description = `Reads Materialize's own health relations (mz_internal.mz_source_statuses, mz_source_statistics, mz_aws_privatelink_connection_statuses) in three queries and gives, per object: a verdict (ok, wait, FAIL, missing), Materialize's status and when it last changed, the last error (secret values removed), snapshot progress, and for a PrivateLink connection waiting for acceptance, the principal to allow. Nothing is changed.

Exit codes: 0 everything healthy, 5 anything pending, unhealthy or missing, 1 error, 3 invalid manifest or flags.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format markdown >> drift.md',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format json',
  ];

  static override flags = {
    file: manifestFlags.file,
    environment: manifestFlags.environment,
    ...readTargetFlags,
    format: Flags.string({ description: 'Output format.', options: ['text', 'markdown', 'json'], default: 'text' }),
  };

  public async run(): Promise<void> {
    const flags = this.flags;
    const health = await readManifestHealth(flags.file, {
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      environment: flags.environment,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
      ...(flags.debug ? { debug: (line: string) => this.logToStderr(`debug: ${line}`) } : {}),
    });
    process.stdout.write(flags.format === 'json' ? renderStatusJson(health) : flags.format === 'markdown' ? renderStatusMarkdown(health) : renderStatusText(health));
    if (overallVerdict(health) !== 'healthy') this.exit(EXIT_CODES.notHealthy);
  }
}
