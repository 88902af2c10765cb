// The run behind a tuning exercise, shared by the page's live preview (in the browser) and the
// grader (on the server), so both show the same numbers.
import type { TuneConfig } from "../content/judgment-schema";
import { createObjective } from "../objectives";
import { runTrajectory } from "../optim";

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

/** A tuning run: the loss after each step (0 = start) and, for a 2-D objective, the path. */
export type TuneRun = { losses: number[]; xs: number[]; ys: number[]; final: number };

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
  return { losses: Array.from(run.losses), xs, ys, final: run.losses[setup.steps] as number };
}

/** The default value of every parameter (where the page's sliders start). */
export function getDefaultValues(setup: Pick<TuneSetup, "params">): Record<string, number> {
  return Object.fromEntries(setup.params.map((param) => [param.name, param.default]));
}
