import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DiagnoseConfig, JudgmentConfig, PredictConfig, TuneConfig } from "../content/judgment-schema";
import { isExerciseSlug, listExerciseSlugs, loadExerciseDefinition } from "../content/registry";
import { GradeResultSchema, VerdictSchema } from "../grader/result";
import { computeCurve } from "./curves";
import { gradeJudgment, InvalidAnswerError } from "./grade";
import { describeTuneRule, getDefaultValues, getTuneWindow, runTune } from "./tune";
import { computeExpected } from "./values";

async function load<K extends JudgmentConfig["kind"]>(slug: string, kind: K) {
  if (!isExerciseSlug(slug)) throw new Error(`no exercise ${slug}`);
  const config = await loadExerciseDefinition(slug);
  if (config.kind !== kind) throw new Error(`${slug} is not a ${kind} exercise`);
  return config as Extract<JudgmentConfig, { kind: K }>;
}

/** Every exercise of judgment in the course, by kind. */
async function listJudgment() {
  const all = await Promise.all(listExerciseSlugs().map((slug) => loadExerciseDefinition(slug)));
  return {
    tune: all.filter((c): c is TuneConfig => c.kind === "tune"),
    diagnose: all.filter((c): c is DiagnoseConfig => c.kind === "diagnose"),
    predict: all.filter((c): c is PredictConfig => c.kind === "predict"),
  };
}

function expectStorable(result: unknown) {
  const parsed = GradeResultSchema.parse(result);
  expect(VerdictSchema.safeParse(parsed.verdict).success).toBe(true);
  return parsed;
}

