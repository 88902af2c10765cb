import type { Verdict } from "@/lib/grader/result";

/** Where the learner stands on an exercise, from the best verdict so far. */
export type ExerciseStatus = "not-started" | "failed" | "passed";
/** The kinds of exercise the list filters by. */
export type ExerciseKind = "code" | "tune" | "diagnose" | "predict";

/** The status filter's choices, in the order shown. */
export const STATUS_LABELS: Record<ExerciseStatus, string> = {
  "not-started": "Not started",
  failed: "Failed",
  passed: "Passed",
};
/** The kind filter's choices, in the order shown. */
export const KIND_LABELS: Record<ExerciseKind, string> = {
  code: "Code",
  tune: "Tuning",
  diagnose: "Diagnosis",
  predict: "Prediction",
};
/** The difficulty badge of each level of exercise.json. */
export const DIFFICULTY_LABELS = { intro: "Intro", core: "Core", advanced: "Advanced" } as const;

/** An exercise as the list shows it. */
export type ExerciseEntry = {
  slug: string;
  order: number;
  title: string;
  summary: string;
  kind: ExerciseKind;
  difficulty: keyof typeof DIFFICULTY_LABELS;
  status: ExerciseStatus;
  verdict: Verdict | null;
};
/** The exercises that practise one lesson (or, for `lesson` null, no lesson). */
export type ExerciseGroup = {
  lesson: { slug: string; title: string; order: number } | null;
  exercises: ExerciseEntry[];
};

/** The learner's status from the best verdict: none yet, passed, or anything else (failed). */
export function getExerciseStatus(verdict: Verdict | null | undefined): ExerciseStatus {
  if (!verdict) return "not-started";
  return verdict === "passed" ? "passed" : "failed";
}

/**
 * The exercises under the first lesson (in course order) that names them, in exercise order; those
 * no lesson names come last, in a group of their own.
 */
export function groupExercisesByLesson(
  lessons: readonly { slug: string; title: string; order: number; exercises: readonly string[] }[],
  exercises: readonly ExerciseEntry[],
): ExerciseGroup[] {
  const placed = new Set<string>();
  const groups: ExerciseGroup[] = [];
  for (const lesson of lessons) {
    const mine = exercises.filter(
      (exercise) => lesson.exercises.includes(exercise.slug) && !placed.has(exercise.slug),
    );
    for (const exercise of mine) placed.add(exercise.slug);
    if (mine.length > 0)
      groups.push({
        lesson: { slug: lesson.slug, title: lesson.title, order: lesson.order },
        exercises: mine,
      });
  }
  const rest = exercises.filter((exercise) => !placed.has(exercise.slug));
  if (rest.length > 0) groups.push({ lesson: null, exercises: rest });
  return groups;
}
