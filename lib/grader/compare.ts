// The one comparison rule of Run (browser, lib/exercises/visible-run.ts) and Submit (grader child).
// No imports: the browser's Run worker bundles this file, and result.ts (zod) stays out of it.

/** Relative tolerance of the comparison with the reference core. */
export const GRADER_RTOL = 1e-6;

/** The tolerance as stated to the learner (GRADER_RTOL written out). */
export const TOLERANCE_TEXT =
  "|x − x_ref| ≤ 1e-6 · max(1, |x_ref|) for every coordinate at every recorded step";

/** True when `actual` is within the grader's tolerance of `expected` (NaN and ±∞ never are). */
export function isWithinTolerance(expected: number, actual: number): boolean {
  return Math.abs(actual - expected) <= GRADER_RTOL * Math.max(1, Math.abs(expected));
}

/** Like isWithinTolerance, but NaN matches NaN and an infinity the same infinity (for variants). */
export function isSameValue(expected: number, actual: number): boolean {
  if (Number.isNaN(expected) || !Number.isFinite(expected))
    return Object.is(expected, actual) || (Number.isNaN(expected) && Number.isNaN(actual));
  return isWithinTolerance(expected, actual);
}

/** First recorded (row, coordinate) where actual leaves the tolerance, or null. */
export function findDivergence(
  expected: Float64Array,
  actual: Float64Array,
  dim: number,
  same: (e: number, a: number) => boolean = isWithinTolerance,
): { row: number; coordinate: number } | null {
  const rows = Math.min(expected.length, actual.length) / dim;
  for (let r = 0; r < rows; r++) {
    const base = r * dim;
    for (let i = 0; i < dim; i++) {
      if (!same(expected[base + i] as number, actual[base + i] as number)) return { row: r, coordinate: i };
    }
  }
  return null;
}
