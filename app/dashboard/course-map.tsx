import Link from "next/link";
import { formatVerdict } from "@/lib/exercises/verdicts";
import type { CourseMapEntry } from "@/lib/progress/dashboard.server";
import styles from "./dashboard.module.css";

/** Each lesson with its exercises and cards, marked with how far the learner got. */
export function CourseMap({ lessons }: { lessons: CourseMapEntry[] }) {
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">Course map</h2>
      {lessons.length === 0 ? (
        <p className="muted">The course outline is not available.</p>
      ) : (
        <ol className={styles.map}>
          {lessons.map((lesson) => (
            <li key={lesson.slug} className={lesson.read ? styles.done : undefined}>
              <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>{" "}
              <span className="muted">{lesson.read ? "· read" : "· not read yet"}</span>
              {(lesson.exercises.length > 0 || lesson.cards.total > 0) && (
                <ul>
                  {lesson.exercises.map((exercise) => (
                    <li key={exercise.slug}>
                      Exercise:{" "}
                      {/* An exercise page carries its editor: not prefetched from a page that links to them all. */}
                      <Link href={`/exercises/${exercise.slug}`} prefetch={false}>
                        {exercise.title}
                      </Link>{" "}
                      <span className="muted">
                        ·{" "}
                        {exercise.verdict === "passed"
                          ? "passed"
                          : exercise.verdict
                            ? `best: ${formatVerdict(exercise.verdict)}`
                            : "not tried"}
                      </span>
                    </li>
                  ))}
                  {lesson.cards.total > 0 && (
                    <li>
                      Cards:{" "}
                      <Link
                        href={
                          lesson.cards.topic
                            ? `/cards?topic=${encodeURIComponent(lesson.cards.topic)}`
                            : "/cards"
                        }
                      >
                        {lesson.cards.studied} of {lesson.cards.total} studied
                      </Link>
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
