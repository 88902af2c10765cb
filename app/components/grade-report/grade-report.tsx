"use client";

import { formatVerdict } from "@/lib/exercises/verdicts";
import type { GradeResult } from "@/lib/grader/result";
import styles from "./grade-report.module.css";
import { LossPlot } from "./loss-plot";
import { TrajectoryPlot } from "./trajectory-plot";

const STATUS_LABEL = { pass: "Passed", fail: "Failed", error: "Error" } as const;

/** The feedback of a graded submission: verdict, tests, first divergence, diagnosis and plots. */
export function GradeReport({ result }: { result: GradeResult }) {
  const passed = result.verdict === "passed";
  const plotted =
    result.tests.find((t) => t.trajectory && t.status !== "pass") ?? result.tests.find((t) => t.trajectory);
  return (
    <section className={styles.report} aria-labelledby="grade-verdict">
      <p
        id="grade-verdict"
        className={passed ? styles.verdictPass : styles.verdictFail}
        data-verdict={result.verdict}
      >
        Verdict: {formatVerdict(result.verdict)}
      </p>
      {result.message ? <p>{result.message}</p> : null}
      {result.diagnosis ? (
        <aside className={styles.diagnosis} aria-label="Diagnosis">
          <h3>Likely cause: {result.diagnosis.title}</h3>
          <p>{result.diagnosis.explanation}</p>
        </aside>
      ) : null}
      {result.tests.length > 0 ? (
        <ol className={styles.tests}>
          {result.tests.map((test) => (
            <li key={test.name} className={styles.test}>
              <span className={test.status === "pass" ? styles.pass : styles.fail}>
                {STATUS_LABEL[test.status]}
              </span>{" "}
              <strong>{test.name}</strong>
              {test.message && test.status !== "pass" ? (
                <p className={styles.message}>{test.message}</p>
              ) : null}
              {/* The grader's message already states the first divergence in words (with how often a
                  long run was checked); the structured line is for a test that has no message. */}
              {test.firstDivergence && !test.message ? (
                <p className={styles.message}>
                  First divergence at step {test.firstDivergence.step}, coordinate{" "}
                  {test.firstDivergence.coordinate}: expected <code>{test.firstDivergence.expected}</code>,
                  got <code>{test.firstDivergence.actual}</code>
                </p>
              ) : null}
              {test.output ? <pre className={styles.output}>{test.output}</pre> : null}
              {test.test_code ? (
                // Exercism's test_code: the hidden test's start, hyper-parameters and steps, as code.
                <details className={styles.testCode}>
                  <summary>
                    What this test ran<span className="visually-hidden">: {test.name}</span>
                  </summary>
                  <pre>
                    <code>{test.test_code}</code>
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {plotted?.trajectory ? (
        <div className={styles.plots}>
          <TrajectoryPlot
            objective={plotted.trajectory.objective}
            expected={plotted.trajectory.expected}
            actual={plotted.trajectory.actual}
          />
          <LossPlot expected={plotted.trajectory.expectedLoss} actual={plotted.trajectory.actualLoss} />
        </div>
      ) : null}
      <p className="muted">
        Tolerance: {result.tolerance}. Graded in {Math.round(result.durationMs)} ms.
      </p>
    </section>
  );
}
