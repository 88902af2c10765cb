import "server-only";
import { compileMdx } from "@/lib/content/compile-mdx.server";
import { type ExerciseConfig, toTorchHparams } from "@/lib/content/exercise-schema";
import { getExerciseWithConfig } from "@/lib/content/exercises.server";
import { createObjective } from "@/lib/objectives";
import { runTrajectory } from "@/lib/optim";
import type { VisibleRunTest } from "./visible-run";

/** Everything the exercise page needs, all serializable: task, starter, types, visible tests with references. */
export type ExerciseView = {
  slug: string;
  title: string;
  summary: string;
  order: number;
  taskCode: string;
  starter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
};

/** Reference parameters after every step of a visible test (lib/optim, PyTorch semantics). */
function computeVisibleReference(
  config: ExerciseConfig,
  test: ExerciseConfig["visibleTests"][number],
): number[][] {
  const objective = createObjective(test.objective.name, test.objective.args, { dim: test.dim });
  const run = runTrajectory({
    optimizer: config.optimizer,
    hparams: toTorchHparams(config, test.hp),
    objective,
    x0: test.x0,
    steps: test.steps,
  });
  return Array.from({ length: test.steps + 1 }, (_, k) => Array.from(run.points.get(k) ?? []));
}

/**
 * Declarations Monaco checks the learner's file against: the exercise's (Hyper, Init, Step) plus
 * the console the sandbox offers.
 */
const SANDBOX_DTS =
  "declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void };\n";

/** The exercise page's data, or null for an unknown slug. */
export async function getExerciseView(slug: string): Promise<ExerciseView | null> {
  const found = await getExerciseWithConfig(slug);
  if (!found) return null;
  const { exercise, config } = found;
  const { code } = await compileMdx(exercise.taskMdx, { label: `content/exercises/${slug}/task.mdx` });
  return {
    slug: exercise.slug,
    title: exercise.title,
    summary: exercise.summary,
    order: exercise.order,
    taskCode: code,
    starter: exercise.starter,
    typesDts: SANDBOX_DTS + exercise.typesDts,
    visibleTests: config.visibleTests.map((test) => ({
      name: test.name,
      objective: { name: test.objective.name, ...(test.objective.args ? { args: test.objective.args } : {}) },
      dim: test.dim,
      x0: test.x0,
      steps: test.steps,
      hp: test.hp,
      expected: computeVisibleReference(config, test),
    })),
  };
}
