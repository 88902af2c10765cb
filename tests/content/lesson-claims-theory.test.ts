// Numbers that lesson 15 (what theory promises), lesson 3's derivation of Polyak's tuning and lesson
// 12's noise-scale section state and no <WorkedExample> computes: each is recomputed here (by the core
// where a run can show it), and the test checks that the text still says it, so changing either side
// without the other fails. The pattern of lesson-claims.test.ts, in a file of its own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDiagonalQuadratic } from "@/lib/dynamics/diagonal-quadratic";
import { getHeavyBallOptimum, getHeavyBallRate, getStepsPerDecade } from "@/lib/dynamics/heavy-ball";
import { getExamplesRatio, getStepsRatio } from "@/lib/dynamics/noise-scale";
import { createOptimizer, type HparamValue, type OptimizerName } from "@/lib/optim";

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, "utf8");
const exercise = (slug: string) => readFileSync(`content/exercises/${slug}/exercise.json`, "utf8");

/** Steps of the core's run on ½(x²/κ + y²) from (1, 1) until the distance to 0 shrinks by `ratio`. */
function countSteps(
  optimizer: OptimizerName,
  hparams: Record<string, HparamValue>,
  kappa: number,
  ratio: number,
) {
  const objective = createDiagonalQuadratic([1 / kappa, 1]);
  const opt = createOptimizer(optimizer, 2, hparams);
  const x = Float64Array.of(1, 1);
  const g = new Float64Array(2);
  const target = ratio * Math.hypot(1, 1);
  for (let t = 1; t <= 100_000; t++) {
    objective.gradient(x, g);
    opt.step(x, g);
    if (Math.hypot(x[0] as number, x[1] as number) <= target) return t;
  }
  return Number.POSITIVE_INFINITY;
}

describe("lesson 15: the rates of gradient descent", () => {
  const text = lesson("15-what-theory-promises.mdx");

  it("the O(1/T) bound holds on the core's runs and asks 500 steps for 1e-3, 500,000 for 1e-6", () => {
    // Convex, L = 1, with curvatures down to 1e-4: nearly flat directions, the bound's hard case.
    const eigenvalues = Array.from({ length: 20 }, (_, i) => 1e-4 ** (i / 19));
    const objective = createDiagonalQuadratic(eigenvalues);
    const opt = createOptimizer("sgd", eigenvalues.length, { lr: 1 });
    const x = new Float64Array(eigenvalues.length).fill(1 / Math.sqrt(eigenvalues.length)); // ‖θ0 − θ*‖ = 1
    const g = new Float64Array(eigenvalues.length);
    let tightest = 0;
    for (let t = 1; t <= 5000; t++) {
      objective.gradient(x, g);
      opt.step(x, g);
      const bound = 1 / (2 * t);
      expect(objective.value(x)).toBeLessThanOrEqual(bound);
      tightest = Math.max(tightest, objective.value(x) / bound);
    }
    expect(tightest).toBeGreaterThan(0.05); // the bound is not vacuous on this problem
    expect(1 / (2 * 1e-3)).toBe(500);
    expect(1 / (2 * 1e-6)).toBeCloseTo(500_000, 6);
    expect(text).toContain(
      "guaranteeing $f - f^* \\le 10^{-3}$ takes 500 steps, and $10^{-6}$ takes 500,000",
    );
  });

  it("κ = 100 from (1, 1), a millionfold: 1341 steps at η = 1/L (estimate 1382), 691 at 2/(L + ℓ)", () => {
    expect(countSteps("sgd", { lr: 1 }, 100, 1e-6)).toBe(1341);
    expect(countSteps("sgd", { lr: 2 / (1 + 0.01) }, 100, 1e-6)).toBe(691);
    expect(Math.round(100 * Math.log(1e6))).toBe(1382);
    expect(text).toContain(
      "the course's core needs 1341 steps of gradient descent with $\\eta = 1/L$ to shrink the distance to the minimum a millionfold; the estimate $\\kappa \\ln 10^6$ says 1382",
    );
    expect(text).toContain("improves the factor to $(\\kappa - 1)/(\\kappa + 1)$ and the count to 691 steps");
  });

  it("SGD's non-convex bound: the balanced step gives 2σ√(2LΔ/T), and four times the steps halve it", () => {
    const [delta, lipschitz, sigma, steps] = [3, 2, 0.5, 1000];
    const bound = (eta: number, t: number) => (2 * delta) / (eta * t) + lipschitz * eta * sigma ** 2;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= 4000; k++) best = Math.min(best, bound(1e-4 * 1.003 ** k, steps));
    const closed = (t: number) => 2 * sigma * Math.sqrt((2 * lipschitz * delta) / t);
    expect(best / closed(steps)).toBeCloseTo(1, 4);
    expect(closed(4 * steps) / closed(steps)).toBeCloseTo(0.5, 12);
    expect(text).toContain("2\\sigma\\sqrt{\\frac{2L\\,\\bigl(f(\\theta_0) - f^*\\bigr)}{T}}");
    expect(text).toContain("halving the bound takes four times as many steps");
  });
});

