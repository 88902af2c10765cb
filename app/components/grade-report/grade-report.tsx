"use client";

import { formatVerdict } from "@/lib/exercises/verdicts";
import type { GradeResult } from "@/lib/grader/result";
import styles from "./grade-report.module.css";
import { LossPlot } from "./loss-plot";
import { choosePlottedTest, findFirstFailingTest } from "./plotted-test";
import { TrajectoryPlot } from "./trajectory-plot";

const STATUS_LABEL = { pass: "Passed", fail: "Failed", error: "Error" } as const;

/**
 * The feedback of a graded submission: verdict, diagnosis, the first failing test (its divergence and
 * its plot, hidden tests included), every test, and the plots.
 */
export function GradeReport({ result }: { result: GradeResult }) {
  const passed = result.verdict === "passed";
  const firstFailing = findFirstFailingTest(result);
  const plotted = choosePlottedTest(result);
  const plottedPath = plotted?.test.trajectory;
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
      {firstFailing ? (
        <p className={styles.firstFailing} data-testid="first-failing">
          First failing test: <strong>{firstFailing.name}</strong>
          {firstFailing.firstDivergence ? (
            <>
              {" "}
              (step {firstFailing.firstDivergence.step}, coordinate {firstFailing.firstDivergence.coordinate}:
              expected <code>{firstFailing.firstDivergence.expected}</code>, got{" "}
              <code>{firstFailing.firstDivergence.actual}</code>)
            </>
          ) : firstFailing.message ? (
            <>: {firstFailing.message}</>
          ) : null}
        </p>
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
      {plottedPath ? (
        <figure className={styles.plotted} data-testid="plotted-test" data-test-name={plotted.test.name}>
          <figcaption>
            {plotted.failing ? "First failing test" : "Plotted"}: <strong>{plotted.test.name}</strong>
          </figcaption>
          <div className={styles.plots}>
            {/* A 1-D test has no path on a contour map: its loss curve alone. */}
            {plottedPath.expected.every((point) => point.length >= 2) ? (
              <TrajectoryPlot
                objective={plottedPath.objective}
                expected={plottedPath.expected}
                actual={plottedPath.actual}
              />
            ) : null}
            <LossPlot expected={plottedPath.expectedLoss} actual={plottedPath.actualLoss} />
          </div>
        </figure>
      ) : null}
      <p className="muted">
        Tolerance: {result.tolerance}. Graded in {Math.round(result.durationMs)} ms.
      </p>
    </section>
  );
}
