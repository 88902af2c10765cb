import "server-only";
import { z } from "zod";
import { type ExerciseConfig, VisibleTestSchema } from "./exercise-schema";
import {
  type ExerciseSlug,
  isExerciseSlug,
  listExerciseSlugs,
  loadExerciseConfig,
  loadExerciseDefinition,
  readExerciseFile,
} from "./registry";

/** An exercise in the list: no task text, no code. */
const ExerciseSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  order: z.number().int(),
  /** "code", or an exercise of judgment: "tune", "diagnose", "predict". */
  kind: z.enum(["code", "tune", "diagnose", "predict"]),
  /** The optimizer of the reference core (none for diagnose and predict exercises). */
  optimizer: z.string().nullable(),
  difficulty: z.enum(["intro", "core", "advanced"]),
});
/** An exercise in the list. */
export type ExerciseSummary = z.infer<typeof ExerciseSummarySchema>;

/** What the exercise page needs; never the reference solution or the hidden suite. */
const ExerciseSchema = z.object({
  slug: z.string(),
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
/** An exercise as shown to the learner, with its validated exercise.json for server-side use. */
export type Exercise = z.infer<typeof ExerciseSchema> & { slug: ExerciseSlug };

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

/** Every exercise folder of content/exercises, in course order (exercise.json's `order`). */
export async function listExercises(): Promise<ExerciseSummary[]> {
  const all = await Promise.all(
    listExerciseSlugs().map(async (slug) => {
      const c = await loadExerciseDefinition(slug);
      return ExerciseSummarySchema.parse({
        slug,
        title: c.title,
        summary: c.summary,
        order: c.order,
        kind: c.kind,
        optimizer: c.kind === "code" || c.kind === "tune" ? c.optimizer : null,
        difficulty: c.difficulty,
      });
    }),
  );
  return all.sort((a, b) => a.order - b.order);
}

/** One coded exercise for its page, or null for an unknown slug or an exercise of judgment (lib/judgment). */
export async function getExercise(slug: string): Promise<Exercise | null> {
  if (!isExerciseSlug(slug) || (await loadExerciseDefinition(slug)).kind !== "code") return null;
  return { ...(await readExercise(slug)), slug };
}

/** The exercise page's content and the exercise.json behind it (the caller must not send `config`). */
export async function getExerciseWithConfig(
  slug: string,
): Promise<{ exercise: Exercise; config: ExerciseConfig } | null> {
  if (!isExerciseSlug(slug)) return null;
  const exercise = await getExercise(slug);
  return exercise && { exercise, config: await loadExerciseConfig(slug) };
}

async function readExercise(slug: ExerciseSlug): Promise<z.infer<typeof ExerciseSchema>> {
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
