/**
 * Fuzzing is reproducible: a fixed seed unless MZFORM_FUZZ_SEED asks for
 * another, and MZFORM_FUZZ_SCALE multiplies the number of inputs (for a
 * longer run by hand; the default keeps `npm test` fast).
 */
export function fuzzSeed(): number {
  const given = process.env.MZFORM_FUZZ_SEED;
  return given === undefined || given === '' ? 20_250_101 : Number.parseInt(given, 10) >>> 0;
}

export function fuzzInputs(base: number): number {
  const scale = Number(process.env.MZFORM_FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
