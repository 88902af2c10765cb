// Each curve of read-the-loss-curve is what its answer says, checked the way a practitioner would
// check it: by running the alternatives through the same core and comparing where they end. A
// warm-up is PyTorch's LinearLR from lr/W to lr over W steps (W = 20, 50, 100), then constant.
// Every number an explanation quotes is asserted here too.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurveRun, DiagnoseConfig } from "../content/judgment-schema";
import { isExerciseSlug, loadExerciseDefinition } from "../content/registry";
import { createObjective } from "../objectives";
import { createOptimizer, createSchedule } from "../optim";
import { computeCurve } from "./curves";

let config: DiagnoseConfig;
beforeAll(async () => {
  const slug = "read-the-loss-curve";
  if (!isExerciseSlug(slug)) throw new Error(`no exercise ${slug}`);
  const loaded = await loadExerciseDefinition(slug);
  if (loaded.kind !== "diagnose") throw new Error("read-the-loss-curve is not a diagnose exercise");
  config = loaded;
});

function curve(id: string) {
  const found = config.curves.find((c) => c.id === id);
  if (!found) throw new Error(`no curve ${id}`);
  return found;
}
const lrOf = (run: CurveRun) => run.hparams.lr as number;
const training = (run: CurveRun) => computeCurve(run)[0]?.values ?? [];
const validation = (run: CurveRun) => computeCurve(run)[1]?.values ?? [];
const end = (values: readonly number[]) => values.at(-1) as number;
const withLr = (run: CurveRun, factor: number): CurveRun => ({
  ...run,
  hparams: { ...run.hparams, lr: lrOf(run) * factor },
});
const warmedUp = (run: CurveRun, W: number, steps = run.steps): CurveRun => ({
  ...run,
  steps,
  schedule: { type: "linear-warmup", warmupSteps: W, startFactor: 1 / W },
});
const WARMUPS = [20, 50, 100];
const SMALLER = [1 / 2, 1 / 5, 1 / 10, 1 / 20];

