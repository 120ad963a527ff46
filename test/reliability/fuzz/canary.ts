/**
 * A secret value no input contains: any output that shows it has leaked a
 * secret. Every `${env:NAME}` and `${file:...}` of a fuzzed manifest resolves to it.
 */
export const CANARY = 'canary-7Hq2-secret-value';

export const CANARY_ENV: Readonly<Record<string, string | undefined>> = new Proxy(
  {},
  { get: (_target, name) => (typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? CANARY : undefined) },
);

/** Files a fuzzed `${file:...}` may name; any other path is missing, which the manifest must report. */
export function canaryFile(path: string): string {
  if (path.endsWith('.pem') || path.endsWith('.key')) return CANARY;
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}
