// Numbers lesson 16 ("The optimizers of today") states that no <WorkedExample> computes: each is
// recomputed here, and the test checks that the lesson still says it in the same words (the pattern
// of lesson-claims.test.ts). Figures the lesson reports from papers cannot be recomputed; for those
// the test checks that the sentence still says "as reported" next to its source.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createObjective } from "@/lib/objectives";
import { getQuadraticEigenvalues } from "@/lib/objectives/quadratic";
import {
  createNewtonSchulzScratch,
  createOptimizer,
  NEWTON_SCHULZ_COEFFICIENTS,
  newtonSchulz5,
} from "@/lib/optim";

const text = readFileSync("content/lessons/16-optimizers-of-today.mdx", "utf8");
const [A, B, C] = NEWTON_SCHULZ_COEFFICIENTS;
const phi = (s: number) => A * s + B * s ** 3 + C * s ** 5;
const phi5 = (s: number) => phi(phi(phi(phi(phi(s)))));

/** Newton–Schulz FLOPs for an m × n matrix with m ≤ n: per step XXᵀ (2m²n), A² (2m³), B X (2m²n). */
const newtonSchulzFlops = (m: number, n: number, steps = 5) =>
  steps * (2 * m * m * n + 2 * m ** 3 + 2 * m * m * n);

describe("lesson 16: Muon", () => {
  it("states muon.py's coefficients as the core uses them", () => {
    expect([A, B, C]).toEqual([3.4445, -4.775, 2.0315]);
    expect(text).toContain("(a, b, c) = (3.4445, -4.7750, 2.0315)");
  });

  it("five steps send every singular value in [0.1, 1] into [0.68, 1.14]; 0.6 → 0.7229 and 0.8 → 1.1192", () => {
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (let i = 0; i <= 90_000; i++) {
      const y = phi5(0.1 + (0.9 * i) / 90_000);
      low = Math.min(low, y);
      high = Math.max(high, y);
    }
    expect(low).toBeGreaterThanOrEqual(0.68);
    expect(high).toBeLessThanOrEqual(1.14);
    expect(low).toBeLessThan(0.69); // the interval is tight, not merely true
    expect(high).toBeGreaterThan(1.13);
    expect(text).toContain("five steps send every singular value between 0.1 and 1 into\n$[0.68, 1.14]$");
    // The same numbers from the matrix iteration of the core, on diag(3, 4) (normalized: 0.6, 0.8).
    const out = new Float64Array(4);
    newtonSchulz5(Float64Array.of(3, 0, 0, 4), 2, 2, 5, out, createNewtonSchulzScratch(2, 2));
    expect(out[0]).toBeCloseTo(0.7229, 4);
    expect(out[3]).toBeCloseTo(1.1192, 4);
    expect(text).toContain("turn 0.6 and 0.8 into 0.7229 and 1.1192");
  });

  it("the worked example's gradient is diag(1, 10): entries ten times apart", () => {
    const opt = createOptimizer("muon", 4, { lr: 0.1, shape: [2, 2] });
    expect(opt.hparams.shape).toEqual([2, 2]);
    // At x0 = [1, 0, 0, 1] the gradient of the 4-D quadratic (condition 10) is [1, 0, 0, 10]: diag(1, 10).
    const g = new Float64Array(4);
    createObjective("quadratic", { condition: 10 }, { dim: 4 }).gradient(Float64Array.of(1, 0, 0, 1), g);
    expect(Array.from(g)).toEqual([1, 0, 0, 10]);
    expect(text).toContain("$\\mathrm{diag}(1, 10)$: the two entries have gradients ten times apart");
  });

  it("Newton–Schulz costs 5(4m²n + 2m³), 30n³ for n × n: 2.06e12 for n = 4096, overhead 5n/B = 3.9%", () => {
    const n = 4096;
    expect(newtonSchulzFlops(n, n)).toBe(30 * n ** 3);
    expect(newtonSchulzFlops(n, n) / 1e12).toBeCloseTo(2.06, 2);
    const batch = 524_288;
    const overhead = newtonSchulzFlops(n, n) / (6 * batch * n * n);
    expect(overhead).toBeCloseTo((5 * n) / batch, 15);
    expect(100 * overhead).toBeCloseTo(3.9, 1);
    expect(text).toContain(
      "so five steps cost\n$5(4m^2n + 2m^3)$; for a square $n \\times n$ matrix that is $30n^3$",
    );
    expect(text).toContain("For $n = 4096$ it is about\n$2.06 \\times 10^{12}$ operations per step");
    expect(text).toContain("so the overhead is $5n/B$: 3.9% for a batch of\n524,288 tokens");
  });

  it("reports Moonshot's and Kimi K2's results as reported, with their sources", () => {
    expect(text).toContain(
      'Moonshot AI scaled it up (Liu et al. 2025, "Muon is Scalable for LLM\nTraining"). As reported there',
    );
    expect(text).toContain("about twice AdamW's compute efficiency");
    expect(text).toContain("Moonlight, a 16B-parameter mixture-of-experts model, on 5.7T tokens");
    expect(text).toContain("Their Kimi K2 model\n(2025) was trained with MuonClip");
  });
});

