/** BENCH_QUICK=1: small sizes, for the smoke test and a first look; the figures then mean little. */
export const QUICK = process.env.BENCH_QUICK === '1';

/** The size for the full run, or the quick one. */
export const size = (full: number, quick: number): number => (QUICK ? quick : full);
