import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DesiredState } from '../model/index.js';
import { InputError } from '../errors.js';
import { parseManifest } from './parse-manifest.js';

export interface LoadManifestOptions {
  /** Where `${env:NAME}` values come from; defaults to the process environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The directory a relative manifest path is read from; defaults to the working directory. */
  readonly cwd?: string;
}

/**
 * Read, validate and resolve a manifest file. Throws ManifestError (exit code 3)
 * listing every problem, or InputError `manifest.unreadable`; messages name the
 * file as the caller wrote it.
 */
export async function loadManifest(file: string, options: LoadManifestOptions = {}): Promise<DesiredState> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  let text: string;
  try {
    text = decodeUtf8(await readFile(path));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describe(err);
    throw new InputError('manifest.unreadable', `cannot read manifest ${file}: ${reason}`);
  }
  // `${file:...}` paths are relative to the manifest, so a manifest and its certificates move together.
  const base = dirname(path);
  const readSecretFile = (relative: string) => decodeUtf8(readFileSync(resolve(base, relative)));
  return parseManifest(text, file, options.env ?? process.env, readSecretFile);
}

/** Materialize stores secrets and definitions as UTF-8 and refuses anything else, so refuse it here first. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8');
  }
}

function describe(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}
