import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { prisma } from "@/lib/db/prisma.server";
import { formatVerdict } from "@/lib/exercises/verdicts";
import { listInterviews } from "@/lib/interview/interviews.server";
import { getCatalog, getDashboard, type NextStep } from "@/lib/progress/dashboard.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { CourseMap } from "./course-map";
import styles from "./dashboard.module.css";
import { InterviewSection } from "./interview-summary";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

function NextStepLink({ step }: { step: NextStep }) {
  switch (step.type) {
    case "review":
      return (
        <Link href="/cards">
          {/* Cards the drill shows now; the stat beside it counts those due by the end of the day. */}
          Review {step.count} {step.count === 1 ? "card" : "cards"} due now
        </Link>
      );
    case "lesson":
      return <Link href={`/learn/${step.slug}`}>Read “{step.title}”</Link>;
    case "exercise":
      return (
        <Link href={`/exercises/${step.slug}`} prefetch={false}>
          Solve the exercise “{step.title}”
        </Link>
      );
    case "done":
      return <span>You have finished the course. Keep your cards fresh in the drills.</span>;
  }
}

/** The learner's progress: lessons, exercises, due cards, streak, recent work and the course map. */
export default async function DashboardPage() {
  const learner = await getCurrentLearner();
  if (!learner) {
    return (
      <div className={`container ${styles.page}`}>
        <h1>Dashboard</h1>
        <p>Descent keeps your progress with a cookie. Please enable cookies for this site to see it here.</p>
      </div>
    );
  }
  const timeZone = await getLearnerTimeZone();
  const data = await getDashboard(prisma, learner.id, await getCatalog(), { timeZone });
  const interviews = learner.stored ? await listInterviews(learner.id, 10) : [];
  // Dates in the learner's calendar, like the streak and "due today".
  const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone });
  return (
    <div className={`container ${styles.page}`}>
      <h1>Dashboard</h1>
      <p className="muted">
        {learner.isGuest ? (
          <>
            You are learning as a guest: progress is kept in this browser.{" "}
            <Link href="/signup">Create an account</Link> to keep it everywhere.
          </>
        ) : (
          "Your progress, on every browser you sign in from."
        )}
      </p>
      <p className={`card ${styles.next}`}>
        <strong>Next:</strong> <NextStepLink step={data.next} />
      </p>
      <dl className={styles.stats}>
        <div className="card">
          <dt>Lessons read</dt>
          <dd data-testid="lessons-read">
            {data.lessons.read} / {data.lessons.total}
          </dd>
        </div>
        <div className="card">
          <dt>Exercises passed</dt>
          <dd data-testid="exercises-passed">{data.exercisesPassed}</dd>
        </div>
        <div className="card">
          <dt>Cards due today</dt>
          <dd>{data.cardsDue}</dd>
          <dd className="muted" data-testid="cards-due-split">
            {data.cardsDueNow} now · {data.cardsDueLaterToday} later today
          </dd>
        </div>
        <div className="card">
          <dt>Daily streak</dt>
          <dd>
            {data.streak} {data.streak === 1 ? "day" : "days"}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="read-heading">
        <h2 id="read-heading">Lessons read</h2>
        {data.lessons.list.length === 0 ? (
          <p className="muted">
            None yet. <Link href="/learn">Start the course</Link>.
          </p>
        ) : (
          <ul className={styles.list}>
            {data.lessons.list.map((lesson) => (
              <li key={lesson.slug}>
                <Link href={`/learn/${lesson.slug}`}>{lesson.title}</Link>{" "}
                <span className="muted">· {dateFormat.format(lesson.readAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="exercises-heading">
        <h2 id="exercises-heading">Exercises</h2>
        {data.exercises.length === 0 ? (
          <p className="muted">No submissions yet.</p>
        ) : (
          <ul className={styles.list}>
            {data.exercises.map((exercise) => (
              <li key={exercise.exerciseSlug}>
                <Link href={`/exercises/${exercise.exerciseSlug}`} prefetch={false}>
                  {exercise.title}
                </Link>{" "}
                <span className={`badge ${exercise.verdict === "passed" ? "good" : "bad"}`}>
                  best: {formatVerdict(exercise.verdict)}
                </span>{" "}
                <span className="muted">
                  · {dateFormat.format(exercise.at)} · {exercise.attempts}{" "}
                  {exercise.attempts === 1 ? "attempt" : "attempts"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent submissions</h2>
        {data.recentSubmissions.length === 0 ? (
          <p className="muted">Nothing submitted yet.</p>
        ) : (
          <ul className={styles.list}>
            {data.recentSubmissions.map((submission) => (
              <li key={submission.id}>
                {submission.title}{" "}
                <span className={`badge ${submission.verdict === "passed" ? "good" : "bad"}`}>
                  {formatVerdict(submission.verdict)}
                </span>{" "}
                <span className="muted">· {dateFormat.format(submission.createdAt)}</span>
                {submission.answer ? (
                  <span className={styles.answer} data-testid="recent-answer">
                    Your answer: {submission.answer}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <InterviewSection history={interviews} />

      <CourseMap lessons={data.courseMap} />
    </div>
  );
}
