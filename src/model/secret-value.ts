/**
 * Where a secret's value comes from, as the user wrote it: `env:KAFKA_PASSWORD`
 * or `file:certs/ca.pem`. This is what plans and outputs show instead of the value.
 */
export type SecretSource =
  | { readonly kind: 'env'; readonly variable: string }
  | { readonly kind: 'file'; readonly path: string };

export function describeSecretSource(source: SecretSource): string {
  switch (source.kind) {
    case 'env':
      return `env:${source.variable}`;
    case 'file':
      return `file:${source.path}`;
  }
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A resolved secret value. The value sits in a private field so that
 * JSON.stringify, console.log, util.inspect and template strings all show the
 * source, never the value. Only `reveal()` gives it out, and only the code that
 * sends the statement to the server (and the fingerprint) should call it.
 */
export class SecretValue {
  readonly #value: string;

  constructor(
    readonly source: SecretSource,
    value: string,
  ) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return `<secret from ${describeSecretSource(this.source)}>`;
  }

  toJSON(): { source: string } {
    return { source: describeSecretSource(this.source) };
  }

  [inspectSymbol](): string {
    return this.toString();
  }
}
