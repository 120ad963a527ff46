/**
 * `UPDATE_GOLDEN=1` rewrites golden files instead of comparing with them.
 * Never in CI: there a rewrite would turn every golden comparison into a
 * test that cannot fail, so the combination is refused outright.
 */
export function updatingGolden(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env.UPDATE_GOLDEN !== '1') return false;
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') {
    throw new Error('UPDATE_GOLDEN=1 is refused when CI is set: golden files are compared in CI, never rewritten');
  }
  return true;
}
