import { BaseCommand } from '../cli/base-command.js';
import { manifestFlags } from '../cli/manifest-flags.js';
import { declaredEnvironments, loadManifest } from '../manifest/index.js';
import type { DesiredState } from '../model/index.js';

/** The `--json` result of a successful validation. A failure is `{error: {code, message, exitCode, diagnostics}}`. */
export interface ValidateResult {
  readonly valid: true;
  readonly file: string;
  /** The environment checked, when the manifest declares environments (the last one, without --environment). */
  readonly environment?: string;
  /** `tables` only when the manifest declares tables from sources. */
  readonly counts: { readonly secrets: number; readonly connections: number; readonly sources: number; readonly tables?: number };
}

export default class Validate extends BaseCommand<typeof Validate> {
  static override summary = 'Check a manifest without touching any database.';

  static override description = `Parses the manifest, checks it against the JSON Schema and checks what the schema cannot express: references to undeclared objects or to objects of the wrong kind, duplicate names, dependency cycles and option combinations Materialize refuses. Secret values are resolved (\${env:NAME}, \${file:path}) but never printed.

Every problem is reported, as file:line:column: object: message. Exits 0 when the manifest is valid and 3 when it is not.`;

  static override examples = ['<%= config.bin %> <%= command.id %> -f materialize.yaml', '<%= config.bin %> <%= command.id %> --file materialize.yaml --json'];

  static override enableJsonFlag = true;

  static override flags = {
    file: manifestFlags.file,
    environment: manifestFlags.environment,
  };

  public async run(): Promise<ValidateResult> {
    // Without --environment, a manifest with environments is checked in each of them.
    const environments = this.flags.environment !== undefined ? [this.flags.environment] : declaredEnvironments(this.flags.file);
    let result: ValidateResult | undefined;
    for (const environment of environments.length > 0 ? environments : [undefined]) {
      // A lint step needs no secrets: values that cannot be read are reported as not checked.
      const state = await loadManifest(this.flags.file, { secretValues: 'if-available', ...(environment !== undefined ? { environment } : {}) });
      result = summarize(state);
      this.log(describeResult(result));
      if (state.valuesNotRead) this.logToStderr(`Note: secret values were not checked${state.environment !== undefined ? ` (${state.environment})` : ''}: ${state.valuesNotRead.join('; ')}`);
    }
    return result!;
  }
}

export function summarize(state: DesiredState): ValidateResult {
  const count = (kind: string) => state.objects.filter((o) => o.kind === kind).length;
  return { valid: true, file: state.file, ...(state.environment !== undefined ? { environment: state.environment } : {}), counts: { secrets: count('secret'), connections: count('connection'), sources: count('source'), ...(count('table') > 0 ? { tables: count('table') } : {}) } };
}

export function describeResult(result: ValidateResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const { secrets, connections, sources, tables } = result.counts;
  const tableCount = tables !== undefined ? `, ${plural(tables, 'table')}` : '';
  return `${result.file}${result.environment !== undefined ? ` (${result.environment})` : ''} is valid: ${plural(secrets, 'secret')}, ${plural(connections, 'connection')}, ${plural(sources, 'source')}${tableCount}.`;
}
