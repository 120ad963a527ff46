import { access, writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { toActualState } from '../catalog/index.js';
import { BaseCommand } from '../cli/base-command.js';
import { InputError, RuntimeError } from '../errors.js';
import { type ImportResult, parseSelection, writeManifest } from '../import/index.js';
import { displayName } from '../model/index.js';
import { readLiveCatalogAndRole } from '../pipeline/index.js';

/** The `--json` result: what was written, and the variables to set. */
export interface ImportJson {
  readonly file: string | null;
  /** The manifest text, when it was not written to a file. */
  readonly manifest: string | null;
  readonly objects: readonly { readonly kind: string; readonly name: string }[];
  readonly pulledIn: readonly string[];
  readonly variables: readonly { readonly variable: string; readonly secret: string }[];
  readonly notes: readonly string[];
}

export default class Import extends BaseCommand<typeof Import> {
  static override summary = 'Write a manifest for secrets, connections, sources and tables from sources that already exist.';

  static override description = `Reads the live catalog and writes a manifest declaring the objects of the schemas given with --schema and the objects named with --object, plus every object they reference. Comments, owners, clusters and references are kept, except an owner that is the role import connects as (what mzform creates gets that owner anyway; ownership of those objects is then left alone). Right after import, \`mzform plan\` on the written manifest shows no changes.

Secret values cannot be read back from Materialize. Each secret becomes \${env:NAME}, NAME being the secret's name in upper snake case (kafka-password -> KAFKA_PASSWORD; when two secrets give the same NAME, their schema, then database, is put in front). The variables to set are printed on standard error and listed at the top of the manifest. Without MZFORM_FINGERPRINT_KEY the plan says "No changes." and warns that secret values were not compared; with it, the first plan sets each imported secret once, because no fingerprint is stored yet.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> --schema public --out materialize.yaml',
    '<%= config.bin %> <%= command.id %> --schema analytics.ingest --out ingest.yaml --url postgres://user@host:6875/materialize?sslmode=require',
    '<%= config.bin %> <%= command.id %> --object kafka_source --object ops.pg_source > materialize.yaml',
    '<%= config.bin %> <%= command.id %> --schema public --out materialize.yaml --json',
  ];

  static override enableJsonFlag = true;

  static override flags = {
    schema: Flags.string({ description: 'Import every secret, connection and source of this schema (`schema` or `database.schema`; repeatable).', multiple: true }),
    object: Flags.string({ description: 'Import this object and what it references (`name`, `schema.name` or `database.schema.name`; repeatable).', multiple: true }),
    database: Flags.string({ description: 'Database for --schema and --object values that name none.', default: 'materialize' }),
    out: Flags.string({ char: 'o', description: 'Write the manifest to this file (refused if it exists, unless --force). Default: standard output.' }),
    force: Flags.boolean({ description: 'Overwrite the --out file.', dependsOn: ['out'] }),
    url: Flags.string({ description: 'Materialize connection URL. Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Read an in-process Materialize emulator instead (empty unless --emulator-state is given).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file.', dependsOn: ['emulator'] }),
  };

  public async run(): Promise<ImportJson> {
    const flags = this.flags;
    const selection = parseSelection(flags.schema ?? [], flags.object ?? [], { database: flags.database, schema: 'public' });
    if (flags.out !== undefined && !flags.force && (await exists(flags.out))) {
      throw new InputError('import.file-exists', `${flags.out} exists`, { hint: 'Pass --force to overwrite it, or choose another --out.' });
    }
    const { rows, role } = await readLiveCatalogAndRole({
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
      ...(flags.debug ? { debug: (line: string) => this.logToStderr(`debug: ${line}`) } : {}),
    });
    // Definitions mzform cannot read are an error only where the user asked to import.
    const inScope = (n: { database: string; schema: string; name: string }) =>
      selection.schemas.some((s) => s.database === n.database && s.schema === n.schema) ||
      selection.objects.some((o) => o.database === n.database && o.schema === n.schema && o.name === n.name);
    const result = writeManifest(toActualState(rows, { inScope }), selection, { connectedRole: role });

    if (flags.out === undefined) {
      // With --json the manifest is a field of the result instead.
      if (!this.jsonEnabled()) process.stdout.write(result.manifest);
    } else {
      try {
        await writeFile(flags.out, result.manifest);
      } catch (err) {
        throw new RuntimeError('import.write-failed', `cannot write ${flags.out}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (!this.jsonEnabled()) this.logToStderr(describeImport(result, flags.out));
    return toJson(result, flags.out);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function toJson(result: ImportResult, file: string | undefined): ImportJson {
  return {
    file: file ?? null,
    manifest: file === undefined ? result.manifest : null,
    objects: result.objects.map((o) => ({ kind: o.kind, name: displayName(o.name) })),
    pulledIn: result.pulledIn.map(displayName),
    variables: result.variables.map((v) => ({ variable: v.variable, secret: displayName(v.secret) })),
    notes: result.notes,
  };
}

/** What the user reads on stderr: what was written, and what to do next. */
export function describeImport(result: ImportResult, file: string | undefined): string {
  const count = (kind: string) => result.objects.filter((o) => o.kind === kind).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Tables from sources are named only when there are some, so that legacy imports read as before.
  const counts = [plural(count('secret'), 'secret'), plural(count('connection'), 'connection'), plural(count('source'), 'source')];
  if (count('table') > 0) counts.push(plural(count('table'), 'table'));
  const lines = [`Imported ${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}${file ? ` into ${file}` : ''}.`];
  if (result.pulledIn.length > 0) lines.push(`Also written because the selection references them: ${result.pulledIn.map(displayName).join(', ')}.`);
  if (result.variables.length > 0) {
    lines.push('', 'Secret values cannot be read back. Set these environment variables before plan or apply:');
    for (const v of result.variables) lines.push(`  ${v.variable}  (secret ${displayName(v.secret)})`);
  }
  for (const note of result.notes) lines.push('', `Note: ${note}`);
  return lines.join('\n');
}
