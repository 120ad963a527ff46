import { Flags } from '@oclif/core';
import { renderOutputsJson, renderOutputsText, runOutputs, toOutputJson, validationLines, type OutputJson } from '../apply/index.js';
import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags, readTargetFlags } from '../cli/manifest-flags.js';
import { RuntimeError } from '../errors.js';
import { displayName } from '../model/index.js';

export default class Outputs extends BaseCommand<typeof Outputs> {
  static override summary = 'Print what to configure outside Materialize: SSH public keys, PrivateLink principals, AWS external ids.';

  static override description = `Reads the catalog (read-only) and prints, for the manifest's connections: both public keys of each SSH tunnel (for the bastion's authorized_keys), the principal of each AWS PrivateLink connection (for the VPC endpoint service's allowed principals) and the external id of each AWS connection (for the IAM role's trust policy).

--validate also runs VALIDATE CONNECTION on every connection of the manifest and reports each result: the second half of the two-phase flow, once the bastion or the endpoint service is configured. Exit codes: 0 (also when a connection does not validate, unless --validate-strict), 1 error, 3 invalid manifest or flags.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> -f materialize.yaml',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --format json',
    '<%= config.bin %> <%= command.id %> -f materialize.yaml --validate',
  ];

  static override flags = {
    file: manifestFlags.file,
    environment: manifestFlags.environment,
    ...readTargetFlags,
    format: Flags.string({ description: 'Output format.', options: ['text', 'json'], default: 'text' }),
    validate: Flags.boolean({ description: "Run VALIDATE CONNECTION on the manifest's connections and report each result." }),
    'validate-strict': Flags.boolean({ description: 'With --validate, exit 1 when a connection does not validate.', dependsOn: ['validate'] }),
  };

  public async run(): Promise<{ outputs: OutputJson[] }> {
    const flags = this.flags;
    const debug = flags.debug ? (line: string) => this.logToStderr(`debug: ${line}`) : undefined;
    const result = await runOutputs({
      file: flags.file,
      ...(flags.environment !== undefined ? { environment: flags.environment } : {}),
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
      validate: flags.validate,
      ...(debug ? { debug } : {}),
    });
    if (flags.format === 'json') {
      const doc = JSON.parse(renderOutputsJson(result.outputs)) as Record<string, unknown>;
      if (result.validations) {
        doc.validations = result.validations.map((v) => ({ display_name: displayName(v.name), ok: v.ok, ...(v.message !== undefined ? { message: v.message } : {}) }));
      }
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      process.stdout.write(renderOutputsText(result.outputs));
      if (result.validations) process.stdout.write(`\n${validationLines(result.validations, 'the manifest has no connection in the catalog').join('\n')}\n`);
    }
    const invalid = result.validations?.filter((v) => !v.ok) ?? [];
    if (flags['validate-strict'] && invalid.length > 0) {
      throw new RuntimeError('outputs.validation-failed', `${invalid.length} connection${invalid.length === 1 ? '' : 's'} did not validate: ${invalid.map((v) => displayName(v.name)).join(', ')}`);
    }
    return { outputs: result.outputs.map(toOutputJson) };
  }
}
