import { Flags } from '@oclif/core';

/**
 * The flags every command that reads a manifest shares, defined once so that
 * they mean the same everywhere: `-f` (a file, several, or a directory) and
 * `--environment` (which `environments:` entry the manifest's `${var:...}`
 * take, and the name in PR-comment and drift-issue markers).
 */
export const manifestFlags = {
  file: Flags.string({
    char: 'f',
    description: 'The manifest: a file, or a directory (every .yaml/.yml in it). Repeat for several files.',
    multiple: true,
    multipleNonGreedy: true,
    default: ['materialize.yaml'],
  }),
  environment: Flags.string({
    description:
      'The environment: selects the manifest\'s environments.<name>.variables for ${var:...}, and names the PR comment and drift issue (one per manifest and environment). Default: MZFORM_ENVIRONMENT.',
    env: 'MZFORM_ENVIRONMENT',
  }),
};

/**
 * Where a read-only command reads the catalog: a URL, or the in-process
 * emulator (optionally loaded from a state file). Shared by `outputs` and
 * `status`, which read the same way.
 */
export const readTargetFlags = {
  url: Flags.string({ description: 'Materialize connection URL. Default: MZFORM_URL, then PG* variables.' }),
  emulator: Flags.boolean({ description: 'Read an in-process Materialize emulator (empty unless --emulator-state is given).', exclusive: ['url'] }),
  'emulator-state': Flags.string({ description: 'Load the emulator from this state file.', dependsOn: ['emulator'] }),
};

/** How the manifest is named in markers and headings: the files as given. */
export function manifestLabel(files: readonly string[]): string {
  return files.join(', ');
}