describe("lesson 15: the PL example θ² + 3 sin² θ", () => {
  const text = lesson("15-what-theory-promises.mdx");
  const f = (x: number) => x * x + 3 * Math.sin(x) ** 2;
  const df = (x: number) => 2 * x + 3 * Math.sin(2 * x);
  const d2f = (x: number) => 2 + 6 * Math.cos(2 * x);

  it("is not convex (f''(π/2) = −4), is 8-smooth and PL with 1/32; the best constant is about 0.17", () => {
    expect(d2f(Math.PI / 2)).toBeCloseTo(-4, 12);
    let smooth = 0;
    let ratio = Number.POSITIVE_INFINITY;
    for (let x = -50; x <= 50; x += 1e-3) {
      smooth = Math.max(smooth, Math.abs(d2f(x)));
      if (Math.abs(x) > 1e-6) ratio = Math.min(ratio, (0.5 * df(x) ** 2) / f(x));
    }
    expect(smooth).toBeCloseTo(8, 6);
    expect(ratio).toBeGreaterThan(1 / 32);
    expect(ratio).toBeGreaterThan(0.17);
    expect(ratio).toBeLessThan(0.18);
    expect(text).toContain("second derivative $2 + 6\\cos 2\\theta$, which is $-4$ at $\\theta = \\pi/2$");
    expect(text).toContain("satisfies PL with $\\ell = 1/32$ and is smooth with $L = 8$");
    expect(text).toContain("never drops below 0.17");
  });

  it("the core's gradient descent with η = 1/8 shrinks the gap by at least 1 − 1/256 per step", () => {
    for (const start of [-7, -2.2, 1.4, 3, 9.5]) {
      const opt = createOptimizer("sgd", 1, { lr: 1 / 8 });
      const x = Float64Array.of(start);
      for (let t = 0; t < 300; t++) {
        const before = f(x[0] as number);
        opt.step(x, Float64Array.of(df(x[0] as number)));
        expect(f(x[0] as number)).toBeLessThanOrEqual((1 - 1 / 256) * before + 1e-300);
      }
    }
    expect(text).toContain("shrinks the gap $f - f^*$ by at least $1 - 1/256$ per step");
  });
});

