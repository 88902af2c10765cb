import Link from "next/link";
import { INTERVIEW_FORMATS } from "@/lib/interview/formats";
import { READINESS_LABELS } from "@/lib/interview/readiness";
import type { InterviewSummary } from "@/lib/interview/view";
import styles from "./dashboard.module.css";

/** The dashboard's mock-interview section: the last score and readiness, the history, a start link. */
export function InterviewSection({ history }: { history: InterviewSummary[] }) {
  const last = history.find((entry) => entry.score !== null);
  const running = history.find((entry) => entry.finishedAt === null);
  return (
    <section aria-labelledby="interviews-heading">
      <h2 id="interviews-heading">Mock interviews</h2>
      {last ? (
        <p data-testid="last-interview">
          Last: <strong>{last.score} / 100</strong>, {last.readiness ? READINESS_LABELS[last.readiness] : ""}{" "}
          (<Link href={`/interview/${last.id}/report`}>report</Link>)
        </p>
      ) : (
        <p className="muted">No interview yet.</p>
      )}
      {history.length > 0 ? (
        <ul className={styles.list}>
          {history.slice(0, 5).map((entry) => (
            <li key={entry.id}>
              {INTERVIEW_FORMATS[entry.format].label}, {entry.startedAt.slice(0, 10)}{" "}
              <span className="muted">· {entry.score === null ? "running" : `${entry.score}/100`}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        {running ? (
          <Link href={`/interview/${running.id}`}>Resume your interview</Link>
        ) : (
          <Link href="/interview">Start a mock interview</Link>
        )}
      </p>
    </section>
  );
}
