import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { CATALOG_DUMP_FORMAT_VERSION, serializeCatalogDump } from '../../catalog/index.js';
import { BaseCommand } from '../../cli/base-command.js';
import { RuntimeError } from '../../errors.js';
import { readLiveCatalogRows } from '../../pipeline/index.js';

export default class CatalogDump extends BaseCommand<typeof CatalogDump> {
  static override summary = 'Save the catalog rows mzform reads, so that plan can run offline with --catalog.';

  static override description = `Runs the introspection queries (a fixed number, whatever the number of objects) and prints their raw rows as versioned JSON ("format_version": ${CATALOG_DUMP_FORMAT_VERSION}). \`mzform plan --catalog FILE\` then plans against the file with no database connection, and gives the same plan as a live one: the rows go through the same code.

The dump holds names, owners, clusters, comments, dependencies and each connection's and source's create_sql, and the public outputs (SSH public keys, PrivateLink principals, AWS external ids). It holds no secret values: Materialize never returns them. Nor does it hold the keyed fingerprints mzform keeps in secrets' comments: the fingerprint line is left out and the secret listed under "fingerprintsWithheld", so \`plan --catalog\` and \`drift --catalog\` report those secrets' values as not checked, never as changed. A version 2 dump (which carried fingerprints) still reads, its fingerprints set aside the same way.`;

  static override examples = [
    '<%= config.bin %> <%= command.id %> --url postgres://user@host:6875/materialize?sslmode=require > catalog.json',
    '<%= config.bin %> <%= command.id %> --out catalog.json && <%= config.bin %> plan -f materialize.yaml --catalog catalog.json',
  ];

  static override flags = {
    url: Flags.string({ description: 'Materialize connection URL. Default: MZFORM_URL, then PG* variables.' }),
    emulator: Flags.boolean({ description: 'Read an in-process Materialize emulator instead (empty unless --emulator-state is given).', exclusive: ['url'] }),
    'emulator-state': Flags.string({ description: 'Load the emulator from this state file.', dependsOn: ['emulator'] }),
    out: Flags.string({ char: 'o', description: 'Write the dump to this file instead of standard output.' }),
  };

  public async run(): Promise<void> {
    const flags = this.flags;
    const rows = await readLiveCatalogRows({
      ...(flags.url !== undefined ? { url: flags.url } : {}),
      env: process.env,
      ...(flags.emulator ? { emulator: flags['emulator-state'] ? { stateFile: flags['emulator-state'] } : {} } : {}),
      ...(flags.debug ? { debug: (line: string) => this.logToStderr(`debug: ${line}`) } : {}),
    });
    const text = serializeCatalogDump(rows);
    if (flags.out === undefined) {
      process.stdout.write(text);
      return;
    }
    try {
      await writeFile(flags.out, text);
    } catch (err) {
      throw new RuntimeError('catalog-dump.write-failed', `cannot write ${flags.out}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.logToStderr(`Wrote ${rows.objects.length} catalog objects to ${flags.out}.`);
  }
}