describe("lesson 15: acceleration on κ = 100", () => {
  const text = lesson("15-what-theory-promises.mdx");

  it("Nesterov needs 154 steps and heavy ball at Polyak's tuning 93, where its rate 9/11 alone predicts 69", () => {
    const root = (10 - 1) / (10 + 1);
    expect(countSteps("sgd", { lr: 1, momentum: root, nesterov: true }, 100, 1e-6)).toBe(154);
    const polyak = getHeavyBallOptimum(0.01, 1);
    expect(polyak.rate).toBeCloseTo(9 / 11, 14);
    expect(countSteps("sgd", { lr: polyak.lr, momentum: polyak.momentum }, 100, 1e-6)).toBe(93);
    expect(Math.ceil(Math.log(1e-6) / Math.log(9 / 11))).toBe(69);
    expect(text).toContain("| gradient descent | $\\eta = 1/L$ | 1341 |");
    expect(text).toContain("| gradient descent | $\\eta = 2/(L + \\ell)$ | 691 |");
    expect(text).toContain("(\\sqrt\\kappa - 1)/(\\sqrt\\kappa + 1)$ | 154 |");
    expect(text).toContain("| heavy ball | Polyak's $\\eta^*$, $\\mu^*$ | 93 |");
    expect(text).toContain("Heavy ball's rate $9/11$ alone predicts 69 steps");
    expect(text).toContain(
      "1341 steps of gradient descent with $\\eta = 1/L$ against 154 for Nesterov and 93 for heavy ball",
    );
  });

  it("the figure opens near Polyak's optimum for κ = 100", () => {
    const polyak = getHeavyBallOptimum(0.01, 1);
    expect(polyak.lr).toBeCloseTo(3.3, 1);
    expect(polyak.momentum).toBeCloseTo(0.67, 2);
    expect(getHeavyBallRate(3.3, 0.67, [0.01, 1])).toBeLessThan(0.83);
    expect(text).toContain("<MomentumConvergence kappa={100} lr={3.3} momentum={0.67} />");
  });
});

describe("lesson 15: Adam's counter-example", () => {
  const text = lesson("15-what-theory-promises.mdx");

  /** Reddi et al.'s online problem with C = 3 on the core's Adam, projected onto [−1, 1]. */
  const play = (amsgrad: boolean) => {
    const c = 3;
    const opt = createOptimizer("adam", 1, { lr: 0.5, betas: [0, 1 / (1 + c * c)], eps: 1e-12, amsgrad });
    const x = Float64Array.of(0);
    for (let t = 1; t <= 30_000; t++) {
      opt.step(x, Float64Array.of(t % 3 === 1 ? c : -1), 0.5 / Math.sqrt(t));
      x[0] = Math.min(1, Math.max(-1, x[0] as number));
    }
    return x[0] as number;
  };

  it("Adam ends at the worst point θ = 1 and AMSGrad near the best, θ = −1", () => {
    expect(1 / (1 + 3 * 3)).toBeCloseTo(0.1, 15);
    expect(play(false)).toBe(1);
    expect(play(true)).toBeLessThan(-0.99);
    expect(text).toContain(
      "with $C = 3$ (so $\\beta_2 = 0.1$), steps $0.5/\\sqrt t$, projection onto $[-1, 1]$ and 30,000 steps, Adam ends at $\\theta = 1$",
    );
    expect(text).toContain("ends near $\\theta = -1$");
  });
});

describe("lesson 15: the edge of stability", () => {
  const text = lesson("15-what-theory-promises.mdx");

  it("the limit on ½(x² + 10y²) is 0.2; 0.19 and 0.21 scale the steep coordinate by −0.9 and −1.1", () => {
    expect(getHeavyBallRate(0.2 * 0.999, 0, [1, 10])).toBeLessThan(1);
    expect(getHeavyBallRate(0.2 * 1.001, 0, [1, 10])).toBeGreaterThan(1);
    expect(1 - 0.19 * 10).toBeCloseTo(-0.9, 12);
    expect(1 - 0.21 * 10).toBeCloseTo(-1.1, 12);
    expect(text).toContain("On $\\tfrac12(x^2 + 10y^2)$ the limit is $\\eta = 0.2$");
    expect(text).toContain("flips sign and shrinks by $0.9$ per step");
    expect(text).toContain("it flips sign and grows by $1.1$ per step");
  });

  it("with η = 0.01 the edge is sharpness 200, and 380 with momentum 0.9", () => {
    for (const [mu, edge] of [
      [0, 200],
      [0.9, 380],
    ] as const) {
      expect(getHeavyBallRate(0.01, mu, [edge * 0.999])).toBeLessThan(1);
      expect(getHeavyBallRate(0.01, mu, [edge * 1.001])).toBeGreaterThan(1);
    }
    expect(text).toContain("With $\\eta = 0.01$ the sharpness settles near 200");
    expect(text).toContain("the edge moves to $2(1 + \\mu)/\\eta = 380$");
  });
});

