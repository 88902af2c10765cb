"use client";

import { formatVerdict } from "@/lib/exercises/verdicts";
import type { Verdict } from "@/lib/grader/result";
import styles from "../exercises.module.css";

/** A past submission as listed by GET /api/exercises/[slug]/submissions. */
export type SubmissionRow = {
  id: string;
  verdict: Verdict;
  durationMs: number;
  createdAt: string;
  language?: "typescript" | "python" | null;
  /** The first test that did not pass (absent from an older server). */
  failedTest?: string | null;
};

const LANGUAGE_NAMES = { typescript: "TypeScript", python: "Python" } as const;

/** The learner's past submissions, newest first, each restorable into the editor. */
export function SubmissionHistory({
  rows,
  onRestore,
}: {
  rows: SubmissionRow[];
  onRestore: (id: string) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Past submissions</h2>
      <ul className={styles.history}>
        {rows.map((row) => (
          <li key={row.id} data-testid="past-submission">
            <span className={row.verdict === "passed" ? styles.pass : styles.fail}>
              {formatVerdict(row.verdict)}
            </span>
            {row.language ? <span className="muted">{LANGUAGE_NAMES[row.language]}</span> : null}
            {row.verdict !== "passed" && row.failedTest ? (
              <span data-testid="failed-test">First failing test: {row.failedTest}</span>
            ) : null}
            <time dateTime={row.createdAt} className="muted">
              {new Date(row.createdAt).toLocaleString()}
            </time>
            <button type="button" className="button" onClick={() => onRestore(row.id)}>
              Restore into editor
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
