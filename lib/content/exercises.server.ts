import "server-only";
import { z } from "zod";
import { createObjective } from "@/lib/objectives";
import { createOptimizer, createSchedule } from "@/lib/optim";
import {
  toScheduleSpec,
  toTorchHparams,
  type VisibleTest,
  VisibleTestSchema,
} from "@/lib/grader/exercise-schema";
import {
  EXERCISE_SLUGS,
  type ExerciseSlug,
  isExerciseSlug,
  loadExerciseConfig,
  readExerciseFile,
} from "@/lib/grader/exercise-store";

export { EXERCISE_SLUGS, type ExerciseSlug } from "@/lib/grader/exercise-store";
export type { VisibleTest } from "@/lib/grader/exercise-schema";

/** An exercise in the list: no task text, no code. */
export const ExerciseSummarySchema = z.object({
  slug: z.enum(EXERCISE_SLUGS),
  title: z.string(),
  summary: z.string(),
  order: z.number().int(),
  optimizer: z.string(),
  difficulty: z.enum(["intro", "core", "advanced"]),
});
/** An exercise in the list. */
export type ExerciseSummary = z.infer<typeof ExerciseSummarySchema>;

/** What the exercise page needs; never the reference solution or the hidden suite. */
export const ExerciseSchema = z.object({
  slug: z.enum(EXERCISE_SLUGS),
  title: z.string(),
  summary: z.string(),
  order: z.number().int(),
  /** Raw MDX source of the task (compile with lib/content/compile-mdx.server.ts). */
  taskMdx: z.string(),
  starter: z.string(),
  /** Declarations for Monaco: Hyper and the init/step contract. */
  typesDts: z.string(),
  visibleTests: z.array(VisibleTestSchema),
  hyperNames: z.array(z.string()),
});
/** An exercise as shown to the learner. */
export type Exercise = z.infer<typeof ExerciseSchema>;

/** The first step of the first visible test, computed by lib/optim (for <WorkedFirstStep />). */
export const WorkedFirstStepSchema = z.object({
  objective: z.string(),
  hp: z.record(z.string(), z.number()),
  x0: z.array(z.number()),
  grad: z.array(z.number()),
  x1: z.array(z.number()),
  /** Optimizer state after the step (PyTorch names), numbers rounded to arrays. */
  state: z.record(z.string(), z.union([z.number(), z.array(z.number())])),
});
/** The worked first step of an exercise. */
export type WorkedFirstStep = z.infer<typeof WorkedFirstStepSchema>;

function getTypesDts(hyperNames: readonly string[]): string {
  const fields = hyperNames.map((name) => `  readonly ${name}: number;`).join("\n");
  return [
    "/** Hyper-parameters passed to step (read-only). */",
    `interface Hyper {\n${fields}\n}`,
    "/** The grader calls init once, then step once per iteration with the objective's gradient. */",
    "type Init<State> = (params: Float64Array) => State;",
    "/** Updates params in place. */",
    "type Step<State> = (params: Float64Array, grad: Float64Array, state: State, hp: Hyper) => void;",
    "",
  ].join("\n");
}

/** All exercises in course order. */
export async function listExercises(): Promise<ExerciseSummary[]> {
  const all = await Promise.all(
    EXERCISE_SLUGS.map(async (slug) => {
      const c = await loadExerciseConfig(slug);
      return ExerciseSummarySchema.parse({
        slug,
        title: c.title,
        summary: c.summary,
        order: c.order,
        optimizer: c.optimizer,
        difficulty: c.difficulty,
      });
    }),
  );
  return all.sort((a, b) => a.order - b.order);
}

/** One exercise for its page, or null for an unknown slug. */
export async function getExercise(slug: string): Promise<Exercise | null> {
  if (!isExerciseSlug(slug)) return null;
  const [c, taskMdx, starter] = await Promise.all([
    loadExerciseConfig(slug),
    readExerciseFile(slug, "task.mdx"),
    readExerciseFile(slug, "starter.ts"),
  ]);
  return ExerciseSchema.parse({
    slug,
    title: c.title,
    summary: c.summary,
    order: c.order,
    taskMdx,
    starter,
    typesDts: getTypesDts(c.hyperNames),
    visibleTests: c.visibleTests,
    hyperNames: c.hyperNames,
  });
}

/** Step 1 of the first visible test computed by the reference core, or null for an unknown slug. */
export async function getWorkedFirstStep(slug: string): Promise<WorkedFirstStep | null> {
  if (!isExerciseSlug(slug)) return null;
  const c = await loadExerciseConfig(slug as ExerciseSlug);
  const test = c.visibleTests[0] as VisibleTest;
  const objective = createObjective(test.objective.name, test.objective.args, { dim: test.dim });
  const x = Float64Array.from(test.x0);
  const grad = new Float64Array(x.length);
  objective.gradient(x, grad, 1);
  const optimizer = createOptimizer(c.optimizer, x.length, toTorchHparams(c, test.hp));
  const schedule = toScheduleSpec(c, test.hp);
  optimizer.step(x, grad, schedule ? createSchedule(test.hp.lr ?? 0, schedule)(0) : undefined);
  const state: Record<string, number | number[]> = {};
  for (const [key, value] of Object.entries(optimizer.state())) {
    state[key] = typeof value === "number" ? value : Array.from(value);
  }
  return WorkedFirstStepSchema.parse({
    objective: objective.label,
    hp: test.hp,
    x0: test.x0,
    grad: Array.from(grad),
    x1: Array.from(x),
    state,
  });
}
