import "server-only";
import { compileMdx } from "@/lib/content/compile-mdx.server";
import { getExercise } from "@/lib/content/exercises.server";
import { type ExerciseConfig, toTorchHparams } from "@/lib/grader/exercise-schema";
import {
  EXERCISE_SLUGS,
  isExerciseSlug,
  loadExerciseConfig,
  readExerciseFile,
} from "@/lib/grader/exercise-store";
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

/** Summaries of every exercise, in course order. */
export async function listExerciseSummaries(): Promise<
  { slug: string; title: string; summary: string; order: number }[]
> {
  const rows = await Promise.all(
    EXERCISE_SLUGS.map(async (slug) => {
      const config = await loadExerciseConfig(slug);
      return { slug, title: config.title, summary: config.summary, order: config.order };
    }),
  );
  return rows.sort((a, b) => a.order - b.order);
}

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
  if (!isExerciseSlug(slug)) return null;
  const [config, task, starter, exercise] = await Promise.all([
    loadExerciseConfig(slug),
    readExerciseFile(slug, "task.mdx"),
    readExerciseFile(slug, "starter.ts"),
    getExercise(slug),
  ]);
  const { code } = await compileMdx(task, { label: `content/exercises/${slug}/task.mdx` });
  return {
    slug,
    title: config.title,
    summary: config.summary,
    order: config.order,
    taskCode: code,
    starter,
    typesDts: SANDBOX_DTS + (exercise?.typesDts ?? ""),
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

export { EXERCISE_SLUGS };
