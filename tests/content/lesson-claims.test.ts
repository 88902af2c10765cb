// Numbers the lessons state that no <WorkedExample> computes: each is recomputed here, and the test
// checks that the lesson still says it, so changing either side without the other fails.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDefaultStart, resolveOptimizerSetup } from "@/app/components/figures/trajectories";
import { DIAGNOSES } from "@/lib/grader/diagnoses";
import { createObjective } from "@/lib/objectives";
import {
  clipGradNorm as coreClipGradNorm,
  createOptimizer,
  createSchedule,
  runTrajectory,
} from "@/lib/optim";
import { createRandom } from "@/lib/random";

const lesson = (file: string) => readFileSync(`content/lessons/${file}`, "utf8");

describe("lessons 6 and 7: Adadelta's first step, Adam's signal-to-noise figures", () => {
  it("Adadelta's first step at the defaults is sqrt(1e-6 / 0.1) ≈ 0.0032 (adadelta.test.ts runs the core)", () => {
    expect(Math.sqrt(1e-6 / 0.1)).toBeCloseTo(0.0032, 4);
    expect(lesson("06-rmsprop.mdx")).toContain("a step of $\\sqrt{10^{-6}/0.1} \\approx 0.0032$");
  });

  it("Adam's step is 0.71·η at signal = noise and 0.23·η for pure noise (adam-snr.test.ts simulates the core)", () => {
    const text = lesson("07-adam.mdx");
    expect(1 / Math.sqrt(2)).toBeCloseTo(0.71, 2);
    expect(Math.sqrt((1 - 0.9) / (1 + 0.9))).toBeCloseTo(0.23, 2);
    expect(text).toContain("($r = 1$) gives about $0.71\\,\\eta$");
    expect(text).toContain("Pure noise still produces steps of about $0.23\\,\\eta$");
  });
});

describe("lesson 10: schedules and weight averaging", () => {
  const text = lesson("10-learning-rate-schedules.mdx");

  it("OneCycleLR with max_lr 0.1 starts at 4e-3 and ends at 4e-7 (div_factor 25, final_div_factor 1e4)", () => {
    const start = 0.1 / 25;
    const end = start / 1e4;
    expect(start).toBeCloseTo(4e-3, 15);
    expect(end).toBeCloseTo(4e-7, 18);
    expect(text).toContain("$4\\times10^{-3}$ at the start and $4\\times10^{-7}$ at the end");
  });

  it("ReduceLROnPlateau's relative threshold 1e-4 on a loss of 1000 asks for 0.1 per evaluation", () => {
    expect(1000 * 1e-4).toBeCloseTo(0.1, 12);
    expect(text).toContain(
      "a relative threshold of $10^{-4}$ on a loss of 1000 asks for an improvement of 0.1",
    );
  });

  it("averaged weights of noisy SGD on a quadratic have a loss more than ten times lower than the iterates", () => {
    // f(x) = ½ Σ h_i x_i², curvatures 1 and 10, gradient noise of standard deviation 1 per coordinate.
    const h = [1, 10];
    const loss = (x: ArrayLike<number>) =>
      0.5 * h.reduce((sum, hi, i) => sum + hi * (x[i] as number) ** 2, 0);
    const random = createRandom(3);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const opt = createOptimizer("sgd", 2, { lr: 0.05 });
    const x = Float64Array.from([5, 5]);
    const g = new Float64Array(2);
    const swa = new Float64Array(2); // equal-weight average over the second half
    const ema = new Float64Array(2); // beta 0.99, started at the midpoint
    let n = 0;
    let iterateLoss = 0;
    const steps = 20_000;
    for (let t = 1; t <= steps; t++) {
      for (let i = 0; i < 2; i++) g[i] = (h[i] as number) * (x[i] as number) + normal();
      opt.step(x, g);
      if (t === steps / 2) ema.set(x);
      if (t <= steps / 2) continue;
      n += 1;
      iterateLoss += loss(x);
      for (let i = 0; i < 2; i++) {
        swa[i] = (swa[i] as number) + ((x[i] as number) - (swa[i] as number)) / n;
        ema[i] = 0.99 * (ema[i] as number) + 0.01 * (x[i] as number);
      }
    }
    const meanIterateLoss = iterateLoss / n;
    if (process.env.SHOW_CLAIMS) console.log(meanIterateLoss, loss(swa), loss(ema));
    expect(loss(swa)).toBeLessThan(meanIterateLoss / 10);
    expect(loss(ema)).toBeLessThan(meanIterateLoss / 10);
    expect(text).toContain("the averaged weights have a loss more than ten times lower than the iterates");
  });
});

