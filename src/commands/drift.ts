import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags, manifestLabel } from '../cli/manifest-flags.js';
import { diff } from '../diff/index.js';
import { checkUnreadableDeclared } from '../plan/index.js';
import { describeDrift, driftJson, hasDrift, renderDriftMarkdown, renderDriftText } from '../drift/index.js';
import { EXIT_CODES } from '../errors.js';
import { DEFAULT_ENVIRONMENT, driftIssueMarker } from '../github/index.js';
import {
  declaredSecretValues,
  fingerprintKeyFrom,
  loadActualFromRows,
  loadDesired,
  readCatalogDumpFile,
  readLiveCatalogRows,
  secretValuesNeeded,
  valuesNotReadNote,
} from '../pipeline/index.js';

export default class Drift extends BaseCommand<typeof Drift> {
  static override summary = 'Report what changed in Materialize outside the manifest; exit 2 when anything did.';

  static override description = `Compares the manifest with the live catalog, like plan, and lists each difference in plain words: fields changed by hand (the manifest's value and the live one), objects in the manifest that are missing (dropped outside mzform), objects created in the managed schemas outside the manifest, and secrets whose stored fingerprint no longer matches the manifest's value (needs MZFORM_FINGERPRINT_KEY). Nothing is changed.

Exit codes: 0 no drift, 2 drift found, 1 error, 3 invalid manifest or flags. Made for a nightly CI job; \`mzform plan --detailed-exitcode\` gives the same exit codes with the statements instead of the explanation.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format markdown --environment production > drift.md',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format json',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --catalog catalog.json',
  ];

  static override enableJsonFlag = true;

  static override flags = {
    file: manifestFlags.file,
    url: Flags.string({ description: 'Materialize connection URL. Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Compare with an in-process Materialize emulator (empty unless --emulator-state is given).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file.', dependsOn: ['emulator'] }),
    catalog: Flags.string({ description: 'Compare with a catalog dump (from `mzform catalog dump`) instead of connecting.', exclusive: ['url', 'emulator'] }),
    format: Flags.string({ description: 'Output format; json is the same report as --json, as for plan.', options: ['text', 'markdown', 'json'], default: 'text' }),
    environment: manifestFlags.environment,
  };

  public async run(): Promise<Record<string, unknown>> {
    const flags = this.flags;
    const env = process.env;
    fingerprintKeyFrom(env);
    const manifest = manifestLabel(flags.file);
    const environment = flags.environment ?? DEFAULT_ENVIRONMENT;
    // Without a fingerprint key no secret value is compared: drift then runs without the secret variables.
    const desired = await loadDesired(flags.file, env, { environment: flags.environment, secretValues: secretValuesNeeded(env) });
    const notRead = valuesNotReadNote(desired);
    if (notRead) this.logToStderr(`Note: ${notRead}`);
    const rows =
      flags.catalog !== undefined
        ? await readCatalogDumpFile(flags.catalog)
        : await readLiveCatalogRows({
            ...(flags.url !== undefined ? { url: flags.url } : {}),
            env,
            redact: declaredSecretValues(desired),
            ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
            ...(flags.debug ? { debug: (line: string) => this.logToStderr(`debug: ${line}`) } : {}),
          });
    const key = fingerprintKeyFrom(env);
    const actual = loadActualFromRows(rows, desired);
    // Like plan: a declared object whose definition cannot be read cannot be compared (never "missing").
    checkUnreadableDeclared(desired, actual);
    const changes = diff(desired, actual, key ? { fingerprintKey: key } : {});
    const report = describeDrift(changes, { manifest, secretsCompared: key !== undefined || !desired.objects.some((o) => o.kind === 'secret') });

    const asJson = this.jsonEnabled() || flags.format === 'json';
    if (!asJson) {
      const subject = environment === DEFAULT_ENVIRONMENT ? manifest : `${manifest} (${environment})`;
      process.stdout.write(
        flags.format === 'markdown'
          ? renderDriftMarkdown(report, { marker: driftIssueMarker({ manifest, environment }), subject })
          : renderDriftText(report),
      );
    }
    const json = driftJson(report);
    if (hasDrift(report)) {
      // oclif prints the returned value with --json only when run() returns; print it before exiting 2.
      if (asJson) this.logJson(json);
      this.exit(EXIT_CODES.changesPresent);
    }
    // With --json oclif prints what run() returns; --format json prints it here.
    if (asJson && !this.jsonEnabled()) this.logJson(json);
    return json;
  }
}
