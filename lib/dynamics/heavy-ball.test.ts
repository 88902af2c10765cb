import { describe, expect, it } from "vitest";
import { createObjective } from "../objectives";
import { runTrajectory } from "../optim";
import { createDiagonalQuadratic } from "./diagonal-quadratic";
import {
  computeRateGrid,
  getHeavyBallMatrix,
  getHeavyBallOptimum,
  getHeavyBallRate,
  getHeavyBallRootRadius,
  getStepsPerDecade,
} from "./heavy-ball";

/** Eigenvalues of a real 2×2 matrix as [re, im] pairs, from its trace and determinant. */
function getEigenvalues([a, b, c, d]: readonly number[]): [number, number][] {
  const tr = (a as number) + (d as number);
  const det = (a as number) * (d as number) - (b as number) * (c as number);
  const disc = (tr * tr) / 4 - det;
  if (disc >= 0)
    return [
      [tr / 2 + Math.sqrt(disc), 0],
      [tr / 2 - Math.sqrt(disc), 0],
    ];
  return [
    [tr / 2, Math.sqrt(-disc)],
    [tr / 2, -Math.sqrt(-disc)],
  ];
}

/**
 * The contraction per step that a run of lib/optim's SGD shows: the envelope max‖x_s‖ over a window
 * (complex roots make ‖x‖ oscillate inside it), compared between two times far apart.
 */
function measureContraction(
  run: { points: Map<number, Float64Array> },
  from: number,
  to: number,
  window: number,
) {
  const envelope = (t: number) => {
    let m = 0;
    for (let s = t; s < t + window; s++) {
      const p = run.points.get(s) as Float64Array;
      m = Math.max(m, Math.hypot(...p));
    }
    return m;
  };
  return (envelope(to) / envelope(from)) ** (1 / (to - from));
}

describe("heavy-ball rate", () => {
  it("is the largest eigenvalue modulus of the 2×2 iteration matrix", () => {
    for (const [lr, mu, lambda] of [
      [0.1, 0.9, 1],
      [1.5, 0.2, 1],
      [3.9, 0.95, 1],
      [0.5, 0.5, 0.01],
      [2.5, 0.1, 1],
    ] as const) {
      const eig = getEigenvalues(getHeavyBallMatrix(lr, mu, lambda));
      const radius = Math.max(...eig.map(([re, im]) => Math.hypot(re, im)));
      expect(getHeavyBallRootRadius(lr, mu, lambda)).toBeCloseTo(radius, 12);
    }
  });

  it("without momentum is plain gradient descent's max |1 − ηλ|", () => {
    expect(getHeavyBallRate(0.3, 0, [1, 0.1])).toBeCloseTo(Math.max(0.7, 0.97), 14);
    // Gradient descent's best step 2/(L + ℓ) gives (κ − 1)/(κ + 1).
    expect(getHeavyBallRate(2 / 1.01, 0, [1, 0.01])).toBeCloseTo(99 / 101, 12);
  });

  it.each([10, 100, 1000, 1e4])("at Polyak's optimum for κ = %d converges at (√κ − 1)/(√κ + 1)", (kappa) => {
    const opt = getHeavyBallOptimum(1 / kappa, 1);
    const root = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
    expect(opt.lr).toBeCloseTo((2 / (1 + Math.sqrt(1 / kappa))) ** 2, 12);
    expect(opt.momentum).toBeCloseTo(root * root, 12);
    expect(getHeavyBallRate(opt.lr, opt.momentum, [1 / kappa, 1])).toBeCloseTo(root, 6);
    // ... and it is the best point: a fine grid around it finds nothing faster.
    let best = Number.POSITIVE_INFINITY;
    for (let i = -20; i <= 20; i++) {
      for (let j = -20; j <= 20; j++) {
        const lr = opt.lr * (1 + i * 0.01);
        const mu = Math.min(0.9999, opt.momentum + j * 0.002);
        best = Math.min(best, getHeavyBallRate(lr, mu, [1 / kappa, 0.5, 1]));
      }
    }
    expect(best).toBeGreaterThan(root - 1e-6);
  });

  it("is below 1 exactly when 0 < η < 2(1 + μ)/L and 0 ≤ μ < 1", () => {
    for (const mu of [0, 0.3, 0.9]) {
      const edge = 2 * (1 + mu);
      expect(getHeavyBallRate(edge * 0.999, mu, [0.01, 1])).toBeLessThan(1);
      expect(getHeavyBallRate(edge * 1.001, mu, [0.01, 1])).toBeGreaterThan(1);
    }
    expect(getHeavyBallRate(0.5, 1, [0.01, 1])).toBeCloseTo(1, 12);
  });

  it("samples a grid with the top row at the largest momentum", () => {
    const grid = computeRateGrid([0.01, 1], [0, 4], [0, 1], 40, 20);
    expect(grid.values).toHaveLength(800);
    expect(grid.values[0]).toBeCloseTo(getHeavyBallRate(0.05, 0.975, [0.01, 1]), 14);
    expect(grid.values[19 * 40 + 39]).toBeCloseTo(getHeavyBallRate(3.95, 0.025, [0.01, 1]), 14);
  });

  it("gives the steps per tenfold shrink", () => {
    expect(getStepsPerDecade(0.1)).toBeCloseTo(1, 12);
    expect(getStepsPerDecade(1)).toBe(Number.POSITIVE_INFINITY);
    expect(getStepsPerDecade(0)).toBe(0);
  });
});

describe("the rate against lib/optim's SGD with momentum", () => {
  it("iterating the 2×2 matrix from (θ₀, 0) reproduces PyTorch's first step and every later one", () => {
    const lambdas = [0.05, 1];
    const run = runTrajectory({
      optimizer: "sgd",
      hparams: { lr: 0.7, momentum: 0.8 },
      objective: createDiagonalQuadratic(lambdas),
      x0: [1.5, -1],
      steps: 60,
    });
    lambdas.forEach((lambda, i) => {
      const [a, b, c, d] = getHeavyBallMatrix(0.7, 0.8, lambda);
      let theta = i === 0 ? 1.5 : -1;
      let v = 0;
      for (let t = 1; t <= 60; t++) {
        [theta, v] = [a * theta + b * v, c * theta + d * v];
        expect((run.points.get(t) as Float64Array)[i]).toBeCloseTo(theta, 12);
      }
    });
  });

  // (κ, η, μ) on lib/objectives' quadratic, eigenvalues 1 and κ: real roots, complex roots, divergence.
  it.each([
    [10, 0.05, 0.5],
    [10, 0.15, 0.3],
    [100, 0.005, 0.9],
    [100, 0.015, 0.6],
    [10, 0.21, 0.0],
    [10, 0.3, 0.4],
  ])("κ = %s, η = %s, μ = %s: the measured contraction per step is the spectral radius", (kappa, lr, mu) => {
    const rate = getHeavyBallRate(lr, mu, [1, kappa]);
    // Long enough for the slower mode to dominate, short enough to stay far from underflow/overflow.
    const span = Math.min(2000, Math.ceil(20 / Math.abs(Math.log(rate))));
    const run = runTrajectory({
      optimizer: "sgd",
      hparams: { lr, momentum: mu },
      objective: createObjective("quadratic", { condition: kappa }, { dim: 2 }),
      x0: [1, 1],
      steps: 2 * span + 60,
    });
    const measured = measureContraction(run, span, 2 * span, 60);
    expect(Math.abs(measured - rate)).toBeLessThan(2e-3);
  });
});
