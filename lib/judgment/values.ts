import type { ValueSource } from "../content/judgment-schema";
import { createObjective } from "../objectives";
import { createOptimizer, runTrajectory } from "../optim";

/**
 * The number a prediction question expects, computed by the core (never typed into the content):
 * a coordinate, the loss or the step of a run; the step of an optimizer fed a constant gradient;
 * or the linear scaling rule's learning rate.
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
  }
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