describe("lesson 3: deriving Polyak's tuning", () => {
  const text = lesson("03-momentum.mdx");

  it("κ = 100, L = 1: η* ≈ 3.31, μ* ≈ 0.669, ρ* = 9/11 ≈ 0.818, and the band fits [ηℓ, ηL] exactly", () => {
    const polyak = getHeavyBallOptimum(0.01, 1);
    expect(polyak.lr).toBeCloseTo(4 / (1 + 0.1) ** 2, 14);
    expect(polyak.lr).toBeCloseTo(3.31, 2);
    expect(polyak.momentum).toBeCloseTo(0.669, 3);
    expect(polyak.rate).toBeCloseTo(0.818, 3);
    const s = Math.sqrt(polyak.momentum);
    expect(Math.sqrt(polyak.lr * 0.01)).toBeCloseTo(1 - s, 12);
    expect(Math.sqrt(polyak.lr * 1)).toBeCloseTo(1 + s, 12);
    expect(text).toContain(
      "$\\eta^* \\approx 3.31$, $\\mu^* \\approx 0.669$ and $\\rho^* = 9/11 \\approx 0.818$",
    );
    expect(text).toContain("so $\\eta^* = 4/(\\sqrt L + \\sqrt\\ell)^2$");
  });

  it("for κ = 10,000 momentum needs a hundred times fewer steps per decade than gradient descent at its best", () => {
    const kappa = 1e4;
    const gd = getStepsPerDecade((kappa - 1) / (kappa + 1));
    const heavy = getStepsPerDecade(getHeavyBallOptimum(1 / kappa, 1).rate);
    expect(gd / heavy).toBeCloseTo(100, 0);
    expect(text).toContain("for a condition number of 10,000, a hundred times fewer steps");
  });
});

describe("lesson 12: the gradient noise scale", () => {
  const text = lesson("12-distributed-training.mdx");

  it("twice the minimum steps and examples at the critical batch; 1.125 S_min and 9 E_min at eight times it", () => {
    expect(getStepsRatio(1000, 1000)).toBe(2);
    expect(getExamplesRatio(1000, 1000)).toBe(2);
    expect(getStepsRatio(1000, 8000)).toBe(1.125);
    expect(getExamplesRatio(1000, 8000)).toBe(9);
    expect(text).toContain("At $B = B_{\\text{crit}}$ training takes twice the minimum of both");
    expect(text).toContain("it needs $1.125\\,S_{\\min}$ steps and $9\\,E_{\\min}$ examples");
  });
});

describe("the worked numbers in the new exercises' explanations", () => {
  it("convergence rates: κ ln 10³ ≈ 345, 114 and about 8 steps per decade, 9/11 ≈ 0.82, 99/101 ≈ 0.98", () => {
    const text = exercise("convergence-rates-by-hand");
    expect(Math.round(50 * Math.log(1e3))).toBe(345);
    expect(Math.round(getStepsPerDecade(0.98))).toBe(114);
    expect(Math.round(getStepsPerDecade(getHeavyBallOptimum(1, 50).rate))).toBe(8);
    expect(9 / 11).toBeCloseTo(0.82, 2);
    expect(99 / 101).toBeCloseTo(0.98, 2);
    expect(text).toContain("κ·ln(1/ε) = 50 · 6.91 ≈ 345");
    expect(text).toContain("about 8 steps per tenfold shrink, against about 114");
    expect(text).toContain("9/11 ≈ 0.82 per step, against 99/101 ≈ 0.98");
  });

  it("noise scale: (320 − 80)/480, 1/32 − 1/512 = 0.029297, S/S_min = 1.125 at batch 1024", () => {
    const text = exercise("noise-scale-from-two-batches");
    expect([512 * 0.625, 32 * 2.5, 512 - 32]).toEqual([320, 80, 480]);
    expect(1 / 32 - 1 / 512).toBeCloseTo(0.029297, 6);
    expect(getStepsRatio(128, 1024)).toBe(1.125);
    expect(text).toContain("(320 − 80)/480");
    expect(text).toContain("1.875/0.029297");
    expect(text).toContain("(S/S_min = 1.125)");
  });
});