describe("lesson 16: schedule-free SGD", () => {
  it("the worked example's quadratic has curvatures 1 and 10", () => {
    expect(Array.from(getQuadraticEigenvalues(10, 2))).toEqual([1, 10]);
    expect(text).toContain("from $(1, 1)$ on the quadratic with curvatures 1 and 10:");
  });
});

describe("lesson 16: memory and time table", () => {
  const mn = 4096 * 4096;
  const millions = (count: number) => (count / 1e6).toFixed(1);
  const rows: [string, string, number][] = [
    ["SGD with momentum", "$mn$ (1 buffer)", mn],
    ["Adam, AdamW", "$2mn$ (2 buffers)", 2 * mn],
    ["Muon", "$mn$ (1 buffer)", mn],
    ["Schedule-free SGD", "$mn$ ($z$)", mn],
    ["Schedule-free AdamW", "$2mn$ ($z$, $v$)", 2 * mn],
    ["D-Adaptation Adam", "$3mn$", 3 * mn],
    ["Prodigy (Adam)", "$4mn$", 4 * mn],
    ["Shampoo", "$2(m^2 + n^2)$", 2 * (mn + mn)],
    ["SOAP", "$2(m^2 + n^2) + 2mn$", 2 * (mn + mn) + 2 * mn],
  ];

  it("states 16,777,216 parameters for 4096 × 4096", () => {
    expect(mn).toBe(16_777_216);
    expect(text).toContain("a square $4096 \\times 4096$ matrix, 16,777,216 parameters");
  });

  it.each(rows)("%s: %s is %d numbers, stated in millions", (name, formula, count) => {
    expect(text).toContain(`| ${name} | ${formula} | ${millions(count)} |`);
  });

  it("the core's state matches the buffers the table counts for the methods it implements", () => {
    const sizes = (name: "sgd" | "adam" | "muon" | "sgd_schedulefree" | "adamw_schedulefree", h = {}) => {
      const opt = createOptimizer(name, 6, { lr: 0.1, ...h });
      opt.step(new Float64Array(6).fill(1), new Float64Array(6).fill(0.5));
      return Object.values(opt.state()).reduce<number>(
        (s, v) => s + (typeof v === "number" ? 0 : v.length),
        0,
      );
    };
    expect(sizes("sgd", { momentum: 0.9 })).toBe(6);
    expect(sizes("adam")).toBe(12);
    expect(sizes("muon", { shape: [2, 3] })).toBe(6);
    // The core's reference schedule-free SGD stores x as well as z; the library's SGDScheduleFree
    // keeps only z (x is recovered from y and z), which is what the table counts.
    expect(sizes("sgd_schedulefree")).toBe(12);
    expect(sizes("adamw_schedulefree")).toBe(18);
  });
});

describe("lesson 16: reported figures keep their sources", () => {
  it("μP's 40M → 6.7B transfer at 7% of a pretraining run, as reported in Tensor Programs V", () => {
    expect(text).toContain("As reported in the paper, hyper-parameters tuned on a 40M-parameter proxy");
    expect(text).toContain(
      "transferred to a 6.7B-parameter GPT-3 and beat its published results, at a tuning cost of 7% of one",
    );
    expect(text).toContain('(Yang et al. 2022, "Tensor Programs V');
  });

  it("AlgoPerf 2024 results are attributed", () => {
    expect(text).toContain("external-tuning track of the AlgoPerf 2024 benchmark, as reported by MLCommons");
    expect(text).toContain(
      "The authors report that it won the self-tuning\ntrack of the AlgoPerf 2024 benchmark",
    );
  });
});
