"use client";
import Link from "next/link";
import styles from "./learn.module.css";
import { useReadLessons } from "./read-lessons";

/** What the course index shows about a lesson. */
export type CourseEntry = {
  slug: string;
  order: number;
  title: string;
  summary: string;
  minutes: number;
  prerequisites: Array<{ slug: string; title: string }>;
};

/** The ordered path through the course, with each lesson's read ✓ once known. */
export function CoursePath({ lessons }: { lessons: CourseEntry[] }) {
  const { read } = useReadLessons();
  const readCount = read ? lessons.filter((lesson) => read.has(lesson.slug)).length : null;
  return (
    <>
      <p className="muted" aria-live="polite" data-testid="course-progress">
        {readCount === null ? "\u00a0" : `${readCount} of ${lessons.length} lessons read`}
      </p>
      <ol className={styles.path}>
        {lessons.map((lesson) => {
          const isRead = read?.has(lesson.slug) ?? false;
          return (
            <li
              key={lesson.slug}
              className={`card ${styles.entry}`}
              data-lesson={lesson.slug}
              data-read={isRead}
            >
              <div className={styles.entryHead}>
                <span className={styles.number} aria-hidden="true">
                  {isRead ? "✓" : lesson.order}
                </span>
                <h2 className={styles.entryTitle}>
                  <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>
                </h2>
                {isRead ? <span className="badge good">✓ Read</span> : null}
              </div>
              <p>{lesson.summary}</p>
              <p className={`muted ${styles.meta}`}>
                {lesson.minutes} min
                {lesson.prerequisites.length > 0 ? (
                  <> · builds on {lesson.prerequisites.map((p) => p.title).join(", ")}</>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
