import { describe, expect, it } from "vitest";
import type { TuneConfig } from "../content/judgment-schema";
import { isExerciseSlug, loadExerciseDefinition } from "../content/registry";
import { gradeJudgment } from "./grade";
import {
  describeTuneProfile,
  explainTuneRun,
  exploreTuneGrid,
  getGridValues,
  runTune,
  type TuneSetup,
} from "./tune";

async function loadTune(slug: string): Promise<TuneConfig> {
  if (!isExerciseSlug(slug)) throw new Error(`no exercise ${slug}`);
  const config = await loadExerciseDefinition(slug);
  if (config.kind !== "tune") throw new Error(`${slug} is not a tuning exercise`);
  return config;
}

/** Every setting of the grid, the plain way: the cross product of each parameter's values. */
function allSettings(setup: TuneSetup): Array<Record<string, number>> {
  return setup.params.reduce<Array<Record<string, number>>>(
    (settings, param) =>
      settings.flatMap((values) => getGridValues(param).map((value) => ({ ...values, [param.name]: value }))),
    [{}],
  );
}

const scoreOf = (setup: TuneSetup, values: Record<string, number>) => {
  const { score } = runTune(setup, values);
  return Number.isFinite(score) ? score : Number.POSITIVE_INFINITY;
};

describe("the grid search reported after grading", () => {
  it("puts round values, the range's ends and the default on each axis", async () => {
    const config = await loadTune("tune-adam-rosenbrock");
    const [lr, beta1, beta2] = config.params;
    if (!lr || !beta1 || !beta2) throw new Error("three parameters expected");
    expect(getGridValues(lr)).toEqual([
      0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
    ]);
    expect(getGridValues(beta1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.999]);
    expect(getGridValues(beta2)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 0.999, 0.9999]);
  });

  it("finds the best setting and each parameter's profile that a plain loop over the grid finds", async () => {
    const config = await loadTune("tune-adam-rosenbrock");
    const report = exploreTuneGrid(config);
    const settings = allSettings(config);
    const scores = settings.map((values) => scoreOf(config, values));
    expect(report.runs).toBe(settings.length);
    expect(report.passing).toBe(scores.filter((score) => score < config.target).length);
    expect(report.best.score).toBe(Math.min(...scores));
    expect(report.best.score).toBeLessThan(config.target);
    for (const profile of report.profiles)
      for (const point of profile.points) {
        const withValue = scores.filter((_, i) => settings[i]?.[profile.name] === point.value);
        expect(point.best.score).toBe(Math.min(...withValue));
      }
    // The defaults fail; the best setting passes when submitted, and the grade says which it is.
    const graded = gradeJudgment(config, report.best.values);
    expect(graded.verdict).toBe("passed");
    expect(graded.message).toContain(`Best of a grid of ${report.runs} settings (${report.passing} pass)`);
  });

  it("explains each parameter: where it passes and what goes wrong just outside", async () => {
    const config = await loadTune("tune-adam-rosenbrock");
    const [lr, beta1] = exploreTuneGrid(config).profiles;
    if (!lr || !beta1) throw new Error("profiles expected");
    expect(describeTuneProfile(lr)).toMatch(
      /^learning rate η: passes from 0\.02 to 0\.1; at 0\.01 the best run (stalls|too slow)[^;]*; at 0\.2 the best run oscillates across the valley/,
    );
    expect(describeTuneProfile(beta1)).toMatch(/^β1 \(momentum\): passes from 0\.8 to 0\.9; at 0\.6 /);
    // The outcome is the grader's own: the defaults stall.
    expect(explainTuneRun(config, runTune(config, { lr: 0.001, beta1: 0.9, beta2: 0.999 })).outcome).toBe(
      "stalls",
    );
  });
});