describe("lesson 11: hyperparameter search and second-order methods", () => {
  const text = lesson("11-choosing-an-optimizer.mdx");

  it("a 3 × 3 grid tests 3 distinct values of each hyperparameter; 5 values of 4 hyperparameters is 625 runs", () => {
    const grid = [1, 2, 3].flatMap((a) => [1, 2, 3].map((b) => [a, b] as const));
    expect(grid).toHaveLength(9);
    expect(new Set(grid.map(([a]) => a)).size).toBe(3);
    expect(5 ** 4).toBe(625);
    expect(text).toContain("the 9 runs test only 3 distinct learning rates");
    expect(text).toContain("5 values for each of 4 hyperparameters is 625 runs");
  });

  it("60 random trials hit a region holding 5% of the space with probability about 95%", () => {
    const hit = 1 - 0.95 ** 60;
    expect(hit).toBeGreaterThan(0.95);
    expect(hit).toBeLessThan(0.96);
    // And by simulation, in 20 dimensions where the good region is a box of side 0.05^(1/20).
    const random = createRandom(11);
    const side = 0.05 ** (1 / 20);
    let found = 0;
    const searches = 2000;
    for (let s = 0; s < searches; s++) {
      let any = false;
      for (let trial = 0; trial < 60 && !any; trial++) {
        let inside = true;
        for (let d = 0; d < 20; d++) if (random() >= side) inside = false;
        any = inside;
      }
      if (any) found += 1;
    }
    expect(Math.abs(found / searches - hit)).toBeLessThan(0.02);
    expect(text).toContain(
      "With 60 trials the chance of at least one good trial is $1 - 0.95^{60} \\approx 95\\%$",
    );
  });

  it("a uniform draw from [1e-5, 1e-2] lands above 1e-3 90% of the time", () => {
    expect((1e-2 - 1e-3) / (1e-2 - 1e-5)).toBeCloseTo(0.9, 2);
    expect(text).toContain("a uniform draw from $[10^{-5}, 10^{-2}]$ puts 90% of the trials above $10^{-3}$");
  });

  it("the Hessian of 1e8 parameters has 1e16 entries, 40 PB in fp32; a 4096 × 4096 layer's block vs its K-FAC factors", () => {
    expect(1e8 ** 2).toBe(1e16);
    expect((1e16 * 4) / 1e15).toBe(40); // petabytes
    const block = (4096 * 4096) ** 2;
    expect(block / 1e14).toBeCloseTo(2.8, 1);
    expect((4096 * 4096) / 1e7).toBeCloseTo(1.7, 1);
    expect(text).toContain("that is $10^{16}$ entries, 40 petabytes in fp32");
    expect(text).toContain(
      "(about $1.7\\times10^7$ entries each) instead of one block with $2.8\\times10^{14}$ entries",
    );
  });
});

/** The core's torch.nn.utils.clip_grad_norm_ (lib/optim/clip.ts, the exercise's reference) on a copy of g. */
function clipGradNorm(g: number[], maxNorm: number): { clipped: number[]; norm: number } {
  const grad = Float64Array.from(g);
  const norm = coreClipGradNorm(grad, maxNorm);
  return { clipped: Array.from(grad), norm };
}
const norm2 = (v: number[]) => Math.hypot(...v);
const angleDeg = (v: number[]) => (Math.atan2(v[1] as number, v[0] as number) * 180) / Math.PI;

