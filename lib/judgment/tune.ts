// The run behind a tuning exercise, shared by the page's live preview (in the browser) and the
// grader (on the server), so both show the same numbers.
import type { TuneConfig } from "../content/judgment-schema";
import { createObjective } from "../objectives";
import { runTrajectory } from "../optim";
import { formatNumber } from "./curves";

/** What the run needs from exercise.json (all of it is public). */
export type TuneSetup = Pick<
  TuneConfig,
  "optimizer" | "objective" | "x0" | "steps" | "target" | "params" | "torchHparams" | "fixedTorchHparams"
>;

/** The learner's values mapped to the PyTorch hparams of lib/optim (a list of names becomes a tuple). */
function toTuneHparams(setup: TuneSetup, values: Readonly<Record<string, number>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...setup.fixedTorchHparams };
  for (const [torchName, names] of Object.entries(setup.torchHparams)) {
    out[torchName] = Array.isArray(names) ? names.map((name) => values[name]) : values[names];
  }
  return out;
}

/**
 * How many of the last steps the grade averages. A tuner accepts a setting whose run has settled
 * below the target, not one whose loss crosses it at the last step of an oscillation (lr 0.1 with
 * betas (0.9, 0.9) on Rosenbrock failed while 0.09 and 0.11 passed) or only just reaches it then
 * (the lr slider at its maximum with the default betas passed).
 */
export const TUNE_WINDOW = 50;

/** The number of final steps the grade averages: TUNE_WINDOW, or every step of a shorter run. */
export function getTuneWindow(setup: Pick<TuneSetup, "steps">): number {
  return Math.min(TUNE_WINDOW, setup.steps);
}

/** The graded rule in words, e.g. "mean loss over the last 50 of 300 steps < 0.01". */
export function describeTuneRule(setup: Pick<TuneSetup, "steps" | "target">): string {
  return `mean loss over the last ${getTuneWindow(setup)} of ${setup.steps} steps < ${formatNumber(setup.target)}`;
}

/**
 * A tuning run: the loss after each step (0 = start), for a 2-D objective the path, the loss after
 * the last step, and the graded score: the mean loss over the last getTuneWindow(setup) steps
 * (non-finite if any of them is).
 */
export type TuneRun = { losses: number[]; xs: number[]; ys: number[]; final: number; score: number };

/** Runs the core with the learner's values; throws OptimizerConfigError for values the core refuses. */
export function runTune(setup: TuneSetup, values: Readonly<Record<string, number>>): TuneRun {
  const objective = createObjective(setup.objective.name, setup.objective.args, { dim: setup.x0.length });
  const run = runTrajectory({
    optimizer: setup.optimizer,
    hparams: toTuneHparams(setup, values),
    objective,
    x0: setup.x0,
    steps: setup.steps,
  });
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k <= setup.steps; k++) {
    const point = run.points.get(k);
    xs.push(point?.[0] ?? Number.NaN);
    ys.push(point?.[1] ?? Number.NaN);
  }
  const losses = Array.from(run.losses);
  const last = losses.slice(-getTuneWindow(setup));
  const score = last.reduce((sum, loss) => sum + loss, 0) / last.length;
  return { losses, xs, ys, final: losses[setup.steps] as number, score };
}

/** The default value of every parameter (where the page's sliders start). */
export function getDefaultValues(setup: Pick<TuneSetup, "params">): Record<string, number> {
  return Object.fromEntries(setup.params.map((param) => [param.name, param.default]));
}
