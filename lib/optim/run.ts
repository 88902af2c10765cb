import type { Objective } from "../objectives/types";
import { clipGradNorm } from "./clip";
import { OptimizerConfigError } from "../config-error";
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
  /** Sizes of the parameter tensors in the flat vector (for per-tensor optimizers and clipping). */
  layers?: readonly number[];
  /** clip_grad_norm_(max_norm) applied to the gradient before every step. */
  clipGradNorm?: number;
  /**
   * Mini-batch size: the objective must give per-example gradients (least_squares). Each step
   * averages the gradients of the next `batchSize` examples of the epoch's shuffled order, the last
   * batch of an epoch being smaller when the size does not divide the data
   * (`DataLoader(shuffle=True, drop_last=False)` with a mean-reduced loss).
   */
  batchSize?: number;
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
  const optimizer = createOptimizer(opts.optimizer, x.length, opts.hparams, opts.layers);
  const gradient = opts.batchSize === undefined ? null : createMinibatchGradient(objective, opts.batchSize);
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
    if (gradient) gradient(x, grad);
    else objective.gradient(x, grad, k);
    if (opts.clipGradNorm !== undefined) clipGradNorm(grad, opts.clipGradNorm, opts.layers);
    optimizer.step(x, grad, schedule?.(k - 1));
    if (keep === null || keep.has(k)) points.set(k, x.slice());
    losses[k] = objective.value(x);
  }
  return { points, losses, final: x };
}

/**
 * The mini-batch gradients of successive steps over a data set with per-example gradients: epoch e
 * visits objective.epochOrder(e) in batches of `batchSize` (the last one smaller when n is not a
 * multiple), and each call writes the mean gradient of the next batch into `out`.
 */
export function createMinibatchGradient(
  objective: Objective,
  batchSize: number,
): (x: Float64Array, out: Float64Array) => void {
  const n = objective.examples;
  const { exampleGradient, epochOrder } = objective;
  if (n === undefined || !exampleGradient || !epochOrder)
    throw new OptimizerConfigError(
      `${objective.name} has no per-example gradients for mini-batches`,
      "objective",
    );
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new OptimizerConfigError(`Invalid batchSize: ${batchSize} (must be an integer >= 1)`, "batchSize");
  let epoch = 0;
  let order = epochOrder.call(objective, 0);
  let position = 0;
  let one = new Float64Array(0);
  return (x, out) => {
    if (position >= n) {
      epoch += 1;
      order = epochOrder.call(objective, epoch);
      position = 0;
    }
    if (one.length !== x.length) one = new Float64Array(x.length);
    const end = Math.min(position + batchSize, n);
    out.fill(0);
    for (let k = position; k < end; k++) {
      exampleGradient.call(objective, order[k] as number, x, one);
      for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) + (one[j] as number);
    }
    const size = end - position;
    for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) / size;
    position = end;
  };
}