describe("lesson 13: training stability", () => {
  const text = lesson("13-training-stability.mdx");

  it("50 layers multiply a gradient by 1.1^50 ≈ 117 or 0.9^50 ≈ 0.005; ten sigmoids by at most 4^-10 ≈ 1e-6", () => {
    expect(Math.round(1.1 ** 50)).toBe(117);
    expect(0.9 ** 50).toBeCloseTo(0.005, 3);
    expect(Math.log10(0.25 ** 10)).toBeCloseTo(-6, 0);
    expect(text).toContain("about 117 for $w = 1.1$ and about 0.005 for $w = 0.9$");
    expect(text).toContain("$(1/4)^{10} \\approx 10^{-6}$");
    expect(text).toContain("$1.1^{50} \\approx 117$, $0.9^{50} \\approx 0.005$");
  });

  it("clipping a norm of 10 to 1 leaves 0.9999999 (the 1e-6 in the coefficient); a zero gradient stays zero", () => {
    const { clipped, norm } = clipGradNorm([6, 8], 1);
    expect(norm).toBe(10);
    expect(norm2(clipped)).toBeCloseTo(0.9999999, 7);
    expect(norm2(clipped)).toBeLessThan(1);
    expect(clipGradNorm([0, 0], 1).clipped).toEqual([0, 0]);
    expect(text).toContain("clipping a norm of 10 to 1 leaves $10/(10 + 10^{-6}) \\approx 0.9999999$");
  });

  it("clipping does not repair non-finite gradients: an infinite norm turns the infinite entry into NaN", () => {
    const { clipped } = clipGradNorm([Number.POSITIVE_INFINITY, 1], 1);
    expect(clipped[0]).toBeNaN();
    expect(clipped[1]).toBe(0);
    expect(clipGradNorm([Number.NaN, 1], 1).clipped.every(Number.isNaN)).toBe(true);
  });

  it("g = (10, 0.1) at threshold 1: by value (1, 0.1), angle 0.57° → 5.7°; by norm (0.99995, 0.0099995)", () => {
    const g = [10, 0.1];
    const byValue = g.map((v) => Math.max(-1, Math.min(1, v)));
    expect(byValue).toEqual([1, 0.1]);
    expect(angleDeg(g)).toBeCloseTo(0.57, 2);
    expect(angleDeg(byValue)).toBeCloseTo(5.7, 1);
    const byNorm = clipGradNorm(g, 1).clipped;
    expect(byNorm[0]).toBeCloseTo(0.99995, 5);
    expect(byNorm[1]).toBeCloseTo(0.0099995, 7);
    expect(angleDeg(byNorm)).toBeCloseTo(angleDeg(g), 10);
    expect(text).toContain("angle to the first axis grows from $0.57°$ to $5.7°$");
    expect(text).toContain("about $(0.99995,\\ 0.0099995)$");
  });

  it("fp16: largest value 65 504, smallest normal 2^-14 ≈ 6.1e-5, subnormals to about 6e-8; GradScaler starts at 2^16", () => {
    expect((2 - 2 ** -10) * 2 ** 15).toBe(65504);
    expect(2 ** -14).toBeCloseTo(6.1e-5, 6);
    expect(2 ** -24).toBeCloseTo(6e-8, 8);
    expect(2 ** 16).toBe(65536);
    expect(text).toContain(
      "largest value is 65 504 and its smallest normal value is $2^{-14} \\approx 6.1\\times10^{-5}$",
    );
    expect(text).toContain("it starts at $2^{16} = 65\\,536$");
  });
});

