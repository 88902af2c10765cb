import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getExerciseView } from "@/lib/exercises/exercise-view.server";
import { runVisibleTests } from "@/lib/exercises/visible-run";
import { gradeInProcess } from "@/lib/grader/grade-core";
import { type FixtureName, loadFixture } from "./load-fixture";

// Seven exercises (SGD with weight decay and step decay, mini-batch SGD, clipping by global
// norm, LAMB, Adafactor, Muon, schedule-free SGD), graded in this process through the same sandbox
// as the grader children: each reference solution passes, the starter fails, and a submission with
// one classic mistake is failed and named (the <exercise>-* fixtures of tests/grader/fixtures/catalog.ts).
const read = (path: string) => readFileSync(path, "utf8");
const grade = (exercise: string, code: string) => gradeInProcess({ exercise, code });

const EXERCISES = [
  "sgd-step-decay",
  "minibatch-sgd",
  "clip-grad-norm",
  "lamb",
  "adafactor",
  "muon",
  "schedule-free-sgd",
];

describe.each(EXERCISES)("%s", (slug) => {
  it("passes the reference solution on every visible and hidden test", async () => {
    const result = await grade(slug, read(`content/exercises/${slug}/solution.ts`));
    expect(result.message).toMatch(/tests passed/);
    expect(result.verdict).toBe("passed");
    expect(result.tests.some((t) => t.name.startsWith("hidden: "))).toBe(true);
  });

  it("passes the solution and fails the starter in the browser's Run too (same reference)", async () => {
    const view = await getExerciseView(slug);
    const tests = view?.visibleTests ?? [];
    expect(tests.length).toBeGreaterThan(0);
    const passed = runVisibleTests(read(`content/exercises/${slug}/solution.ts`), tests);
    expect(passed.kind === "done" && passed.tests.map((t) => t.status)).toEqual(tests.map(() => "pass"));
    const starter = runVisibleTests(read(`content/exercises/${slug}/starter.ts`), tests);
    expect(starter.kind === "done" && starter.tests[0]?.status).toBe("fail");
  });

  it("fails the starter at step 1", async () => {
    const result = await grade(slug, read(`content/exercises/${slug}/starter.ts`));
    expect(result.verdict).toBe("failed");
    expect(result.tests[0]?.firstDivergence?.step).toBe(1);
  });
});

const MISTAKES: Array<[exercise: string, fixture: FixtureName, id: string]> = [
  ["sgd-step-decay", "sgd-step-decay-every-step", "lr-decayed-every-step"],
  ["sgd-step-decay", "sgd-step-decay-scheduler-first", "scheduler-stepped-first"],
  ["sgd-step-decay", "sgd-step-decay-wd-after", "weight-decay-after-step"],
  ["minibatch-sgd", "minibatch-sgd-sum", "minibatch-sum"],
  ["minibatch-sgd", "minibatch-sgd-partial-by-b", "partial-batch-mean"],
  ["minibatch-sgd", "minibatch-sgd-no-reshuffle", "epoch-not-reshuffled"],
  ["clip-grad-norm", "clip-grad-norm-per-tensor", "clip-per-tensor"],
  ["clip-grad-norm", "clip-grad-norm-missing-eps", "clip-missing-eps"],
  ["clip-grad-norm", "clip-grad-norm-not-clamped", "clip-not-clamped"],
  ["clip-grad-norm", "clip-grad-norm-by-value", "clip-by-value"],
  ["lamb", "lamb-global-trust-ratio", "lamb-global-trust-ratio"],
  ["lamb", "lamb-zero-norm-ratio", "lamb-zero-norm-ratio"],
  ["lamb", "lamb-missing-bias-correction", "missing-bias-correction"],
  ["adafactor", "adafactor-unfactored", "adafactor-unfactored"],
  ["adafactor", "adafactor-no-update-clipping", "adafactor-no-update-clipping"],
  ["adafactor", "adafactor-no-relative-step", "adafactor-no-relative-step"],
  ["muon", "muon-gradient-orthogonalized", "muon-gradient-orthogonalized"],
  ["muon", "muon-no-shape-scale", "muon-no-shape-scale"],
  ["schedule-free-sgd", "schedule-free-params-hold-x", "schedule-free-params-hold-x"],
  ["schedule-free-sgd", "schedule-free-ema-average", "schedule-free-ema-average"],
];

describe("classic mistakes of the new exercises are named", () => {
  it.each(MISTAKES)("%s: %s → %s", async (exercise, fixture, id) => {
    const submission = loadFixture(fixture);
    expect(submission.exercise).toBe(exercise);
    const result = await grade(submission.exercise, submission.code);
    // 0/0 in a zero layer makes the naive LAMB ratio NaN: non-finite, and still named.
    expect(result.verdict).toBe(fixture === "lamb-zero-norm-ratio" ? "non-finite" : "failed");
    expect(result.diagnosis?.id).toBe(id);
  });
});
