/**
 * Fuzzing is reproducible: a fixed seed unless MZFORM_FUZZ_SEED asks for
 * another. A campaign is bounded by count and by time: it tries inputs
 * 0, 1, 2, ... until it reaches its count or its time budget, whichever comes
 * first, and always at least its floor (so a slow machine runs a shorter
 * prefix of the same sequence, never nothing). MZFORM_FUZZ_SCALE multiplies
 * count, budget and floor, for a longer run by hand.
 */
export function fuzzSeed(): number {
  const given = process.env.MZFORM_FUZZ_SEED;
  return given === undefined || given === '' ? 20_250_101 : Number.parseInt(given, 10) >>> 0;
}

export interface FuzzBounds {
  readonly inputs: number;
  readonly timeBudgetMs: number;
  readonly minInputs: number;
}

export function fuzzBounds(base: FuzzBounds): FuzzBounds {
  const given = Number(process.env.MZFORM_FUZZ_SCALE ?? '1');
  const scale = Number.isFinite(given) && given > 0 ? given : 1;
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return { inputs: scaled(base.inputs), timeBudgetMs: scaled(base.timeBudgetMs), minInputs: scaled(base.minInputs) };
}
