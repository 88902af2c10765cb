/**
 * Heavy-ball momentum on a quadratic, in PyTorch's form (v ← μv + g, θ ← θ − ηv), analysed exactly.
 *
 * Along an eigenvector of the Hessian with eigenvalue λ the gradient is λθ, so one step maps the
 * state (θ, v) linearly: θ' = (1 − ηλ)θ − ημv and v' = λθ + μv. The error shrinks per step by the
 * spectral radius of that 2×2 matrix; over all eigenvalues, by the largest of them.
 */

/** The iteration matrix [[1 − ηλ, −ημ], [λ, μ]] acting on (θ_t, v_t), row-major. */
export function getHeavyBallMatrix(
  lr: number,
  momentum: number,
  lambda: number,
): [number, number, number, number] {
  return [1 - lr * lambda, -lr * momentum, lambda, momentum];
}

/**
 * Spectral radius of the iteration matrix for one eigenvalue: the larger modulus of the roots of
 * z² − (1 + μ − ηλ) z + μ. Complex roots have modulus √μ; real roots are (b ± √(b² − 4μ)) / 2.
 */
export function getHeavyBallRootRadius(lr: number, momentum: number, lambda: number): number {
  const b = 1 + momentum - lr * lambda;
  const disc = b * b - 4 * momentum;
  if (disc < 0) return Math.sqrt(momentum);
  const s = Math.sqrt(disc);
  return Math.max(Math.abs(b + s), Math.abs(b - s)) / 2;
}

/**
 * The convergence rate of heavy ball on a quadratic with these Hessian eigenvalues: the error
 * contracts by this factor per step in the long run (≥ 1: no convergence).
 */
export function getHeavyBallRate(lr: number, momentum: number, eigenvalues: ArrayLike<number>): number {
  let rate = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    rate = Math.max(rate, getHeavyBallRootRadius(lr, momentum, eigenvalues[i] as number));
  }
  return rate;
}

/** The best constant (η, μ) for eigenvalues in [ℓ, L] (Polyak), with the rate it reaches. */
export interface HeavyBallOptimum {
  readonly lr: number;
  readonly momentum: number;
  readonly rate: number;
}

/** η* = (2 / (√L + √ℓ))², μ* = ((√κ − 1) / (√κ + 1))², rate √μ* = (√κ − 1) / (√κ + 1), κ = L / ℓ. */
export function getHeavyBallOptimum(smallest: number, largest: number): HeavyBallOptimum {
  if (!(smallest > 0) || !(largest >= smallest)) {
    throw new RangeError(`need 0 < smallest <= largest, got ${smallest}, ${largest}`);
  }
  const sqrtKappa = Math.sqrt(largest / smallest);
  const root = (sqrtKappa - 1) / (sqrtKappa + 1);
  return {
    lr: (2 / (Math.sqrt(largest) + Math.sqrt(smallest))) ** 2,
    momentum: root * root,
    rate: root,
  };
}

/** Steps for the error to shrink tenfold at this rate (Infinity when it does not converge). */
export function getStepsPerDecade(rate: number): number {
  if (!(rate < 1)) return Number.POSITIVE_INFINITY;
  if (rate <= 0) return 0;
  return Math.log(10) / -Math.log(rate);
}

/** A rate sampled over (η, μ) at cell centres; row 0 is the largest μ (the top), as d3-contour reads it. */
export interface RateGrid {
  readonly nx: number;
  readonly ny: number;
  readonly lr: readonly [number, number];
  readonly momentum: readonly [number, number];
  readonly values: Float64Array;
}

/** Samples getHeavyBallRate on an nx × ny grid over lr × momentum. */
export function computeRateGrid(
  eigenvalues: ArrayLike<number>,
  lr: readonly [number, number],
  momentum: readonly [number, number],
  nx: number,
  ny: number,
): RateGrid {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const mu = momentum[1] - ((j + 0.5) * (momentum[1] - momentum[0])) / ny;
    for (let i = 0; i < nx; i++) {
      const eta = lr[0] + ((i + 0.5) * (lr[1] - lr[0])) / nx;
      values[j * nx + i] = getHeavyBallRate(eta, mu, eigenvalues);
    }
  }
  return { nx, ny, lr, momentum, values };
}
