import { readFile } from "node:fs/promises";
import path from "node:path";
import { type ExerciseConfig, ExerciseConfigSchema } from "./exercise-schema";

/** Slugs of the exercises, in course order. */
export const EXERCISE_SLUGS = [
  "momentum",
  "rmsprop",
  "adam",
  "nesterov",
  "adagrad",
  "adamw",
  "amsgrad",
  "lion",
  "warmup-cosine",
] as const;

/** Slug of an exercise. */
export type ExerciseSlug = (typeof EXERCISE_SLUGS)[number];

/** True when `slug` names an exercise. */
export function isExerciseSlug(slug: unknown): slug is ExerciseSlug {
  return typeof slug === "string" && (EXERCISE_SLUGS as readonly string[]).includes(slug);
}

// Resolved from the working directory, not import.meta.url: Next bundles server code elsewhere.
function getExerciseDir(slug: ExerciseSlug): string {
  return path.join(process.cwd(), "content", "exercises", slug);
}

/** Reads a file of an exercise folder as text. */
export function readExerciseFile(slug: ExerciseSlug, file: string): Promise<string> {
  return readFile(path.join(getExerciseDir(slug), file), "utf8");
}

const cache = new Map<ExerciseSlug, Promise<ExerciseConfig>>();

/** Loads and validates exercise.json (cached per process); throws naming the exercise when invalid. */
export function loadExerciseConfig(slug: ExerciseSlug): Promise<ExerciseConfig> {
  let pending = cache.get(slug);
  if (!pending) {
    pending = readExerciseFile(slug, "exercise.json").then((text) => {
      const parsed = ExerciseConfigSchema.safeParse(JSON.parse(text));
      if (!parsed.success)
        throw new Error(`content/exercises/${slug}/exercise.json: ${parsed.error.message}`);
      return parsed.data;
    });
    pending.catch(() => cache.delete(slug));
    cache.set(slug, pending);
  }
  return pending;
}
