import { computeRateGrid, getHeavyBallOptimum, getHeavyBallRate } from "@/lib/dynamics/heavy-ball";
import { type ContourPath, getContourPaths } from "./plot-math";

/** The learning-rate axis of the momentum map, in units of 1/L (L = 1): every convergent η is below 4. */
export const LR_RANGE = [0, 4] as const;
/** The momentum axis of the momentum map. */
export const MOMENTUM_RANGE = [0, 1] as const;

/** Upper edges of the rate bands, fastest first; the last band (ρ ≥ 1) does not converge. */
export const RATE_BANDS = [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1] as const;

/** Hessian eigenvalues of the figure's quadratic: ℓ = 1/κ and L = 1. */
export function getEigenvalues(kappa: number): [number, number] {
  return [1 / kappa, 1];
}

/** A filled band of the map: the region where the rate is at least `from`, painted in band order. */
export interface RateBand extends ContourPath {
  readonly index: number;
}

/**
 * The map's bands as SVG paths over a width × height plot: band k covers ρ ≥ lower edge of k, so
 * painting them in order leaves each point coloured by its own band.
 */
export function getRateBands(kappa: number, width: number, height: number, nx = 100, ny = 64): RateBand[] {
  const grid = computeRateGrid(getEigenvalues(kappa), LR_RANGE, MOMENTUM_RANGE, nx, ny);
  const thresholds = [0, ...RATE_BANDS];
  const paths = getContourPaths(
    { ...grid, min: 0, max: Number.POSITIVE_INFINITY },
    thresholds,
    width,
    height,
  );
  return paths.map((p) => ({ ...p, index: thresholds.indexOf(p.value) }));
}

/** The figure's numbers for one κ and the reader's (η, μ). */
export function describeMomentumMap(kappa: number, lr: number, momentum: number) {
  const eigenvalues = getEigenvalues(kappa);
  const optimum = getHeavyBallOptimum(eigenvalues[0], eigenvalues[1]);
  return {
    optimum,
    rate: getHeavyBallRate(lr, momentum, eigenvalues),
    // Plain gradient descent at its best step 2/(L + ℓ): (κ − 1)/(κ + 1).
    gdRate: getHeavyBallRate(2 / (eigenvalues[0] + eigenvalues[1]), 0, eigenvalues),
  };
}
