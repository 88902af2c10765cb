import Link from "next/link";
import { formatVerdict } from "@/lib/exercises/verdicts";
import type { Catalog, Dashboard } from "@/lib/progress/dashboard.server";
import styles from "../home.module.css";

/** Whether the learner has done anything yet: a lesson read, an answer submitted, a card studied. */
export function isReturningLearner(dashboard: Dashboard): boolean {
  return (
    dashboard.lessons.read > 0 ||
    dashboard.recentSubmissions.length > 0 ||
    dashboard.courseMap.some((lesson) => lesson.cards.studied > 0)
  );
}

/** The home page of a returning learner: the next lesson, the cards due and the last exercise touched. */
export function WelcomeBack({
  dashboard,
  catalog,
  timeZone,
}: {
  dashboard: Dashboard;
  catalog: Catalog;
  timeZone: string;
}) {
  const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone });
  const position = dashboard.courseMap.findIndex((lesson) => !lesson.read);
  const nextLesson = dashboard.courseMap[position];
  const order = catalog.lessons[position]?.order;
  const last = dashboard.recentSubmissions[0];
  const openExercise = dashboard.courseMap
    .flatMap((lesson) => lesson.exercises)
    .find((exercise) => exercise.verdict !== "passed");
  const due = dashboard.cardsDue;
  return (
    <section className={styles.hero} aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome back</h1>
      <p className={styles.lead}>
        {dashboard.lessons.read} of {dashboard.lessons.total} lessons read · {dashboard.exercisesPassed}{" "}
        {dashboard.exercisesPassed === 1 ? "exercise" : "exercises"} passed
        {dashboard.streak > 0 ? ` · ${dashboard.streak}-day streak` : ""}. Pick up where you left off.
      </p>
      <ul className={styles.resume} aria-label="Continue where you left off">
        <li className="card" data-resume="lesson">
          <h2>Next lesson</h2>
          {nextLesson ? (
            <>
              <p>
                Lesson {order}: {nextLesson.title}
              </p>
              <Link className="button primary" href={`/learn/${nextLesson.slug}`}>
                Continue with “{nextLesson.title}”
              </Link>
            </>
          ) : (
            <p>
              You have read every lesson. The course map on your dashboard shows what is left to practise.
            </p>
          )}
        </li>
        <li className="card" data-resume="cards">
          <h2>Cards</h2>
          <p>
            {due > 0
              ? `${due} ${due === 1 ? "card is" : "cards are"} due today.`
              : "No card is due today; new cards are waiting in the drill."}
          </p>
          <Link className="button" href="/cards">
            {due > 0 ? `Review ${due} due ${due === 1 ? "card" : "cards"}` : "Open the drill"}
          </Link>
        </li>
        <li className="card" data-resume="exercise">
          <h2>{last ? "Last exercise" : "First exercise"}</h2>
          {last ? (
            <>
              <p>
                {last.title}: {formatVerdict(last.verdict)},{" "}
                <time dateTime={last.createdAt.toISOString()}>{dateFormat.format(last.createdAt)}</time>.
              </p>
              <a className="button" href={`/exercises/${last.exerciseSlug}`}>
                Back to “{last.title}”
              </a>
            </>
          ) : openExercise ? (
            <>
              <p>{openExercise.title}</p>
              <a className="button" href={`/exercises/${openExercise.slug}`}>
                Try “{openExercise.title}”
              </a>
            </>
          ) : (
            <p>Every exercise is passed.</p>
          )}
        </li>
      </ul>
      <p>
        <Link href="/dashboard">Your dashboard</Link> has the whole course map.
      </p>
    </section>
  );
}
