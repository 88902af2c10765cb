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

/** The values of one parameter on the coarse grid: 1-2-5 per decade (log), or 6 even steps and the default (linear). */
export function getGridValues(param: TuneSetup["params"][number]): number[] {
  const values = new Set<number>([param.default]);
  if (param.scale === "log") {
    for (let decade = Math.floor(Math.log10(param.min)); 10 ** decade <= param.max; decade++)
      for (const m of [1, 2, 5]) {
        const value = Number((m * 10 ** decade).toPrecision(param.digits));
        if (value >= param.min && value <= param.max) values.add(value);
      }
  } else {
    values.add(param.min).add(param.max);
    // Round numbers inside the range (0.2, 0.4… or 0.6, 0.7…), not 0.89992.
    for (let k = 1; k <= 4; k++)
      values.add(Number((param.min + (k / 5) * (param.max - param.min)).toPrecision(2)));
  }
  return [...values].sort((a, b) => a - b);
}

/** How a run went, in the grader's words: each failure has a cause a tuner can act on. */
export type TuneOutcome = "passed" | "overflow" | "late" | "oscillates" | "overshoots" | "stalls" | "slow";

/** Short names of the outcomes, for tables and the grid report. */
export const TUNE_OUTCOME_LABELS: Record<TuneOutcome, string> = {
  passed: "settles below the target",
  overflow: "overflows",
  late: "too slow: only crosses the target at the end",
  oscillates: "oscillates across the valley",
  overshoots: "overshoots: the loss rises",
  stalls: "stalls",
  slow: "too slow",
};

/** Why a run passed or failed (the grade's message and the grid report share it). */
export function explainTuneRun(setup: TuneSetup, run: TuneRun): { outcome: TuneOutcome; why: string } {
  const { losses, final, score } = run;
  const { steps, target } = setup;
  const blewUp = losses.findIndex((loss) => !Number.isFinite(loss));
  if (blewUp >= 0)
    return {
      outcome: "overflow",
      why: `The loss overflowed at step ${blewUp}: the steps are far too large. Lower the learning rate.`,
    };
  if (score < target) return { outcome: "passed", why: "" };
  const start = losses[0] as number;
  const last = losses.slice(-getTuneWindow(setup));
  const lowest = Math.min(...last);
  const peak = Math.max(...losses);
  const half = losses[Math.floor(steps / 2)] as number;
  if (lowest < target && last.every((loss, i) => i === 0 || loss < (last[i - 1] as number)))
    return {
      outcome: "late",
      why:
        `The loss only crossed the target in the last steps (it ends at ${formatNumber(final)}, still falling): ` +
        "the run is on its way but too slow to have settled below the target.",
    };
  if (lowest < target)
    return {
      outcome: "oscillates",
      why:
        `It dips as low as ${formatNumber(lowest)} but swings back above the target: the run oscillates across ` +
        "the valley floor instead of settling. A somewhat smaller learning rate lets it settle.",
    };
  if (final > start || peak > 10 * start)
    return {
      outcome: "overshoots",
      why:
        `The loss rose to ${formatNumber(peak)} on the way (it started at ${formatNumber(start)}): the steps overshoot ` +
        "the valley. A smaller learning rate, or less momentum (β1), keeps the run on the valley floor.",
    };
  if (half > 0 && final > 0.5 * half)
    return {
      outcome: "stalls",
      why:
        `The run stalls: the loss was ${formatNumber(half)} halfway and ${formatNumber(final)} at the end. ` +
        "Adam's step per coordinate is at most about the learning rate, so a small learning rate cannot cross " +
        "the distance in time; a second-moment average that forgets faster (a smaller β2) also lets the " +
        "step follow the valley as the gradient changes.",
    };
  return {
    outcome: "slow",
    why: `The loss was still falling at the end (${formatNumber(half)} halfway): the run is on its way but too slow.`,
  };
}

/** A grid setting's result: its score (infinite when the core refuses it or it overflows) and outcome. */
export type TuneGridPoint = { values: Record<string, number>; score: number; outcome: TuneOutcome };

