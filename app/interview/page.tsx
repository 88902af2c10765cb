import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getBank } from "@/lib/interview/bank.server";
import { formatLabel, INTERVIEW_FORMATS } from "@/lib/interview/formats";
import { getActiveInterview, listInterviews } from "@/lib/interview/interviews.server";
import { READINESS_LABELS, READINESS_RULE } from "@/lib/interview/readiness";
import styles from "./interview.module.css";
import { StartForm } from "./start-form";
import { TrendChart } from "./trend-chart";

export const metadata: Metadata = { title: "Mock interview" };
export const dynamic = "force-dynamic";

/** Start a mock interview (or resume the running one), and the past ones. */
export default async function InterviewPage() {
  const learner = await getCurrentLearner();
  const active = learner.stored ? await getActiveInterview(learner.id) : null;
  const history = learner.stored ? await listInterviews(learner.id) : [];
  const topics = [...new Set(getBank().items.map((item) => item.topic))].sort();
  return (
    <div className={`container ${styles.page}`}>
      <h1>Mock interview</h1>
      <p>
        A timed optimizer interview, graded offline: choice, ordering, numbers, formulas, explanations, code
        on hidden tests and curves to read. The clock is the server&apos;s: reloading never resets it.
      </p>
      {active ? (
        <p className="card">
          You have an interview running:{" "}
          <Link href={`/interview/${active.id}`}>resume your {formatLabel(active.format).toLowerCase()}</Link>
          .
        </p>
      ) : (
        <StartForm topics={topics} />
      )}
      <p className="muted">Readiness: {READINESS_RULE}</p>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Your interviews</h2>
        <TrendChart history={history} />
        {history.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul>
            {history.map((entry) => (
              <li key={entry.id}>
                <Link href={entry.finishedAt ? `/interview/${entry.id}/report` : `/interview/${entry.id}`}>
                  {INTERVIEW_FORMATS[entry.format].label}, {entry.startedAt.slice(0, 10)}
                </Link>{" "}
                <span className="muted">
                  {entry.score === null
                    ? "· running"
                    : `· ${entry.score}/100 · ${entry.readiness ? READINESS_LABELS[entry.readiness] : ""}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
