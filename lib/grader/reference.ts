import type { ExerciseConfig } from "../content/exercise-schema";
import { toScheduleSpec, toTorchHparams } from "../content/exercise-schema";
import { driveRun, prepareRun } from "../harness/loop";
import { createObjective } from "../objectives";
import { leastSquaresArgsSchema } from "../objectives/least-squares";
import { quadraticArgsSchema } from "../objectives/quadratic";
import { rosenbrockArgsSchema } from "../objectives/rosenbrock";
import { rastriginArgsSchema } from "../objectives/separable";
import type { Objective, ObjectiveName } from "../objectives/types";
import { runTrajectory } from "../optim";
import type { DiagnosisId } from "./diagnoses";
import type { SandboxRunSpec } from "./sandbox";
import { createVariantState, getVariantStep } from "./variants";

/** A test resolved to concrete data: what both the sandbox and the host reference run. */
export interface ResolvedTest extends SandboxRunSpec {
  name: string;
  objective: ObjectiveName;
}

// Keep at most ~2e5 recorded doubles per run (1.6 MB copied out of the isolate).
const RECORD_BUDGET = 200_000;

/** Steps to record: every step for small runs, otherwise every k-th step and always the last. */
export function getRecordSteps(dim: number, steps: number): number[] {
  const every = Math.max(1, Math.ceil((dim * steps) / RECORD_BUDGET));
  const out: number[] = [];
  for (let k = every; k < steps; k += every) out.push(k);
  out.push(steps);
  return out;
}

/** Arguments validated and defaulted on the host (the isolate's objectives have no zod). */
export function resolveObjectiveArgs(
  name: ObjectiveName,
  args: Record<string, unknown> = {},
): Record<string, unknown> {
  if (name === "rosenbrock") return rosenbrockArgsSchema.parse(args);
  if (name === "quadratic") return quadraticArgsSchema.parse(args);
  if (name === "rastrigin") return rastriginArgsSchema.parse(args);
  if (name === "least_squares") return leastSquaresArgsSchema.parse(args);
  return {};
}

/** The host objective of a test. */
export function getObjective(test: ResolvedTest): Objective {
  return createObjective(test.objective, test.args, { dim: test.dim });
}

/** Recorded parameters of the reference core (lib/optim), row-major like the sandbox's. */
export function runReference(config: ExerciseConfig, test: ResolvedTest): Float64Array {
  const trajectory = runTrajectory({
    optimizer: config.optimizer,
    hparams: toTorchHparams(config, test.hp),
    schedule: toScheduleSpec(config, test.hp),
    objective: getObjective(test),
    x0: test.x0,
    steps: test.steps,
    record: test.record,
    ...getTrainingOptions(config, test),
  });
  const out = new Float64Array(test.record.length * test.dim);
  test.record.forEach((k, r) => {
    const point = trajectory.points.get(k);
    if (point) out.set(point, r * test.dim);
  });
  return out;
}

/** The tensors, clipping and mini-batch options of an exercise's run (see ExerciseConfig). */
function getTrainingOptions(
  config: Pick<ExerciseConfig, "clipGradNorm" | "batchSize">,
  test: Pick<ResolvedTest, "layers" | "hp">,
): { layers?: number[]; clipGradNorm?: number; batchSize?: number } {
  return {
    ...(test.layers ? { layers: test.layers } : {}),
    ...(config.clipGradNorm ? { clipGradNorm: test.hp[config.clipGradNorm] ?? Number.NaN } : {}),
    ...(config.batchSize ? { batchSize: test.hp[config.batchSize] ?? Number.NaN } : {}),
  };
}

/** Recorded parameters of a classic-mistake variant, or null when it does not apply. */
export function runVariant(config: ExerciseConfig, test: ResolvedTest, id: DiagnosisId): Float64Array | null {
  // Variants know which fixed hparams (nesterov, amsgrad) and schedules they model; others have none.
  const step = getVariantStep(config, id);
  if (!step) return null;
  const objective = getObjective(test);
  // The harness loop (lib/harness/loop.ts) with the variant in the learner's place; variants take
  // the flat vectors and draw their own batches in mini-batch mode, like the reference.
  const run = prepareRun({ ...test, minibatch: config.batchSize !== undefined }, objective);
  const context = { layers: test.layers ?? [test.dim], objective };
  const state = createVariantState(test.dim);
  const out = new Float64Array(test.record.length * test.dim);
  let r = 0;
  const failure = driveRun(
    run,
    { init: () => state, step: (_xs, _gs, s, hp) => step(run.x, run.g, s as typeof state, hp, context) },
    (k) => {
      if (k === test.record[r]) out.set(run.x, r++ * test.dim);
      return true;
    },
  );
  if (failure) throw failure.error;
  return out;
}
