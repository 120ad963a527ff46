import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DesiredState } from '../model/index.js';
import { InputError } from '../errors.js';
import { parseManifestSources, type ManifestSource } from './parse-manifest.js';
import { readTextFile, TextFileProblem } from './text-file.js';
import { createValueResolver } from './value-resolver.js';
import { YamlDocument } from './yaml-document.js';

/** A manifest of this size is far beyond any real one (10,000 objects is about 3 MiB); the limit stops /dev/zero and the like. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const MANIFEST_EXTENSIONS = /\.ya?ml$/;

export interface LoadManifestOptions {
  /** Where `${env:NAME}` values come from; defaults to the process environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The directory relative manifest paths are read from; defaults to the working directory. */
  readonly cwd?: string;
  /** `--environment`: which `environments:` entry supplies `${var:...}`. */
  readonly environment?: string;
  /** `if-available` for read-only commands that neither set nor compare secret values. */
  readonly secretValues?: 'read' | 'if-available';
}

/**
 * Read, validate and resolve a manifest: one file, several files, or a
 * directory (every `*.yaml` / `*.yml` directly in it, in byte order of their
 * names, so the result never depends on the file system). Throws
 * ManifestError (exit code 3) listing every problem, or InputError
 * `manifest.unreadable`; messages name the files as the caller wrote them.
 * `${file:...}` paths are relative to the manifest file that names them, so a
 * manifest and its certificates move together.
 */
export async function loadManifest(files: string | readonly string[], options: LoadManifestOptions = {}): Promise<DesiredState> {
  const given = typeof files === 'string' ? [files] : files;
  if (given.length === 0) throw new InputError('manifest.unreadable', 'no manifest file given');
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const paths = expandManifestPaths(given, cwd);
  const texts = paths.map((file) => ({ file, text: readManifestText(file, cwd) }));
  // Between reading, parsing and checking, other work of the process gets a turn: a plan
  // connects to Materialize and sends its first catalog query while the manifest is read.
  await nextTurn();
  const sources: ManifestSource[] = texts.map((t) => ({ ...t, yaml: new YamlDocument(t.text) }));
  await nextTurn();
  return parseManifestSources(sources, {
    env,
    resolverFor: (file) => createValueResolver({ env, baseDir: dirname(resolve(cwd, file)) }),
    name: given.join(', '),
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    ...(options.secretValues ? { secretValues: options.secretValues } : {}),
  });
}

/** The environments the manifest declares (`environments:` of any of its files), sorted; empty when it declares none. */
export function declaredEnvironments(files: string | readonly string[], options: Pick<LoadManifestOptions, 'cwd'> = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const names = new Set<string>();
  for (const file of expandManifestPaths(typeof files === 'string' ? [files] : files, cwd)) {
    let value: unknown;
    try {
      value = new YamlDocument(readManifestText(file, cwd)).toJS();
    } catch {
      continue; // Loading reports it, with its position.
    }
    const environments = (value as { environments?: unknown } | null)?.environments;
    if (typeof environments === 'object' && environments !== null && !Array.isArray(environments)) for (const name of Object.keys(environments)) names.add(name);
  }
  return [...names].sort();
}

/** Files as given, directories replaced by their manifests; the same file named twice is read once. */
export function expandManifestPaths(given: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const entry of given) {
    let isDirectory = false;
    try {
      isDirectory = statSync(resolve(cwd, entry)).isDirectory();
    } catch {
      // Not there: reading it reports the error with the name as given.
    }
    if (!isDirectory) {
      add(entry);
      continue;
    }
    const names = readdirSync(resolve(cwd, entry), { withFileTypes: true })
      .filter((d) => (d.isFile() || d.isSymbolicLink()) && MANIFEST_EXTENSIONS.test(d.name) && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    if (names.length === 0) throw new InputError('manifest.unreadable', `cannot read manifest ${entry}: the directory holds no .yaml or .yml file`);
    for (const name of names) add(join(entry, name));
  }
  return out;
}

function readManifestText(file: string, cwd: string): string {
  try {
    return readTextFile(resolve(cwd, file), MAX_MANIFEST_BYTES);
  } catch (err) {
    if (err instanceof TextFileProblem) throw new InputError('manifest.unreadable', `cannot read manifest ${file}: ${err.message}`);
    throw err;
  }
}

/** Lets pending I/O callbacks run before the next synchronous step. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
