import { Flags } from '@oclif/core';
import { BaseCommand } from '../cli/base-command.js';
import { loadManifest } from '../manifest/index.js';
import type { DesiredState } from '../model/index.js';

/** The `--json` result of a successful validation. A failure is `{error: {code, message, exitCode, diagnostics}}`. */
export interface ValidateResult {
  readonly valid: true;
  readonly file: string;
  readonly counts: { readonly secrets: number; readonly connections: number; readonly sources: number };
}

export default class Validate extends BaseCommand<typeof Validate> {
  static override summary = 'Check a manifest without touching any database.';

  static override description = `Parses the manifest, checks it against the JSON Schema and checks what the schema cannot express: references to undeclared objects or to objects of the wrong kind, duplicate names, dependency cycles and option combinations Materialize refuses. Secret values are resolved (\${env:NAME}, \${file:path}) but never printed.

Every problem is reported, as file:line:column: object: message. Exits 0 when the manifest is valid and 3 when it is not.`;

  static override examples = ['<%= config.bin %> <%= command.id %> -f materialize.yaml', '<%= config.bin %> <%= command.id %> --file materialize.yaml --json'];

  static override enableJsonFlag = true;

  static override flags = {
    file: Flags.string({ char: 'f', description: 'The manifest to check.', default: 'materialize.yaml' }),
  };

  public async run(): Promise<ValidateResult> {
    const state = await loadManifest(this.flags.file);
    const result = summarize(state);
    this.log(describeResult(result));
    return result;
  }
}

export function summarize(state: DesiredState): ValidateResult {
  const count = (kind: string) => state.objects.filter((o) => o.kind === kind).length;
  return { valid: true, file: state.file, counts: { secrets: count('secret'), connections: count('connection'), sources: count('source') } };
}

export function describeResult(result: ValidateResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const { secrets, connections, sources } = result.counts;
  return `${result.file} is valid: ${plural(secrets, 'secret')}, ${plural(connections, 'connection')}, ${plural(sources, 'source')}.`;
}
