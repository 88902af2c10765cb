"use client";
import { useId, useState } from "react";
import { formatVerdict } from "@/lib/exercises/verdicts";
import {
  DIFFICULTY_LABELS,
  type ExerciseGroup,
  type ExerciseKind,
  type ExerciseStatus,
  KIND_LABELS,
  STATUS_LABELS,
} from "./exercise-groups";
import styles from "./exercises.module.css";

type Filter<T extends string> = T | "all";

/** The exercises grouped by lesson, filtered by the learner's status and by kind (in the browser). */
export function ExerciseList({ groups }: { groups: ExerciseGroup[] }) {
  const id = useId();
  const [status, setStatus] = useState<Filter<ExerciseStatus>>("all");
  const [kind, setKind] = useState<Filter<ExerciseKind>>("all");
  const total = groups.reduce((sum, group) => sum + group.exercises.length, 0);
  const shown = groups
    .map((group) => ({
      ...group,
      exercises: group.exercises.filter(
        (exercise) =>
          (status === "all" || exercise.status === status) && (kind === "all" || exercise.kind === kind),
      ),
    }))
    .filter((group) => group.exercises.length > 0);
  const count = shown.reduce((sum, group) => sum + group.exercises.length, 0);

  return (
    <>
      <search className={styles.filters} aria-label="Filter the exercises">
        <label htmlFor={`${id}-status`}>
          Status{" "}
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as Filter<ExerciseStatus>)}
          >
            <option value="all">All</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-kind`}>
          Kind{" "}
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as Filter<ExerciseKind>)}
          >
            <option value="all">All</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <p role="status" className="muted" data-testid="exercise-count">
          {count === total ? `${total} exercises` : `${count} of ${total} exercises`}
        </p>
      </search>
      {shown.length === 0 ? <p>No exercise matches these filters.</p> : null}
      {shown.map((group) => (
        <section
          key={group.lesson?.slug ?? "other"}
          className={styles.group}
          aria-labelledby={`${id}-${group.lesson?.slug ?? "other"}`}
        >
          <h2 id={`${id}-${group.lesson?.slug ?? "other"}`} className={styles.groupTitle}>
            {group.lesson ? (
              <>
                <span className="muted">Lesson {group.lesson.order} · </span>
                <a href={`/learn/${group.lesson.slug}`}>{group.lesson.title}</a>
              </>
            ) : (
              "More practice"
            )}
          </h2>
          <ul className={styles.list}>
            {group.exercises.map((exercise) => (
              <li
                key={exercise.slug}
                className="card"
                data-exercise={exercise.slug}
                data-status={exercise.status}
              >
                <h3 className={styles.itemTitle}>
                  <a href={`/exercises/${exercise.slug}`}>
                    <span data-testid="exercise-number">{exercise.order}</span>. {exercise.title}
                  </a>
                </h3>
                <p>{exercise.summary}</p>
                <p className={styles.badges}>
                  <span className="badge" data-testid="difficulty">
                    {DIFFICULTY_LABELS[exercise.difficulty]}
                  </span>
                  <span className="badge">{KIND_LABELS[exercise.kind]}</span>
                  <span
                    className={`badge${exercise.status === "passed" ? " good" : exercise.status === "failed" ? " bad" : ""}`}
                  >
                    {exercise.verdict ? formatVerdict(exercise.verdict) : STATUS_LABELS["not-started"]}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
