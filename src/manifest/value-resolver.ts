import { isAbsolute, resolve } from 'node:path';
import { readTextFile, TextFileProblem } from './text-file.js';

/** Materialize refuses larger secrets ("secrets can not be bigger than 512KiB"); no certificate or host comes close. */
export const MAX_VALUE_BYTES = 512 * 1024;

/** A value read from outside the manifest, or why it could not be. Problems name the variable or file, never a value. */
export type Resolved = { readonly value: string } | { readonly problem: string };

/**
 * Where `${env:NAME}` and `${file:path}` values come from. Every path that
 * needs a value (plan, apply, apply of a saved plan, drift, outputs,
 * validate) gets it from one of these, so the same manifest always yields
 * the same bytes: files are relative to the manifest file that names them
 * (not to the working directory), read by `readTextFile` (regular files
 * only, size-limited while reading, byte-order mark removed, invalid UTF-8
 * refused), and empty values or NUL characters are refused.
 */
export interface ValueResolver {
  env(name: string): Resolved;
  /** `path` as written; relative paths are taken from `baseDir`. */
  file(path: string): Resolved;
  /** The absolute path `file(path)` reads: the identity of a file value. */
  filePath(path: string): string;
}

export interface ValueResolverOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory of the manifest file; `${file:...}` paths are relative to it. */
  readonly baseDir: string;
}

export function createValueResolver(options: ValueResolverOptions): ValueResolver {
  const filePath = (path: string) => (isAbsolute(path) ? path : resolve(options.baseDir, path));
  return {
    env(name) {
      const found = options.env[name];
      if (found === undefined) return { problem: `environment variable ${name} is not set` };
      return checked(found, `environment variable ${name}`);
    },
    file(path) {
      let text: string;
      try {
        text = readTextFile(filePath(path), MAX_VALUE_BYTES);
      } catch (err) {
        if (err instanceof TextFileProblem) return { problem: `cannot read file ${path}: ${err.message}` };
        throw err;
      }
      return checked(text, `file ${path}`);
    },
    filePath,
  };
}

function checked(value: string, what: string): Resolved {
  if (value === '') return { problem: `${what} is empty` };
  if (value.includes('\0')) return { problem: `the value from ${what} contains a NUL character` };
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) return { problem: `the value from ${what} is larger than 512 KiB` };
  return { value };
}
