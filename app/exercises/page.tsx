import type { Metadata } from "next";
import { listExercises } from "@/lib/content/exercises.server";
import { formatVerdict } from "@/lib/exercises/verdicts";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getBestVerdicts } from "@/lib/progress/submissions.server";
import styles from "./exercises.module.css";
import { JUDGMENT_KIND_LABELS } from "./kind-labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Exercises",
  description: "Implement the optimizers yourself, graded against PyTorch.",
};

/** Every exercise with the learner's best verdict so far. */
export default async function ExercisesPage() {
  const [exercises, learner] = await Promise.all([listExercises(), getCurrentLearner()]);
  const best = learner ? await getBestVerdicts(learner.id) : {};
  return (
    <div className="container">
      <h1>Exercises</h1>
      <p className="muted">
        Implement each optimizer step in TypeScript; it is compared with PyTorch after every step. The
        exercises of judgment ask for no code: tune hyper-parameters, read loss curves, predict a number.
      </p>
      <ol className={styles.list}>
        {exercises.map((exercise) => {
          const verdict = best[exercise.slug];
          return (
            <li key={exercise.slug} className="card">
              <h2>
                <a href={`/exercises/${exercise.slug}`}>
                  {exercise.order}. {exercise.title}
                </a>
              </h2>
              <p>{exercise.summary}</p>
              {exercise.kind !== "code" ? (
                <span className="badge">{JUDGMENT_KIND_LABELS[exercise.kind]}</span>
              ) : null}{" "}
              <span className="badge">{verdict ? formatVerdict(verdict) : "Not attempted"}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
