/**
 * The gradient noise scale of McCandlish, Kaplan, Amodei et al. (2018), "An Empirical Model of
 * Large-Batch Training": how large a batch can get before it stops buying fewer steps.
 *
 * A mini-batch gradient G_B of B examples drawn independently has E|G_B|² = |G|² + tr(Σ)/B, where
 * G is the true gradient and Σ the per-example gradient covariance. Measuring |G_B|² at two batch
 * sizes therefore gives both unknowns (their Appendix A.1), and B_simple = tr(Σ)/|G|².
 */

/** The squared norm of a mini-batch gradient measured at one batch size. */
export interface GradientNormSample {
  readonly batch: number;
  readonly squaredNorm: number;
}

/** The unbiased estimates of |G|² and tr(Σ) from two batch sizes, and their ratio B_simple. */
export interface NoiseScaleEstimate {
  readonly gradientSquaredNorm: number;
  readonly trace: number;
  readonly simple: number;
}

/**
 * |G|² ≈ (B_big|G_big|² − B_small|G_small|²)/(B_big − B_small) and
 * tr(Σ) ≈ (|G_small|² − |G_big|²)/(1/B_small − 1/B_big): the two equations E|G_B|² = |G|² + tr(Σ)/B
 * solved for the two unknowns.
 */
export function estimateNoiseScale(small: GradientNormSample, big: GradientNormSample): NoiseScaleEstimate {
  if (!(small.batch > 0 && big.batch > small.batch)) {
    throw new RangeError(`need 0 < small batch < big batch, got ${small.batch}, ${big.batch}`);
  }
  const gradientSquaredNorm =
    (big.batch * big.squaredNorm - small.batch * small.squaredNorm) / (big.batch - small.batch);
  const trace = (small.squaredNorm - big.squaredNorm) / (1 / small.batch - 1 / big.batch);
  return { gradientSquaredNorm, trace, simple: trace / gradientSquaredNorm };
}

/**
 * Steps needed at batch B relative to the fewest possible (infinite batch): S/S_min = 1 + B_noise/B.
 * With examples E = B·S this is the paper's trade-off (S/S_min − 1)(E/E_min − 1) = 1.
 */
export function getStepsRatio(noiseScale: number, batch: number): number {
  return 1 + noiseScale / batch;
}

/** Examples processed at batch B relative to the fewest possible (batch → 0): E/E_min = 1 + B/B_noise. */
export function getExamplesRatio(noiseScale: number, batch: number): number {
  return 1 + batch / noiseScale;
}
