import type { AfterPass } from "@/lib/exercises/after-pass.server";
import styles from "./after-pass.module.css";

/**
 * Where to go next: the lesson section this exercise practises, and (unless `showNext` is false, as
 * before a pass) the next exercise of the course.
 */
export function NextLinks({ afterPass, showNext = true }: { afterPass: AfterPass; showNext?: boolean }) {
  const { practised, next } = afterPass;
  return (
    <nav className={styles.next} aria-label="What comes next">
      <ul>
        <li>
          Practises{" "}
          <a href={`/learn/${practised.lessonSlug}#${practised.sectionId}`} data-testid="practised-section">
            {practised.lessonTitle} › {practised.sectionTitle}
          </a>
        </li>
        {showNext ? (
          <li>
            {next ? (
              <>
                Next exercise:{" "}
                <a href={`/exercises/${next.slug}`} data-testid="next-exercise">
                  {next.title}
                </a>
              </>
            ) : (
              <>
                That was the last exercise: <a href="/exercises">all exercises</a>
              </>
            )}
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
