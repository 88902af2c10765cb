import type { Metadata } from "next";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { listExercises } from "@/lib/content/exercises.server";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { getBestVerdicts } from "@/lib/progress/submissions.server";
import { getExerciseStatus, groupExercisesByLesson } from "./exercise-groups";
import { ExerciseList } from "./exercise-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Exercises",
  description: "Implement the optimizers yourself, graded against PyTorch.",
};

/** Every exercise, grouped by the lesson it practises, with the learner's best verdict so far. */
export default async function ExercisesPage() {
  const [exercises, learner] = await Promise.all([listExercises(), getCurrentLearner()]);
  const best = learner.stored ? await getBestVerdicts(learner.id) : {};
  const entries = exercises.map(({ slug, order, title, summary, kind, difficulty }) => ({
    slug,
    order,
    title,
    summary,
    kind,
    difficulty,
    verdict: best[slug] ?? null,
    status: getExerciseStatus(best[slug]),
  }));
  return (
    <div className="container">
      <h1>Exercises</h1>
      <p className="muted">
        Implement each optimizer step in TypeScript or Python; it is compared with PyTorch after every step.
        The exercises of judgment ask for no code: tune hyper-parameters, read loss curves, predict a number.
      </p>
      <ExerciseList groups={groupExercisesByLesson(readLessonSummaries(), entries)} />
    </div>
  );
}