describe("tune", () => {
  it("the course has tuning exercises, and each is reachable but not with its defaults", async () => {
    const { tune } = await listJudgment();
    expect(tune.length).toBeGreaterThan(0);
    for (const config of tune) {
      // The defaults (PyTorch's) miss the target, graded as the route grades.
      const defaults = expectStorable(gradeJudgment(config, getDefaultValues(config)));
      expect(defaults.verdict, config.title).toBe("failed");
      expect(defaults.message).toMatch(/target/);
      // A coarse search over the sliders finds a passing setting: the target is reachable.
      const grid = config.params.map((p) =>
        Array.from({ length: 7 }, (_, i) =>
          p.scale === "log" ? p.min * (p.max / p.min) ** (i / 6) : p.min + ((p.max - p.min) * i) / 6,
        ).concat([p.default, ...(p.name.startsWith("beta") ? [0.9, 0.99] : [])]),
      );
      let found: Record<string, number> | null = null;
      const search = (i: number, values: Record<string, number>) => {
        if (found) return;
        const param = config.params[i];
        if (!param) {
          if (runTune(config, values).score < config.target) found = { ...values };
          return;
        }
        for (const v of grid[i] ?? []) search(i + 1, { ...values, [param.name]: v });
      };
      search(0, {});
      expect(found, config.title).not.toBeNull();
      const passed = expectStorable(gradeJudgment(config, found));
      expect(passed.verdict).toBe("passed");
      expect(passed.message).toMatch(/below the target/);
    }
  });

  it("passes Adam on Rosenbrock with lr 0.05 and betas (0.9, 0.9), fails the defaults as too slow", async () => {
    const config = await load("tune-adam-rosenbrock", "tune");
    const pass = gradeJudgment(config, { lr: 0.05, beta1: 0.9, beta2: 0.9 });
    expect(pass).toMatchObject({ verdict: "passed", status: "pass" });
    const slow = gradeJudgment(config, { lr: 0.001, beta1: 0.9, beta2: 0.999 });
    expect(slow).toMatchObject({ verdict: "failed", status: "fail" });
    expect(slow.message).toMatch(/stalls/);
  });

  it("grades the mean loss over the last 50 steps, so neighbouring settings agree and a lucky last step does not pass", async () => {
    const config = await load("tune-adam-rosenbrock", "tune");
    expect(getTuneWindow(config)).toBe(50);
    expect(describeTuneRule(config)).toBe("mean loss over the last 50 of 300 steps < 0.01");
    // lr 0.1 with betas (0.9, 0.9) oscillates on the valley floor: graded on the last step alone it
    // failed while 0.09 and 0.11 passed. Averaged over the last 50 steps all three settle below 0.01.
    const tenth = runTune(config, { lr: 0.1, beta1: 0.9, beta2: 0.9 });
    expect(tenth.final).toBeGreaterThan(config.target);
    for (const lr of [0.09, 0.095, 0.1, 0.105, 0.11]) {
      const result = gradeJudgment(config, { lr, beta1: 0.9, beta2: 0.9 });
      expect(result.verdict, `lr ${lr}`).toBe("passed");
      expect(result.message).toMatch(/^Mean loss over the last 50 steps .*: below the target 0\.01/);
    }
    // A little further the swings no longer average below the target, and the message says so.
    const swinging = gradeJudgment(config, { lr: 0.12, beta1: 0.9, beta2: 0.9 });
    expect(swinging.verdict).toBe("failed");
    expect(swinging.message).toMatch(/swings back above the target/);
    // Only the lr slider moved, to its maximum: the loss crosses 0.01 at the very end, still falling.
    const max = config.params.find((p) => p.name === "lr")?.max as number;
    const slider = runTune(config, { lr: max, beta1: 0.9, beta2: 0.999 });
    expect(slider.final).toBeLessThan(config.target);
    expect(slider.score).toBeGreaterThan(config.target);
    const result = gradeJudgment(config, { lr: max, beta1: 0.9, beta2: 0.999 });
    expect(result.verdict).toBe("failed");
    expect(result.message).toMatch(/only crossed the target in the last steps/);
    expect(result.tolerance).toBe("mean loss over the last 50 of 300 steps < 0.01");
    // The task states the same rule.
    const task = readFileSync("content/exercises/tune-adam-rosenbrock/task.mdx", "utf8");
    expect(task).toContain("**the mean loss over the last 50 of the 300 steps is below 0.01**");
  });

  it("for fixed betas, the passing learning rates form one interval: no isolated pass or failure", async () => {
    const config = await load("tune-adam-rosenbrock", "tune");
    const lrs = Array.from({ length: 61 }, (_, i) => 0.01 * 100 ** (i / 60));
    for (const [beta1, beta2] of [
      [0.9, 0.9],
      [0.9, 0.99],
      [0.9, 0.999],
      [0.8, 0.9],
      [0.95, 0.9],
    ]) {
      const pattern = lrs
        .map((lr) =>
          runTune(config, { lr, beta1, beta2 } as Record<string, number>).score < config.target ? "#" : ".",
        )
        .join("");
      expect(pattern, `betas (${beta1}, ${beta2})`).toMatch(/^\.*#+\.*$/);
    }
  });

  it("explains an overshooting run and calls an overflow non-finite", async () => {
    const config = await load("tune-adam-rosenbrock", "tune");
    const wild = gradeJudgment(config, { lr: 1, beta1: 0.999, beta2: 0.5 });
    expect(["failed", "non-finite"]).toContain(wild.verdict);
    expect(wild.message).toMatch(/overshoot|overflowed/);
    const sgd: TuneConfig = {
      ...config,
      optimizer: "sgd",
      torchHparams: { lr: "lr" },
      params: [config.params[0] as TuneConfig["params"][number]],
    };
    const blown = gradeJudgment(sgd, { lr: 1 });
    expect(blown.verdict).toBe("non-finite");
    expect(blown.message).toMatch(/overflowed at step \d+/);
  });

  it("refuses values out of range, missing or unknown, naming them", async () => {
    const config = await load("tune-adam-rosenbrock", "tune");
    expect(() => gradeJudgment(config, { lr: 2, beta1: 0.9, beta2: 0.9 })).toThrow(
      /learning rate η must be at most 1/,
    );
    expect(() => gradeJudgment(config, { lr: 0.01, beta1: 0.9 })).toThrow(/no "beta2"/);
    expect(() => gradeJudgment(config, { lr: 0.01, beta1: 0.9, beta2: 0.9, eps: 1 })).toThrow(
      /Unknown field "eps"/,
    );
    expect(() => gradeJudgment(config, { lr: "0.01", beta1: 0.9, beta2: 0.9 })).toThrow(InvalidAnswerError);
  });
});

describe("diagnose", () => {
  it("passes the right causes and explains each; a wrong one is marked with what that cause looks like", async () => {
    const config = await load("read-the-loss-curve", "diagnose");
    const right = Object.fromEntries(config.curves.map((c) => [c.id, c.answer]));
    const pass = expectStorable(gradeJudgment(config, right));
    expect(pass.verdict).toBe("passed");
    for (const [i, curve] of config.curves.entries())
      expect(pass.tests[i]?.message).toContain(curve.explanation);

    const first = config.curves[0];
    if (!first) throw new Error("no curve");
    const wrongChoice = config.choices.find((c) => c.id !== first.answer);
    const fail = expectStorable(gradeJudgment(config, { ...right, [first.id]: wrongChoice?.id }));
    expect(fail.verdict).toBe("failed");
    expect(fail.message).toMatch(new RegExp(`${config.curves.length - 1} of ${config.curves.length}`));
    expect(fail.tests[0]).toMatchObject({ status: "fail" });
    expect(fail.tests[0]?.message).toContain(wrongChoice?.signature);
    // The failure does not give the answer away.
    expect(fail.tests[0]?.message).not.toContain(first.explanation);
  });

  it("refuses a missing curve or a cause that is not a choice", async () => {
    const config = await load("read-the-loss-curve", "diagnose");
    expect(() => gradeJudgment(config, {})).toThrow(/Choose one of the causes/);
    const right = Object.fromEntries(config.curves.map((c) => [c.id, c.answer]));
    expect(() => gradeJudgment(config, { ...right, "run-a": "bad-luck" })).toThrow(InvalidAnswerError);
  });

  it("each curve has the shape its explanation describes (computed by the core)", async () => {
    const config = await load("read-the-loss-curve", "diagnose");
    for (const curve of config.curves) {
      const [train, validation] = computeCurve(curve.run);
      const v = train?.values ?? [];
      const first = v[0] as number;
      const last = v.at(-1) as number;
      switch (curve.answer) {
        case "lr-too-high": {
          // It grows without end, or it is still swinging by orders of magnitude in its last third.
          const tail = v.slice(Math.floor((2 * v.length) / 3));
          const peaks = tail.filter((x, i) => i > 0 && x > (tail[i - 1] as number) && x > (tail[i + 1] ?? x));
          const swinging = peaks.length >= 3 && Math.max(...tail) > 10 * Math.min(...tail);
          expect(last > 1000 * first || swinging, curve.id).toBe(true);
          break;
        }
        case "lr-too-low":
          expect(v.every((x, i) => i === 0 || x < (v[i - 1] as number))).toBe(true);
          expect(last).toBeGreaterThan(first / 10);
          break;
        case "no-warmup": {
          // A jump in the first steps, then (from a quarter of the run on) a smooth fall, far below the start.
          expect(Math.max(...v.slice(1, 4))).toBeGreaterThan(10 * first);
          const settled = v.slice(Math.floor(v.length / 4));
          expect(settled.every((x, i) => i === 0 || x < (settled[i - 1] as number))).toBe(true);
          expect(last).toBeLessThan(first / 100);
          break;
        }
        case "overfitting": {
          const held = validation?.values ?? [];
          expect(last).toBeLessThan(first / 10);
          expect(held.at(-1)).toBeGreaterThan(3 * (held[0] as number));
          expect(held[10]).toBeGreaterThan(held[0] as number);
          break;
        }
        case "healthy":
          expect(last).toBeLessThan(first * 1e-6);
          break;
        default:
          throw new Error(`no shape check for ${curve.answer}`);
      }
    }
  });
});

describe("predict", () => {
  it("passes the core's values, fails others with a hint and no number; explanations show the value", async () => {
    const { predict } = await listJudgment();
    expect(predict.length).toBeGreaterThanOrEqual(2);
    for (const config of predict) {
      const expected = Object.fromEntries(config.questions.map((q) => [q.id, computeExpected(q.value)]));
      const pass = expectStorable(gradeJudgment(config, expected));
      expect(pass.verdict, config.title).toBe("passed");
      for (const test of pass.tests) expect(test.message).not.toContain("{expected}");
      const wrong = Object.fromEntries(
        config.questions.map((q) => [q.id, 10 * computeExpected(q.value) + 1]),
      );
      const fail = expectStorable(gradeJudgment(config, wrong));
      expect(fail.verdict).toBe("failed");
      for (const [i, q] of config.questions.entries()) expect(fail.tests[i]?.message).toContain(q.hint);
    }
  });

  it("computes the worked numbers of the course's questions", async () => {
    const byHand = await load("first-step-by-hand", "predict");
    const values = Object.fromEntries(byHand.questions.map((q) => [q.id, computeExpected(q.value)]));
    // λ = (1, 10), θ0 = (1, 1): one GD step with η = 0.1, then with η = 0.25.
    expect(values["first-coordinate"]).toBeCloseTo(0.9, 12);
    expect(values["second-coordinate"]).toBeCloseTo(0, 12);
    expect(values["loss-after-step"]).toBeCloseTo(0.405, 12);
    expect(values.overshoot).toBeCloseTo(-1.5, 12);

    const scale = await load("large-batch-numbers", "predict");
    const at = Object.fromEntries(scale.questions.map((q) => [q.id, computeExpected(q.value)]));
    expect(at["linear-scaling"]).toBeCloseTo(3.2, 12);
    // Adam's first step ≈ lr for a gradient of 1e-4 and of 50 alike.
    expect(at["adam-tiny-gradient"]).toBeCloseTo(1e-3 * (1e-4 / (1e-4 + 1e-8)), 12);
    expect(at["adam-huge-gradient"]).toBeCloseTo(1e-3, 8);
    // Momentum's steady step η·g/(1−μ) = 0.2 (200 steps: 0.2·(1 − 0.9^200)).
    expect(at["momentum-steady-step"]).toBeCloseTo(0.2 * (1 - 0.9 ** 200), 12);
  });

  it("grades within the stated tolerance and refuses non-numbers", async () => {
    const config = await load("large-batch-numbers", "predict");
    const right = Object.fromEntries(config.questions.map((q) => [q.id, computeExpected(q.value)]));
    expect(gradeJudgment(config, { ...right, "linear-scaling": 3.2 * 1.009 }).verdict).toBe("passed");
    const off = gradeJudgment(config, { ...right, "linear-scaling": 3.2 * 1.02 });
    expect(off.verdict).toBe("failed");
    expect(off.tests[0]?.message).toMatch(/too large/);
    expect(off.tolerance).toMatch(/within the tolerance shown/);
    expect(() => gradeJudgment(config, { ...right, "linear-scaling": null })).toThrow(/must be a number/);
  });
});
