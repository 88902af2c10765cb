import type { ValueSource } from "../content/judgment-schema";
import { getHeavyBallOptimum, getHeavyBallRootRadius } from "../dynamics/heavy-ball";
import { estimateNoiseScale, getExamplesRatio, getStepsRatio } from "../dynamics/noise-scale";
import { createObjective } from "../objectives";
import { createOptimizer, runTrajectory } from "../optim";

/**
 * The number a prediction question expects, computed by the core (never typed into the content):
 * a coordinate, the loss or the step of a run; the step of an optimizer fed a constant gradient;
 * the linear scaling rule's learning rate; the steps a run needs; heavy ball's stability edge and
 * Polyak's optimum; or the gradient noise scale and its batch-size trade-off.
 */
export function computeExpected(source: ValueSource): number {
  switch (source.type) {
    case "trajectory": {
      const objective = createObjective(source.objective.name, source.objective.args, {
        dim: source.x0.length,
      });
      const run = runTrajectory({
        optimizer: source.optimizer,
        hparams: source.hparams,
        objective,
        x0: source.x0,
        steps: source.step,
        record: [Math.max(0, source.step - 1), source.step],
      });
      if (source.field === "loss") return run.losses[source.step] as number;
      const after = run.points.get(source.step);
      const coordinate = (point: Float64Array | undefined) => {
        const value = point?.[source.index];
        if (value === undefined) throw new Error(`index ${source.index} is outside x0`);
        return value;
      };
      if (source.field === "params") return coordinate(after);
      if (source.step === 0) throw new Error('field "update" needs step ≥ 1');
      return coordinate(after) - coordinate(run.points.get(source.step - 1));
    }
    case "constant-gradient": {
      const grad = Float64Array.from(source.gradient);
      const params = new Float64Array(grad.length);
      const optimizer = createOptimizer(source.optimizer, grad.length, source.hparams);
      let before = 0;
      for (let k = 1; k <= source.step; k++) {
        before = params[source.index] as number;
        optimizer.step(params, grad);
      }
      const value = params[source.index];
      if (value === undefined) throw new Error(`index ${source.index} is outside the gradient`);
      const update = value - before;
      return source.abs ? Math.abs(update) : update;
    }
    case "linear-scaling":
      return (source.lr * source.newBatch) / source.batch;
    case "steps-to-distance":
      return countStepsToDistance(source);
    case "stability-edge":
      return findStabilityEdge(source);
    case "heavy-ball-optimum":
      return getHeavyBallOptimum(source.smallest, source.largest)[source.quantity];
    case "noise-scale": {
      const estimate = estimateNoiseScale(source.small, source.big);
      if (source.quantity === "gradient-squared-norm") return estimate.gradientSquaredNorm;
      return source.quantity === "trace" ? estimate.trace : estimate.simple;
    }
    case "batch-tradeoff":
      return source.quantity === "steps"
        ? getStepsRatio(source.noiseScale, source.batch)
        : getExamplesRatio(source.noiseScale, source.batch);
  }
}

/** The first step of the core's run whose distance to the minimum is within `ratio` of the start's. */
function countStepsToDistance(source: Extract<ValueSource, { type: "steps-to-distance" }>): number {
  const objective = createObjective(source.objective.name, source.objective.args, { dim: source.x0.length });
  const minimum = objective.minima?.[0];
  if (!minimum) throw new Error(`objective ${source.objective.name} has no known minimum`);
  const optimizer = createOptimizer(source.optimizer, source.x0.length, source.hparams);
  const params = Float64Array.from(source.x0);
  const grad = new Float64Array(params.length);
  const distance = () => Math.hypot(...params.map((p, i) => p - (minimum[i] as number)));
  const target = source.ratio * distance();
  for (let step = 1; step <= source.maxSteps; step++) {
    objective.gradient(params, grad);
    optimizer.step(params, grad);
    if (distance() <= target) return step;
  }
  throw new Error(`the run does not reach ${source.ratio} of its first distance in ${source.maxSteps} steps`);
}

/**
 * Bisects on heavy ball's exact rate along one eigenvector (lib/dynamics, checked there against the
 * core's SGD): stability depends on the product η·λ only, so the edge in λ at a given η is the
 * edge in η at that λ.
 */
function findStabilityEdge(source: Extract<ValueSource, { type: "stability-edge" }>): number {
  const given = source.lr ?? source.curvature;
  if (given === undefined || (source.lr !== undefined) === (source.curvature !== undefined)) {
    throw new Error("stability-edge needs exactly one of lr and curvature");
  }
  const stable = (product: number) => getHeavyBallRootRadius(product, source.momentum, 1) < 1;
  let low = 0;
  let high = 1;
  while (stable(high)) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13 * high; i++) {
    const mid = (low + high) / 2;
    if (stable(mid)) low = mid;
    else high = mid;
  }
  return low / given;
}

/** Whether `answer` is within the question's tolerance of `expected`. */
export function isWithinTolerance(
  answer: number,
  expected: number,
  tolerance: { relative: number; absolute: number },
): boolean {
  return Math.abs(answer - expected) <= Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
}

/** The tolerance as a learner reads it. */
export function describeTolerance(tolerance: { relative: number; absolute: number }): string {
  const parts: string[] = [];
  if (tolerance.relative > 0) parts.push(`${Number((tolerance.relative * 100).toPrecision(3))}%`);
  if (tolerance.absolute > 0) parts.push(`${tolerance.absolute}`);
  return `within ${parts.join(" or ")}`;
}
