import { createObjective, type Objective, type ObjectiveName } from "@/lib/objectives";
import { isOptimizerName, type OptimizerName, runTrajectory, type ScheduleSpec } from "@/lib/optim";

/** The 2-D objectives a Playground can show. */
export const PLAYGROUND_OBJECTIVES = [
  "rosenbrock",
  "himmelblau",
  "beale",
  "booth",
  "quadratic",
  "styblinski_tang",
  "rastrigin",
] as const satisfies readonly ObjectiveName[];

/** A 2-D objective a Playground can show. */
export type PlaygroundObjective = (typeof PLAYGROUND_OBJECTIVES)[number];

/** True when `name` is a Playground objective. */
export function isPlaygroundObjective(name: unknown): name is PlaygroundObjective {
  return typeof name === "string" && (PLAYGROUND_OBJECTIVES as readonly string[]).includes(name);
}

/** Hyper-parameters as the figures edit them (numbers, booleans and betas pairs). */
export type FigureHparams = Record<string, number | boolean | [number, number]>;

/** One optimizer slot of a figure: the core optimizer plus the preset's fixed hyper-parameters. */
export interface OptimizerSetup {
  readonly label: string;
  readonly optimizer: OptimizerName;
  readonly hparams: FigureHparams;
}

// Where the landscape is interesting and the default learning rates make visible progress.
const STARTS: Record<PlaygroundObjective, [number, number]> = {
  rosenbrock: [-1.5, 2],
  himmelblau: [-0.5, -0.5],
  beale: [-1, 1.5],
  booth: [-7, -6],
  quadratic: [-1.8, 1.5],
  styblinski_tang: [0.5, 4],
  rastrigin: [3.3, -2.6],
};

// Plain gradient steps must scale with 1/curvature; sign-like (adaptive) steps with the box size.
const GRADIENT_LR: Record<PlaygroundObjective, number> = {
  rosenbrock: 1e-3,
  himmelblau: 0.01,
  beale: 1e-3,
  booth: 0.02,
  quadratic: 0.01,
  styblinski_tang: 0.01,
  rastrigin: 2e-3,
};
const ADAPTIVE_LR: Record<PlaygroundObjective, number> = {
  rosenbrock: 0.05,
  himmelblau: 0.1,
  beale: 0.05,
  booth: 0.2,
  quadratic: 0.05,
  styblinski_tang: 0.1,
  rastrigin: 0.05,
};
const GRADIENT_SCALED: ReadonlySet<OptimizerName> = new Set(["sgd"]);
// Adagrad's steps shrink like lr / sqrt(t): it needs a larger lr to get anywhere in a few hundred steps.
const LR_FACTOR: Partial<Record<OptimizerName, number>> = { adagrad: 5 };

/** Creates the 2-D objective of a Playground (quadratic with condition number 10). */
export function createPlaygroundObjective(name: PlaygroundObjective): Objective {
  return createObjective(name, name === "quadratic" ? { condition: 10 } : {}, { dim: 2 });
}

/** The default start of an objective. */
export function getDefaultStart(name: PlaygroundObjective): [number, number] {
  return [...STARTS[name]];
}

/** Resolves an optimizer name or preset ("momentum", "nesterov") to an optimizer and its hyper-parameters. */
export function resolveOptimizerSetup(entry: string, objective: PlaygroundObjective): OptimizerSetup | null {
  if (entry === "momentum" || entry === "nesterov") {
    const lr = GRADIENT_LR[objective];
    const label = entry === "momentum" ? "SGD + momentum" : "Nesterov";
    return { label, optimizer: "sgd", hparams: { lr, momentum: 0.9, nesterov: entry === "nesterov" } };
  }
  if (!isOptimizerName(entry)) return null;
  const lr = (GRADIENT_SCALED.has(entry) ? GRADIENT_LR : ADAPTIVE_LR)[objective] * (LR_FACTOR[entry] ?? 1);
  return {
    label: OPTIMIZER_LABELS[entry],
    optimizer: entry,
    hparams: entry === "adadelta" ? { lr: 1 } : { lr },
  };
}

// Objectives named after a person keep their capital in a sentence; the others are common nouns.
const COMMON_NOUNS: ReadonlySet<ObjectiveName> = new Set(["quadratic", "logreg", "least_squares"]);

/** The objective's name as it reads inside a sentence: "the ill-conditioned quadratic function". */
export function getObjectiveNameInSentence(objective: Pick<Objective, "name" | "label">): string {
  const { label } = objective;
  return COMMON_NOUNS.has(objective.name) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Display names of the optimizers. */
const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = {
  sgd: "SGD",
  rmsprop: "RMSprop",
  adam: "Adam",
  adamw: "AdamW",
  adagrad: "Adagrad",
  nadam: "NAdam",
  radam: "RAdam",
  adamax: "Adamax",
  adadelta: "Adadelta",
  lion: "Lion",
  lamb: "LAMB",
  adafactor: "Adafactor",
  muon: "Muon",
  sgd_schedulefree: "Schedule-free SGD",
  adamw_schedulefree: "Schedule-free AdamW",
};

/** A computed trajectory: points until the first non-finite step, or the configuration error. */
export interface SeriesResult {
  /** x and y per step from 0 (the start) to the last finite step. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly losses: Float64Array;
  /** Step at which the run went non-finite (or out of all bounds), else null. */
  readonly divergedAt: number | null;
  readonly error: string | null;
}

// Far outside every plotting box: the run is lost, and squaring such values overflows soon anyway.
const DIVERGENCE_LIMIT = 1e8;

/** Runs `steps` steps from `start` with the reference core; errors become messages, divergence truncates. */
export function computeSeries(
  objective: Objective,
  setup: Pick<OptimizerSetup, "optimizer" | "hparams">,
  start: readonly number[],
  steps: number,
  schedule?: ScheduleSpec,
): SeriesResult {
  let run: ReturnType<typeof runTrajectory>;
  try {
    run = runTrajectory({
      optimizer: setup.optimizer,
      hparams: setup.hparams,
      objective,
      x0: start,
      steps,
      ...(schedule ? { schedule } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const empty = new Float64Array(0);
    return { xs: empty, ys: empty, losses: empty, divergedAt: null, error: message };
  }
  let last = steps;
  let divergedAt: number | null = null;
  for (let k = 0; k <= steps; k++) {
    const p = run.points.get(k);
    const ok =
      p?.every((v) => Number.isFinite(v) && Math.abs(v) < DIVERGENCE_LIMIT) === true &&
      Number.isFinite(run.losses[k] as number);
    if (!ok) {
      divergedAt = k;
      last = k - 1;
      break;
    }
  }
  const n = last + 1;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = run.points.get(k) as Float64Array;
    xs[k] = p[0] as number;
    ys[k] = p[1] as number;
  }
  return { xs, ys, losses: run.losses.slice(0, n), divergedAt, error: null };
}

/** The lowest known value of the objective (at its listed minima), else null. */
export function getMinimumValue(objective: Objective): number | null {
  if (!objective.minima || objective.minima.length === 0) return null;
  return Math.min(...objective.minima.map((m) => objective.value(Float64Array.from(m))));
}
