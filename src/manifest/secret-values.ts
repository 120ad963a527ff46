import { InputError } from '../errors.js';
import { describeSecretSource, SecretValue, type SecretSource } from '../model/index.js';
import type { ValueResolver } from './value-resolver.js';

/** Reads a file named by `${file:path}`, relative to the manifest; throws if it cannot. */
export type ReadSecretFile = (path: string) => string;

const REFERENCE = /^\$\{(env|file):(.+)\}$/;

/** `${env:NAME}` / `${file:path}` as written → where the value comes from; undefined for anything else. */
export function secretSourceOf(written: string): SecretSource | undefined {
  const match = REFERENCE.exec(written);
  if (!match) return undefined;
  const [, kind, target] = match as unknown as [string, 'env' | 'file', string];
  return kind === 'env' ? { kind: 'env', variable: target } : { kind: 'file', path: target };
}

/**
 * `${env:NAME}` or `${file:path}` → the value, wrapped so that it cannot be
 * printed. Problems name the variable or file, never any part of a value.
 * Without a resolver (a read-only command run without the secret variables)
 * the value is not read: the secret carries its source only.
 */
export function resolveSecretValue(written: string, resolver: ValueResolver): { value: SecretValue } | { problem: string } {
  const source = secretSourceOf(written);
  if (!source) return { problem: 'must be ${env:NAME} or ${file:path}' };
  const resolved = source.kind === 'env' ? resolver.env(source.variable) : resolver.file(source.path);
  if ('problem' in resolved) return resolved;
  return { value: new SecretValue(source, resolved.value) };
}

/**
 * A secret whose value was deliberately not read: a read-only command
 * (validate, outputs, drift without fingerprints, plan --catalog) run
 * without the secret variables. Plans show its source as for any secret;
 * nothing can send or compare it.
 */
export class UnreadSecretValue extends SecretValue {
  constructor(
    source: SecretSource,
    /** Why it was not read, e.g. `environment variable KAFKA_PASSWORD is not set`. */
    readonly reason: string,
  ) {
    super(source, '');
  }

  override reveal(): string {
    throw new InputError('secret.not-read', `the value of a secret from ${describeSecretSource(this.source)} was not read (${this.reason})`);
  }
}
