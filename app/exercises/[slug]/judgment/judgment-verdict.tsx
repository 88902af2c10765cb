"use client";

import { type AnswerVocabulary, wordJudgmentAnswer } from "@/lib/exercises/answer-words";
import { formatVerdict } from "@/lib/exercises/verdicts";
import type { GradeResult } from "@/lib/grader/result";
import styles from "./judgment.module.css";
import type { PastSubmission } from "./use-judgment-submission";

/** The grader's verdict on the last answer, announced to screen readers when it arrives. */
export function JudgmentVerdict({ result, error }: { result: GradeResult | null; error: string | null }) {
  return (
    <div aria-live="polite" className={styles.verdictRegion}>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <div
          className={result.verdict === "passed" ? styles.verdictPass : styles.verdictFail}
          data-testid="judgment-verdict"
          data-verdict={result.verdict}
        >
          <p className={styles.verdictTitle}>{formatVerdict(result.verdict)}</p>
          {result.message ? <p>{result.message}</p> : null}
          <p className={styles.rule}>Graded on the server: {result.tolerance}.</p>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The learner's past answers to this exercise, newest first: the verdict, the answer given and, for
 * a wrong one, the first question or curve it got wrong. The answer is worded with the form's names
 * (`vocabulary`: the exercise's parameters, curves and choices, or questions).
 */
export function PastAnswers({ rows, vocabulary }: { rows: PastSubmission[]; vocabulary: AnswerVocabulary }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="past-answers-heading" className={styles.past}>
      <h2 id="past-answers-heading">Past answers</h2>
      <ul>
        {rows.slice(0, 10).map((row) => (
          <li key={row.id} data-testid="past-answer">
            <span className={row.verdict === "passed" ? styles.pass : styles.fail}>
              {formatVerdict(row.verdict)}
            </span>{" "}
            <time dateTime={row.createdAt} className="muted">
              {new Date(row.createdAt).toLocaleString()}
            </time>
            {row.answer ? (
              <span className={styles.pastAnswer}>
                Your answer: {wordJudgmentAnswer(vocabulary, row.answer)}
              </span>
            ) : null}
            {row.verdict !== "passed" && row.failedTest ? (
              <span className={styles.pastAnswer}>First wrong: {row.failedTest}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