describe("every curve's answer is true: the alternatives, run through the core", () => {
  it("the exercise has one curve per id below, and each answer is one of them", () => {
    const answers = Object.fromEntries(config.curves.map((c) => [c.id, c.answer]));
    expect(answers).toEqual({
      "run-a": "no-warmup",
      "run-b": "lr-too-low",
      "run-c": "overfitting",
      "run-d": "lr-too-high",
      "run-e": "healthy",
      "run-f": "lr-too-high",
    });
  });

  it("run A (no warm-up): warmed up to the same rate it never jumps and ends ~300x lower; smaller rates end above it", () => {
    const { run, explanation } = curve("run-a");
    const losses = training(run);
    const start = losses[0] as number;
    const peak = Math.max(...losses);
    expect(start).toBe(12.5);
    expect(losses.indexOf(peak)).toBe(1);
    expect(peak).toBeGreaterThan(225);
    expect(peak).toBeLessThan(235);
    expect(end(losses)).toBeGreaterThan(0.055);
    expect(end(losses)).toBeLessThan(0.07);
    // The swinging stops within a few dozen steps: from step 75 on the loss only falls.
    for (let k = 76; k < losses.length; k++) expect(losses[k]).toBeLessThan(losses[k - 1] as number);
    expect(explanation).toContain("from 12.5 to about 230 at step 1");
    expect(explanation).toContain("to about 0.06 after 300 steps");

    for (const W of WARMUPS) {
      const warm = training(warmedUp(run, W));
      expect(Math.max(...warm.slice(1)), `W = ${W}`).toBeLessThan(1.1 * start);
      expect(end(warm), `W = ${W}`).toBeGreaterThan(1e-4);
      expect(end(warm), `W = ${W}`).toBeLessThan(3e-4);
      expect(end(warm), `W = ${W}`).toBeLessThan(end(losses) / 200);
    }
    expect(explanation).toContain(
      "over 20, 50 or 100 steps to the same η, the run never jumps and ends near 2 × 10⁻⁴",
    );

    // Too slow, not too fast: every smaller constant rate ends above this run.
    for (const k of SMALLER) expect(end(training(withLr(run, k))), `lr × ${k}`).toBeGreaterThan(end(losses));
    expect(explanation).toContain("constant rates 2 to 20 times smaller end above this run");
    // A larger constant rate only makes the first jump bigger.
    for (const k of [1.5, 2, 3])
      expect(Math.max(...training(withLr(run, k)).slice(1, 6)), `lr × ${k}`).toBeGreaterThan(peak);
  });

  it("run A: the wall's gradients stay in v̂ (β2 = 0.999) without warm-up, and keep the later steps short", () => {
    const { run } = curve("run-a");
    const final = (schedule?: CurveRun["schedule"]) => {
      const objective = createObjective("rosenbrock", {}, { dim: 2 });
      const optimizer = createOptimizer("adam", 2, run.hparams);
      const rate = schedule ? createSchedule(lrOf(run), schedule) : () => lrOf(run);
      const x = Float64Array.from(run.x0 ?? []);
      const g = new Float64Array(2);
      let largest = 0;
      for (let k = 1; k <= run.steps; k++) {
        objective.gradient(x, g, k);
        largest = Math.max(largest, Math.abs(g[0] as number), Math.abs(g[1] as number));
        optimizer.step(x, g, rate(k - 1));
      }
      const v = (optimizer.state() as { exp_avg_sq: Float64Array }).exp_avg_sq;
      const correction = 1 - 0.999 ** run.steps;
      return { largest, rms: Array.from(v, (vi) => Math.sqrt(vi / correction)) };
    };
    const cold = final();
    const warm = final({ type: "linear-warmup", warmupSteps: 50, startFactor: 1 / 50 });
    expect(cold.largest).toBeGreaterThan(3 * warm.largest);
    for (const i of [0, 1]) expect(cold.rms[i]).toBeGreaterThan(2 * (warm.rms[i] as number));
  });

  it("run F (too high): swings for over a hundred steps; any rate ≤ 0.1 never rises and ends lower; warm-up ends higher", () => {
    const { run, explanation } = curve("run-f");
    const losses = training(run);
    const start = losses[0] as number;
    expect(start).toBeCloseTo(0.31, 2);
    expect(Math.max(...losses)).toBeGreaterThan(105);
    expect(Math.max(...losses)).toBeLessThan(115);
    expect(explanation).toContain("the loss jumps from 0.31 to about 110");
    expect(lrOf(run) / 0.05).toBe(20);
    expect(explanation).toContain("twenty times that distance");
    // Still swinging by orders of magnitude after step 100: peaks and troughs 100 times apart.
    const late = losses.slice(100);
    const peaks = late.filter((v, i) => i > 0 && v > (late[i - 1] as number) && v > (late[i + 1] ?? v));
    expect(peaks.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...late) / Math.min(...late)).toBeGreaterThan(100);
    expect(end(losses)).toBeLessThan(start / 1e4);

    for (const lr of [0.1, 0.07, 0.05, 0.03, 0.02, 0.01]) {
      const small = training({ ...run, hparams: { ...run.hparams, lr } });
      expect(Math.max(...small.slice(1)), `lr ${lr}`).toBeLessThanOrEqual(start * (1 + 1e-12));
      expect(end(small), `lr ${lr}`).toBeLessThan(end(losses));
    }
    expect(explanation).toContain(
      "Any rate of 0.1 or less never rises above where it started and ends lower",
    );
    for (const W of WARMUPS) expect(end(training(warmedUp(run, W))), `W = ${W}`).toBeGreaterThan(end(losses));
    expect(explanation).toContain(
      "a warm-up over 20, 50 or 100 steps to η = 1 ends higher than no warm-up at all",
    );
  });

  it("run D (too high): falls at first, then grows by 5% a step; half the rate converges; warm-up only delays it", () => {
    const { run, explanation } = curve("run-d");
    const losses = training(run);
    const start = losses[0] as number;
    expect(losses[1]).toBeLessThan(start);
    expect(end(losses)).toBeGreaterThan(1000 * start);
    expect(1 - lrOf(run) * 10).toBeCloseTo(-1.05, 12);
    expect(explanation).toContain("1 − ηλ = −1.05");
    expect(end(training(withLr(run, 1 / 2)))).toBeLessThan(start * 1e-6);
    for (const k of [2, 5]) expect(end(training(withLr(run, k)))).toBeGreaterThan(end(losses));
    // A warm-up passes through stable rates, which shrink the steep coordinate a long way, but once
    // the rate is 0.205 the loss (by then all steep coordinate) grows by 1.05² a step again.
    for (const W of WARMUPS) {
      const warm = training(warmedUp(run, W, 1000));
      expect((warm[1000] as number) / (warm[999] as number), `W = ${W}`).toBeCloseTo(1.05 ** 2, 6);
    }
    expect(explanation).toContain(
      "A warm-up does not: once the rate reaches 0.205, the steep coordinate grows by 5% a step again",
    );
  });

  it("run B (too low): larger rates end lower, warm-up does not help; a rate near 1/λ_max converges within 36 steps", () => {
    const { run, explanation } = curve("run-b");
    const losses = training(run);
    const start = losses[0] as number;
    expect(end(losses)).toBeGreaterThan(start / 10);
    expect(explanation).toContain("has not fallen by even a factor of ten");
    let previous = end(losses);
    for (const k of [2, 5, 10, 50]) {
      const faster = end(training(withLr(run, k)));
      expect(faster, `lr × ${k}`).toBeLessThan(previous);
      previous = faster;
    }
    for (const W of WARMUPS) expect(end(training(warmedUp(run, W))), `W = ${W}`).toBeGreaterThan(end(losses));
    const near = training({ ...run, hparams: { lr: 1 / 10 }, steps: 36 });
    expect(end(near)).toBeLessThan(start / 1e3);
  });

  it("run C (overfitting): other rates still end with the held-out loss far above its start; an L2 penalty of 0.1 cures it", () => {
    const { run, explanation } = curve("run-c");
    for (const k of [1 / 5, 1 / 2, 1, 2, 5]) {
      const held = validation(withLr(run, k));
      expect(end(held), `lr × ${k}`).toBeGreaterThan(1.4 * (held[0] as number));
    }
    for (const k of [1 / 2, 2]) {
      const held = validation(withLr(run, k));
      expect(end(held), `lr × ${k}`).toBeGreaterThan(3 * (held[0] as number));
    }
    expect(explanation).toContain("at half or twice this rate it still ends far above its start");
    const decayed = validation({ ...run, hparams: { ...run.hparams, weight_decay: 0.1 } });
    expect(end(decayed)).toBeLessThan(decayed[0] as number);
    expect(explanation).toContain(
      "with an L2 weight decay of 0.1 the held-out loss ends below where it started",
    );
  });

  it("run E (healthy): smaller rates end higher, 1.5 times the rate diverges, and warm-up only costs steps", () => {
    const { run } = curve("run-e");
    const losses = training(run);
    const start = losses[0] as number;
    expect(end(losses)).toBeLessThan(start * 1e-12);
    for (const k of SMALLER) expect(end(training(withLr(run, k))), `lr × ${k}`).toBeGreaterThan(end(losses));
    expect(lrOf(run) * 1.5).toBeGreaterThan(2 / 10);
    expect(end(training(withLr(run, 1.5)))).toBeGreaterThan(start);
    for (const W of WARMUPS) expect(end(training(warmedUp(run, W))), `W = ${W}`).toBeGreaterThan(end(losses));
  });
});