/** One parameter's profile: for each of its grid values, the best setting of the others with it. */
export type TuneProfile = {
  name: string;
  label: string;
  points: Array<{ value: number; best: TuneGridPoint }>;
};

/** What a grid search over every parameter found: the best setting, how many pass, each parameter's profile. */
export type TuneGridReport = {
  runs: number;
  passing: number;
  best: TuneGridPoint;
  profiles: TuneProfile[];
};

function runGridPoint(setup: TuneSetup, values: Record<string, number>): TuneGridPoint {
  try {
    const run = runTune(setup, values);
    const { outcome } = explainTuneRun(setup, run);
    return { values, score: Number.isFinite(run.score) ? run.score : Number.POSITIVE_INFINITY, outcome };
  } catch {
    return { values, score: Number.POSITIVE_INFINITY, outcome: "overflow" };
  }
}

/**
 * Runs every setting of the coarse grid (getGridValues per parameter) through runTune: the search a
 * tuner with a large compute budget would do, reported after grading to say what worked and why.
 * About 650 runs for three parameters, a quarter of a second.
 */
export function exploreTuneGrid(setup: TuneSetup): TuneGridReport {
  const axes = setup.params.map((param) => ({ param, values: getGridValues(param) }));
  const none: TuneGridPoint = { values: {}, score: Number.POSITIVE_INFINITY, outcome: "overflow" };
  const profiles: TuneProfile[] = axes.map(({ param, values }) => ({
    name: param.name,
    label: param.label,
    points: values.map((value) => ({ value, best: none })),
  }));
  let best = none;
  let runs = 0;
  let passing = 0;
  const visit = (depth: number, values: Record<string, number>, at: number[]) => {
    const axis = axes[depth];
    if (!axis) {
      const point = runGridPoint(setup, values);
      runs++;
      if (point.outcome === "passed") passing++;
      if (point.score < best.score) best = point;
      profiles.forEach((profile, i) => {
        const entry = profile.points[at[i] as number];
        if (entry && point.score < entry.best.score) entry.best = point;
      });
      return;
    }
    axis.values.forEach((value, index) => {
      visit(depth + 1, { ...values, [axis.param.name]: value }, [...at, index]);
    });
  };
  visit(0, {}, []);
  return { runs, passing, best, profiles };
}

/**
 * One parameter's profile in a sentence: the values with which some setting passes, and what goes
 * wrong just outside them, e.g. "learning rate η: passes from 0.02 to 0.1; at 0.01 the best run
 * stalls (mean loss 0.672); at 0.2 it oscillates across the valley (0.033)."
 */
export function describeTuneProfile(profile: TuneProfile): string {
  const { points } = profile;
  const first = points.findIndex((point) => point.best.outcome === "passed");
  if (first < 0) return `${profile.label}: no value on the grid passes.`;
  const last =
    points.length - 1 - [...points].reverse().findIndex((point) => point.best.outcome === "passed");
  const band =
    first === last
      ? `passes only at ${formatNumber(points[first]?.value ?? Number.NaN)}`
      : `passes from ${formatNumber(points[first]?.value ?? Number.NaN)} to ${formatNumber(points[last]?.value ?? Number.NaN)}`;
  const outside = [points[first - 1], points[last + 1]]
    .filter((point) => point !== undefined)
    .map(
      (point) =>
        `at ${formatNumber(point.value)} the best run ${TUNE_OUTCOME_LABELS[point.best.outcome]} (mean loss ${formatNumber(point.best.score)})`,
    );
  return `${profile.label}: ${band}${outside.length ? `; ${outside.join("; ")}` : ""}.`;
}

/** The best grid setting as text, e.g. "learning rate η 0.05, β1 (momentum) 0.9, β2 (second moment) 0.9". */
export function describeTuneValues(
  setup: Pick<TuneSetup, "params">,
  values: Readonly<Record<string, number>>,
): string {
  return setup.params
    .map((param) => `${param.label} ${formatNumber(values[param.name] ?? Number.NaN)}`)
    .join(", ");
}
