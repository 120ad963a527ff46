import { SecretValue, type SecretSource } from '../model/index.js';

/** Reads a file named by `${file:path}`, relative to the manifest; throws if it cannot. */
export type ReadSecretFile = (path: string) => string;

/** Materialize refuses larger secrets ("secrets can not be bigger than 512KiB"). */
const MAX_SECRET_BYTES = 512 * 1024;

const REFERENCE = /^\$\{(env|file):(.+)\}$/;

/**
 * `${env:NAME}` or `${file:path}` → the value, wrapped so that it cannot be
 * printed. Problems name the variable or file, never any part of a value.
 */
export function resolveSecretValue(
  written: string,
  env: Readonly<Record<string, string | undefined>>,
  readFile: ReadSecretFile | undefined,
): { value: SecretValue } | { problem: string } {
  const match = REFERENCE.exec(written);
  if (!match) return { problem: 'must be ${env:NAME} or ${file:path}' };
  const [, kind, target] = match as unknown as [string, 'env' | 'file', string];
  let value: string;
  let source: SecretSource;
  if (kind === 'env') {
    source = { kind: 'env', variable: target };
    const found = env[target];
    if (found === undefined) return { problem: `environment variable ${target} is not set` };
    if (found === '') return { problem: `environment variable ${target} is empty` };
    value = found;
  } else {
    source = { kind: 'file', path: target };
    if (!readFile) return { problem: `cannot read ${target}: secret files are not available here` };
    try {
      value = readFile(target);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : 'unreadable');
      return { problem: `cannot read file ${target} (${reason})` };
    }
    if (value === '') return { problem: `file ${target} is empty` };
  }
  if (value.includes('\0')) return { problem: `the value from ${kind === 'env' ? `environment variable ${target}` : `file ${target}`} contains a NUL character` };
  if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) {
    return { problem: `the value from ${kind === 'env' ? `environment variable ${target}` : `file ${target}`} is larger than 512 KiB` };
  }
  return { value: new SecretValue(source, value) };
}
