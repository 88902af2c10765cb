import "server-only";
import { compileMdx } from "@/lib/content/compile-mdx.server";
import type { ExerciseConfig } from "@/lib/content/exercise-schema";
import { getExerciseWithConfig } from "@/lib/content/exercises.server";
import { readExerciseFile } from "@/lib/content/registry";
import { resolveObjectiveArgs, runReference } from "@/lib/grader/reference";
import { type AfterPass, getAfterPass } from "./after-pass.server";
import type { VisibleRunTest } from "./visible-run";

/** Everything the exercise page needs, all serializable: task, starter, types, visible tests with references. */
export type ExerciseView = {
  slug: string;
  title: string;
  summary: string;
  order: number;
  taskCode: string;
  /** The TypeScript starter (starter.ts). */
  starter: string;
  /** The Python starter (starter.py), shown when the learner chooses Python. */
  pythonStarter: string;
  typesDts: string;
  visibleTests: VisibleRunTest[];
  /** The next exercise and the lesson section this one practises (shown after a pass). */
  afterPass: AfterPass;
};

/**
 * Reference parameters after every step of a visible test: the grader's own reference run
 * (lib/optim with the exercise's schedule, tensors, clipping or mini-batches), so Run and Submit agree.
 */
function computeVisibleReference(
  config: ExerciseConfig,
  test: ExerciseConfig["visibleTests"][number],
): number[][] {
  const record = Array.from({ length: test.steps }, (_, k) => k + 1);
  const flat = runReference(config, {
    name: test.name,
    objective: test.objective.name,
    args: resolveObjectiveArgs(test.objective.name, test.objective.args),
    dim: test.dim,
    x0: test.x0,
    steps: test.steps,
    hp: test.hp,
    record,
    ...(test.layers ? { layers: test.layers } : {}),
  });
  return [
    test.x0.slice(),
    ...record.map((_, r) => Array.from(flat.subarray(r * test.dim, (r + 1) * test.dim))),
  ];
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
  const [{ code }, pythonStarter, afterPass] = await Promise.all([
    compileMdx(exercise.taskMdx, { label: `content/exercises/${slug}/task.mdx` }),
    readExerciseFile(exercise.slug, "starter.py"),
    getAfterPass(exercise.slug),
  ]);
  return {
    slug: exercise.slug,
    title: exercise.title,
    summary: exercise.summary,
    order: exercise.order,
    taskCode: code,
    starter: exercise.starter,
    pythonStarter,
    typesDts: SANDBOX_DTS + exercise.typesDts,
    afterPass,
    visibleTests: config.visibleTests.map((test) => ({
      name: test.name,
      objective: { name: test.objective.name, ...(test.objective.args ? { args: test.objective.args } : {}) },
      dim: test.dim,
      x0: test.x0,
      steps: test.steps,
      hp: test.hp,
      ...(test.layers ? { layers: test.layers } : {}),
      ...(config.batchSize ? { minibatch: { batchSize: test.hp[config.batchSize] ?? 1 } } : {}),
      expected: computeVisibleReference(config, test),
    })),
  };
}