/** Box–Muller normals from lib/random, seeded. */
function normals(seed: number): () => number {
  const random = createRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe("lesson 3: momentum does not average the gradient noise away", () => {
  const text = lesson("03-momentum.mdx");
  // f(x) = ½ h x², gradient h·x + σ·ξ. The stationary mean of f, exactly, for plain SGD with rate e
  // and for heavy ball with rate η and momentum μ (the AR(2) variance of x_{t+1} = (1 + μ − ηh) x_t − μ x_{t−1} + ηξ).
  const h = 1;
  const sigma = 1;
  const sgdLoss = (e: number) => (0.5 * h * (e * sigma ** 2)) / (h * (2 - e * h));
  const heavyBallLoss = (eta: number, mu: number) =>
    (0.5 * h * ((1 + mu) * eta * sigma ** 2)) / ((1 - mu) * h * (2 * (1 + mu) - eta * h));
  /** The mean of f over the second half of a long seeded run of the core's SGD. */
  const simulate = (hparams: Record<string, unknown>, seed: number) => {
    const noise = normals(seed);
    const opt = createOptimizer("sgd", 1, hparams);
    const x = Float64Array.of(0);
    const g = new Float64Array(1);
    let sum = 0;
    const steps = 400_000;
    for (let t = 1; t <= steps; t++) {
      g[0] = h * (x[0] as number) + sigma * noise();
      opt.step(x, g);
      if (t > steps / 2) sum += 0.5 * h * (x[0] as number) ** 2;
    }
    return sum / (steps / 2);
  };

  it("heavy ball at η settles where plain SGD at η/(1 − μ) does, to first order in η, and 1/(1 − μ) times above SGD at η", () => {
    const mu = 0.9;
    for (const eta of [1e-3, 1e-2]) {
      const ratio = heavyBallLoss(eta, mu) / sgdLoss(eta / (1 - mu));
      // (2 − e·h) / (2 − e·h·(1 − μ)/(1 + μ)) with e = η/(1 − μ): 1 − O(η).
      expect(Math.abs(1 - ratio)).toBeLessThan(eta / (1 - mu));
      expect(heavyBallLoss(eta, mu) / sgdLoss(eta)).toBeCloseTo(1 / (1 - mu), 0);
    }
    // The core, with seeded noise: the same stationary loss within the sampling error.
    const heavy = simulate({ lr: 0.002, momentum: mu }, 5);
    const plain = simulate({ lr: 0.02 }, 6);
    const same = simulate({ lr: 0.002 }, 7);
    expect(heavy / heavyBallLoss(0.002, mu)).toBeCloseTo(1, 1);
    expect(plain / sgdLoss(0.02)).toBeCloseTo(1, 1);
    expect(heavy / plain).toBeGreaterThan(0.85);
    expect(heavy / plain).toBeLessThan(1.15);
    expect(heavy / same).toBeGreaterThan(8);
    expect(text).toContain(
      "heavy ball with learning rate $\\eta$ settles at the same average loss above the minimum as plain SGD with the effective rate $\\eta/(1-\\mu)$, to first order in $\\eta$, which is about $1/(1-\\mu)$ times the loss plain SGD settles at with the same $\\eta$",
    );
  });
});

describe("lesson 4: the figure compares heavy ball with Nesterov on Rosenbrock", () => {
  const text = lesson("04-nesterov.mdx");
  const objective = createObjective("rosenbrock", {}, { dim: 2 });
  const run = (entry: "momentum" | "nesterov", lr?: number) => {
    const setup = resolveOptimizerSetup(entry, "rosenbrock");
    if (!setup) throw new Error(entry);
    return runTrajectory({
      optimizer: setup.optimizer,
      hparams: { ...setup.hparams, ...(lr === undefined ? {} : { lr }) },
      objective,
      x0: getDefaultStart("rosenbrock"),
      steps: 300,
    });
  };
  const swing = (trajectory: ReturnType<typeof run>) =>
    Math.max(
      ...[...trajectory.points.entries()]
        .filter(([k]) => k >= 20)
        .map(([, p]) => Math.abs((p[1] as number) - (p[0] as number) ** 2)),
    );

  it("the Playground runs the two presets at the same rate and μ = 0.9", () => {
    expect(text).toContain('<Playground objective="rosenbrock" optimizers={["momentum", "nesterov"]} />');
    const momentum = resolveOptimizerSetup("momentum", "rosenbrock");
    const nesterov = resolveOptimizerSetup("nesterov", "rosenbrock");
    expect(momentum?.hparams).toEqual({ ...nesterov?.hparams, nesterov: false });
    expect(momentum?.hparams.momentum).toBe(0.9);
  });

  it("past its first steps Nesterov swings across the floor far less; raising the rate, it blows up first", () => {
    expect(swing(run("nesterov"))).toBeLessThan(swing(run("momentum")) / 5);
    const lrs = Array.from({ length: 30 }, (_, i) => 1e-3 * 1.05 ** i);
    const blowsUp = (entry: "momentum" | "nesterov") =>
      lrs.find((lr) => !Number.isFinite(run(entry, lr).losses[300] as number));
    const nesterovLimit = blowsUp("nesterov");
    expect(nesterovLimit).toBeDefined();
    expect(blowsUp("momentum") ?? Number.POSITIVE_INFINITY).toBeGreaterThan(nesterovLimit as number);
    expect(text).toContain("once past its first few steps, Nesterov stays far closer to the floor");
    expect(text).toContain("Nesterov is also the first of the two to blow up");
  });
});

describe("lesson 7: Adam's step bound depends on which of 1 − β1 and √(1 − β2) is larger", () => {
  const text = lesson("07-adam.mdx");
  /** |Δθ|/lr of Adam at each step for a gradient sequence (one coordinate). */
  const ratios = (betas: [number, number], g: (t: number) => number, steps: number) => {
    const opt = createOptimizer("adam", 1, { lr: 1, betas, eps: 1e-300 }); // negligible, and 0/0 stays 0
    const x = new Float64Array(1);
    const out: number[] = [];
    for (let t = 1; t <= steps; t++) {
      const before = x[0] as number;
      opt.step(x, Float64Array.of(g(t)));
      out.push(Math.abs((x[0] as number) - before));
    }
    return out;
  };

  it("at β2 = 0.95, √(1 − β2) ≈ 0.22 > 1 − β1, the bound is η, reached by steady gradients; growth reaches 1.16 η", () => {
    const b1 = 0.9;
    const b2 = 0.95;
    expect(Math.sqrt(1 - b2)).toBeCloseTo(0.22, 2);
    expect(1 - b1).toBeLessThan(Math.sqrt(1 - b2));
    expect((1 - 0.9) / Math.sqrt(1 - 0.999)).toBeCloseTo(3.2, 1);
    // The first step and a steady gradient move η; one spike after zeros moves only 0.45 η.
    expect(ratios([b1, b2], () => 3, 200).every((r) => Math.abs(r - 1) < 1e-12)).toBe(true);
    expect(ratios([b1, b2], (t) => (t < 2000 ? 0 : 1), 2000).at(-1)).toBeLessThan(0.45);
    // Over all sequences: (1 − β1)/√((1 − β2)(1 − β1²/β2)), approached by growth of β2/β1 per step.
    const sup = (1 - b1) / Math.sqrt((1 - b2) * (1 - (b1 * b1) / b2));
    expect(sup).toBeCloseTo(1.16, 2);
    const growing = ratios([b1, b2], (t) => (b2 / b1) ** t, 400);
    expect(Math.max(...growing)).toBeGreaterThan(1.15);
    expect(Math.max(...growing)).toBeLessThanOrEqual(sup);
    expect(text).toContain(
      "Kingma and Ba's bound $\\eta\\,(1-\\beta_1)/\\sqrt{1-\\beta_2}$ holds only when $1-\\beta_1 > \\sqrt{1-\\beta_2}$; otherwise their bound is $\\eta$",
    );
    expect(text).toContain("$\\sqrt{1-\\beta_2} \\approx 0.22$ exceeds $1-\\beta_1 = 0.1$");
    expect(text).toContain("from about $3.2\\,\\eta$ at the defaults to about $\\eta$");
    expect(text).toContain("can reach about $1.16\\,\\eta$");
  });

  it("the folded form's ε acts like ε/√(1 − β2^t), 32 ε at t = 1; with gradients near 1e-9 its first step is over 20 times smaller", () => {
    expect(1 / Math.sqrt(1 - 0.999)).toBeCloseTo(32, 0);
    const lr = 0.01;
    const eps = 1e-8;
    for (const g of [1e-10, 1e-9, 2e-9, 4e-9]) {
      const opt = createOptimizer("adam", 1, { lr, eps });
      const x = new Float64Array(1);
      opt.step(x, Float64Array.of(g));
      const pytorch = Math.abs(x[0] as number);
      const m = 0.1 * g;
      const v = 0.001 * g * g;
      const folded = ((lr * Math.sqrt(0.001)) / 0.1) * (m / (Math.sqrt(v) + eps));
      expect(pytorch / folded, `g = ${g}`).toBeGreaterThan(20);
    }
    expect(text).toContain("about $32\\,\\hat\\epsilon$ at $t = 1$ with $\\beta_2 = 0.999$");
    expect(text).toContain("its first step is more than twenty times smaller than PyTorch's");
  });
});

describe("lesson 8: with momentum, L2 acts 1/(1 − μ) times as strongly as decoupled decay", () => {
  const text = lesson("08-weight-decay.mdx");

  it("the fixed points are ∇L + λθ = 0 and ∇L + (1 − μ)λθ = 0: ten times apart at μ = 0.9 (the core's SGD)", () => {
    // f(θ) = ½ h (θ − c)²: L2 rests at hc/(h + λ), decoupled decay at hc/(h + (1 − μ)λ).
    const h = 2;
    const c = 1;
    const lambda = 0.5;
    const mu = 0.9;
    const lr = 0.01;
    const rest = (decoupled: boolean) => {
      const opt = createOptimizer("sgd", 1, { lr, momentum: mu, weight_decay: decoupled ? 0 : lambda });
      const x = Float64Array.of(3);
      for (let t = 0; t < 20_000; t++) {
        const g = Float64Array.of(h * ((x[0] as number) - c));
        if (decoupled) x[0] = (x[0] as number) * (1 - lr * lambda); // SGDW: shrink outside the buffer
        opt.step(x, g);
      }
      return x[0] as number;
    };
    const l2 = rest(false);
    const decoupled = rest(true);
    expect(l2).toBeCloseTo((h * c) / (h + lambda), 10);
    expect(decoupled).toBeCloseTo((h * c) / (h + (1 - mu) * lambda), 10);
    // The pull each one balances, h(c − θ)/θ: λ for L2, (1 − μ)λ for decoupled decay.
    const pull = (theta: number) => (h * (c - theta)) / theta;
    expect(pull(l2) / pull(decoupled)).toBeCloseTo(1 / (1 - mu), 8);
    expect(1 / (1 - mu)).toBeCloseTo(10, 12);
    expect(text).toContain(
      "\\text{L2: } \\nabla L(\\theta) + \\lambda\\,\\theta = 0, \\qquad \\text{decoupled: } \\nabla L(\\theta) + (1-\\mu)\\,\\lambda\\,\\theta = 0",
    );
    expect(text).toContain(
      "the same $\\lambda$ pulls about $1/(1-\\mu) = 10$ times harder as an L2 penalty than as decoupled decay",
    );
  });
});

describe("lesson 10: the two warm-up conventions", () => {
  const text = lesson("10-learning-rate-schedules.mdx");

  it("(t + 1)/W moves the first step with η/W and tops out at t = W − 1; t/W starts at 0 and tops out at t = W; LinearLR needs a positive start", () => {
    const W = 5;
    const course = createSchedule(1, { type: "warmup-cosine", warmupSteps: W, totalSteps: 100 });
    expect(course(0)).toBeCloseTo(1 / W, 15);
    expect(course(W - 1)).toBe(1);
    const huggingFace = (t: number) => Math.min(1, t / W); // get_linear_schedule_with_warmup's ramp
    expect(huggingFace(0)).toBe(0);
    expect(huggingFace(W - 1)).toBeLessThan(1);
    expect(huggingFace(W)).toBe(1);
    const linear = createSchedule(1, { type: "linear-warmup", warmupSteps: W, startFactor: 0.2 });
    expect(linear(0)).toBeCloseTo(0.2, 15);
    expect(linear(W - 1)).toBeLessThan(1);
    expect(linear(W)).toBe(1);
    expect(() => createSchedule(1, { type: "linear-warmup", warmupSteps: W, startFactor: 0 })).toThrow();
    expect(text).toContain(
      "the first update moves with $\\eta_0/W$ and the ramp reaches $\\eta_0$ at $t = W-1$",
    );
    expect(text).toContain("the first update has a rate of 0");
  });
});

describe("lesson 14: the averaged (EMA) form of momentum takes steps 1 − β times as large", () => {
  const text = lesson("14-interview-flash-notes.mdx");

  it("started from zero, m_t = (1 − β) b_t at every step, so the EMA form with η is heavy ball with (1 − β)η", () => {
    const beta = 0.9;
    const lr = 0.05;
    const g = (t: number) => Math.sin(t) + 0.3 * t;
    const heavy = createOptimizer("sgd", 1, { lr: (1 - beta) * lr, momentum: beta });
    const xHeavy = new Float64Array(1);
    let xEma = 0;
    let m = 0;
    for (let t = 1; t <= 200; t++) {
      heavy.step(xHeavy, Float64Array.of(g(t)));
      m = beta * m + (1 - beta) * g(t);
      xEma -= lr * m;
      expect(xEma).toBeCloseTo(xHeavy[0] as number, 10);
      const { momentum_buffer: b } = heavy.state() as { momentum_buffer: Float64Array };
      expect(m).toBeCloseTo((1 - beta) * (b[0] as number), 12);
    }
    expect(1 / (1 - beta)).toBeCloseTo(10, 12);
    expect(text).toContain("Started from zero, $m_t = (1-\\beta)\\, b_t$ at every step");
    expect(text).toContain("ten times smaller at $\\beta = 0.9$");
    // One symbol, one meaning: the momentum forms use b and d, and v is only Adam's second moment.
    expect(text).not.toMatch(/v_t = \\mu|\\mu\\, v_\{t-1\}|\\mu v_\{t-1\}/);
  });
});

describe("cards and grader texts: the numbers they quote", () => {
  const cards = (file: string) => readFileSync(`content/cards/${file}`, "utf8");

  it("Adafactor's state for a 4096 × 4096 matrix: 8 thousand numbers against Adam's 33.6 million", () => {
    expect(4096 + 4096).toBe(8192);
    expect((2 * 4096 * 4096) / 1e6).toBeCloseTo(33.6, 1);
    expect(cards("adam-variants.json")).toContain(
      "needs about 8 thousand numbers of state instead of Adam's 33.6 million",
    );
  });

  it("the Adam diagnosis: folding both corrections makes the first step over twenty times too small with tiny gradients", () => {
    expect(DIAGNOSES["missing-bias-correction"].explanation).toContain(
      "with tiny gradients the first step comes out more than twenty times too small",
    );
    // The hidden test of the adam exercise: quadratic with curvatures 1, 2, 4 from (1e-9, −2e-9, 5e-10).
    const lr = 0.01;
    const eps = 1e-8;
    for (const g of [1e-9, -4e-9, 2e-9]) {
      const folded =
        ((lr * Math.sqrt(0.001)) / 0.1) * ((0.1 * Math.abs(g)) / (Math.sqrt(0.001) * Math.abs(g) + eps));
      const kept =
        (lr / 0.1) * ((0.1 * Math.abs(g)) / ((Math.sqrt(0.001) * Math.abs(g)) / Math.sqrt(0.001) + eps));
      const opt = createOptimizer("adam", 1, { lr, eps });
      const x = new Float64Array(1);
      opt.step(x, Float64Array.of(g));
      expect(kept).toBeCloseTo(Math.abs(x[0] as number), 15); // the recommended fold is PyTorch's step
      expect(Math.abs(x[0] as number) / folded).toBeGreaterThan(20);
    }
  });
});
