import "server-only";
import { listExercises } from "@/lib/content/exercises.server";
import type { ExerciseSlug } from "@/lib/content/registry";
import { type PractisedSection, readPractisedSection } from "@/lib/content/writeups.server";

/** Where to go after an exercise: the next one in course order, and the lesson section it practises. */
export type AfterPass = {
  /** The next exercise of the course (of any kind), or null after the last one. */
  next: { slug: string; title: string } | null;
  practised: PractisedSection;
};

/** What the exercise page links to once the exercise is passed (read at build time, for the static page). */
export async function getAfterPass(slug: ExerciseSlug): Promise<AfterPass> {
  const exercises = await listExercises();
  const index = exercises.findIndex((exercise) => exercise.slug === slug);
  const next = index >= 0 ? exercises[index + 1] : undefined;
  return {
    next: next ? { slug: next.slug, title: next.title } : null,
    practised: readPractisedSection(slug),
  };
}
