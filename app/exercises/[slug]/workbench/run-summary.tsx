"use client";

import type { BrowserRunResult } from "@/lib/exercises/run-in-worker";
import styles from "../../exercises.module.css";

/** The visible tests' outcome of the last Run, one line per test. */
export function RunSummary({ run }: { run: BrowserRunResult }) {
  if (run.kind !== "done") return <p className={styles.error}>Run: {run.message}</p>;
  const passed = run.tests.filter((t) => t.status === "pass").length;
  return (
    <div>
      <p className={styles.status} data-testid="run-summary">
        Visible tests: {passed} of {run.tests.length} passed ({Math.round(run.durationMs)} ms)
      </p>
      <ul className={styles.runResults}>
        {run.tests.map((test) => (
          <li key={test.name}>
            <span className={test.status === "pass" ? styles.pass : styles.fail}>
              {test.status === "pass" ? "Pass" : test.status === "fail" ? "Fail" : "Error"}
            </span>{" "}
            {test.name}
            {test.status !== "pass" ? `: ${test.message}` : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a pending submission is doing: waiting for a grader (with its place), or being graded. */
export function GradingStatus({ ahead }: { ahead: number | null }) {
  return (
    <p className={styles.status}>
      {ahead === null
        ? "Grading… running hidden tests"
        : ahead === 0
          ? "Waiting for a grader: you are next"
          : `Waiting for a grader: ${ahead} ${ahead === 1 ? "submission" : "submissions"} ahead of you`}
    </p>
  );
}

/** A Python Run on the server: waiting for a grader (with its place), or running the visible tests. */
export function ServerRunStatus({ ahead }: { ahead: number | null }) {
  return (
    <p className={styles.status}>
      {ahead === null
        ? "Running the visible tests on the server…"
        : ahead === 0
          ? "Waiting for a grader: you are next"
          : `Waiting for a grader: ${ahead} ${ahead === 1 ? "submission" : "submissions"} ahead of you`}
    </p>
  );
}
