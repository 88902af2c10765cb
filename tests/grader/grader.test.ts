import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { listCodeExerciseSlugs } from "@/lib/content/registry";
import { gradeSubmission, stopGraderProcesses } from "@/lib/grader/pool";
import { GradeResultSchema } from "@/lib/grader/result";
import { type FixtureName, loadFixture } from "./load-fixture";

const read = (path: string) => readFileSync(path, "utf8");
const solution = (slug: string) => read(`content/exercises/${slug}/solution.ts`);
/** Grades a fixture on the exercise it was written for (tests/grader/fixtures/catalog.ts). */
const gradeFixture = (name: FixtureName) => gradeSubmission(loadFixture(name));

afterAll(() => stopGraderProcesses());

describe("reference solutions and equal rewrites", () => {
  for (const slug of listCodeExerciseSlugs()) {
    it(`${slug}: the reference solution passes every test`, async () => {
      const result = GradeResultSchema.parse(await gradeSubmission({ exercise: slug, code: solution(slug) }));
      expect(result.verdict).toBe("passed");
      expect(result.tests.length).toBeGreaterThanOrEqual(7);
      expect(result.tests.every((t) => t.status === "pass")).toBe(true);
      const plotted = result.tests.find((t) => t.trajectory);
      expect(plotted?.trajectory?.expected.length).toBeLessThanOrEqual(201);
    });
  }

  it("accepts v ← μv − lr·g, θ ← θ + v and array methods (momentum)", async () => {
    expect((await gradeFixture("momentum-rewrite")).verdict).toBe("passed");
  });

  it("accepts folded bias corrections with forEach (adam)", async () => {
    expect((await gradeFixture("adam-rewrite")).verdict).toBe("passed");
  });
});

describe("classic mistakes are named", () => {
  // [exercise, fixture, diagnosis id]: the exercise is checked against the fixture's own.
  const cases: Array<[string, FixtureName, string]> = [
    ["adam", "adam-missing-bias-correction", "missing-bias-correction"],
    ["adam", "adam-eps-inside-root", "eps-inside-root"],
    ["adam", "adam-step-count-not-advanced", "step-count-not-advanced"],
    ["adam", "adam-betas-swapped", "betas-swapped"],
    ["momentum", "momentum-ema", "ema-momentum"],
    ["momentum", "momentum-old-velocity", "old-velocity"],
    ["momentum", "momentum-sign-error", "sign-error"],
    ["rmsprop", "rmsprop-adagrad-sum", "adagrad-sum"],
    ["rmsprop", "rmsprop-alpha-swapped", "alpha-swapped"],
    ["rmsprop", "rmsprop-eps-inside-root", "eps-inside-root"],
    ["adagrad", "adagrad-eps-inside-root", "eps-inside-root"],
    ["adamw", "adamw-coupled-weight-decay", "coupled-weight-decay"],
    // NaN from step 1 on the first failed test, like step-count-from-zero: the other failed tests decide.
    ["adam", "adam-gradient-not-squared", "gradient-not-squared"],
    ["nesterov", "nesterov-plain-momentum", "nesterov-plain-momentum"],
    ["nesterov", "nesterov-ema-momentum", "ema-momentum"],
    ["amsgrad", "amsgrad-no-max", "amsgrad-no-max"],
    ["amsgrad", "amsgrad-max-of-vhat", "amsgrad-max-of-vhat"],
    ["amsgrad", "amsgrad-missing-bias-correction", "missing-bias-correction"],
    ["lion", "lion-momentum-first", "lion-momentum-first"],
    ["lion", "lion-betas-swapped", "betas-swapped"],
    ["warmup-cosine", "warmup-cosine-off-by-one", "warmup-off-by-one"],
    ["warmup-cosine", "warmup-cosine-ignores-warmup", "cosine-ignores-warmup"],
    ["warmup-cosine", "warmup-cosine-not-held", "cosine-not-held"],
    ["warmup-cosine", "warmup-cosine-min-lr-ignored", "min-lr-ignored"],
  ];
  for (const [exercise, name, id] of cases) {
    it(`${name} → ${id}`, async () => {
      const submission = loadFixture(name);
      expect(submission.exercise).toBe(exercise);
      const result = await gradeSubmission(submission);
      expect(result.verdict).toBe(name === "adam-gradient-not-squared" ? "non-finite" : "failed");
      expect(result.diagnosis?.id).toBe(id);
      const failing = result.tests.find((t) => t.status === "fail");
      expect(failing?.firstDivergence?.step).toBeGreaterThanOrEqual(1);
    });
  }

  it("nesterov: the momentum exercise's solution is named heavy-ball", async () => {
    const result = await gradeSubmission({ exercise: "nesterov", code: solution("momentum") });
    expect(result.verdict).toBe("failed");
    expect(result.diagnosis?.id).toBe("nesterov-plain-momentum");
  });

  it("amsgrad: plain Adam fails (the maximum of v matters) and is named", async () => {
    const result = await gradeSubmission({ exercise: "amsgrad", code: solution("adam") });
    expect(result.verdict).toBe("failed");
    expect(result.diagnosis?.id).toBe("amsgrad-no-max");
  });

  it("warmup-cosine: a warm-up starting at 0 instead of lr / W fails at step 1", async () => {
    const result = await gradeFixture("warmup-cosine-off-by-one");
    expect(result.verdict).toBe("failed");
    expect(result.tests[0]?.firstDivergence?.step).toBe(1);
  });

  it("an empty starter fails at step 1 with expected and actual values", async () => {
    const result = await gradeSubmission({
      exercise: "adam",
      code: read("content/exercises/adam/starter.ts"),
    });
    expect(result.verdict).toBe("failed");
    expect(result.tests[0]?.firstDivergence).toMatchObject({ step: 1, coordinate: 0, actual: -1.5 });
  });
});
