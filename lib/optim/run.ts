import type { Objective } from "../objectives/types";
import { OptimizerConfigError } from "./errors";
import { createOptimizer } from "./registry";
import { createSchedule, type ScheduleSpec } from "./schedules";
import type { OptimizerName } from "./types";

/** Options of runTrajectory. */
export interface RunTrajectoryOptions {
  optimizer: OptimizerName;
  hparams?: Record<string, unknown>;
  objective: Objective;
  x0: ArrayLike<number>;
  steps: number;
  /** lr(t) for the 0-based step index t; its base lr is hparams.lr (or the optimizer's default). */
  schedule?: ScheduleSpec;
  /** Steps whose parameters to keep (0 = x0); default every step. */
  record?: "all" | readonly number[];
}

/** A trajectory: kept parameters per step (0 = x0) and the full-objective loss at x_k for k = 0..steps. */
export interface Trajectory {
  points: Map<number, Float64Array>;
  losses: Float64Array;
  /** Parameters after the last step. */
  final: Float64Array;
}

/**
 * Runs `steps` steps: step k (1-based) takes the gradient at x_{k-1} (batch k for logreg), then one
 * optimizer step with lr = schedule(k - 1) when a schedule is given.
 */
export function runTrajectory(opts: RunTrajectoryOptions): Trajectory {
  const { objective, steps } = opts;
  if (!Number.isInteger(steps) || steps < 0) {
    throw new OptimizerConfigError(`Invalid steps: ${steps} (must be an integer >= 0)`, "steps");
  }
  const x = Float64Array.from(opts.x0);
  if (x.length === 0 || (objective.dim !== null && x.length !== objective.dim)) {
    throw new OptimizerConfigError(
      `Invalid x0: length ${x.length} (${objective.name} needs ${objective.dim ?? ">= 1"})`,
      "x0",
    );
  }
  const optimizer = createOptimizer(opts.optimizer, x.length, opts.hparams);
  const baseLr = optimizer.hparams.lr;
  const schedule =
    opts.schedule === undefined || typeof baseLr !== "number"
      ? undefined
      : createSchedule(baseLr, opts.schedule);
  const keep = opts.record === undefined || opts.record === "all" ? null : new Set(opts.record);
  const points = new Map<number, Float64Array>();
  const losses = new Float64Array(steps + 1);
  const grad = new Float64Array(x.length);
  if (keep === null || keep.has(0)) points.set(0, x.slice());
  losses[0] = objective.value(x);
  for (let k = 1; k <= steps; k++) {
    objective.gradient(x, grad, k);
    optimizer.step(x, grad, schedule?.(k - 1));
    if (keep === null || keep.has(k)) points.set(k, x.slice());
    losses[k] = objective.value(x);
  }
  return { points, losses, final: x };
}
