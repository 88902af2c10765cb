"use client";

import { useId, useState } from "react";
import styles from "./judgment.module.css";
import { JudgmentVerdict, PastAnswers } from "./judgment-verdict";
import { useJudgmentSubmission } from "./use-judgment-submission";

/** A number input per question; after grading, the worked solution or a hint under each. */
export function PredictWorkbench({
  slug,
  questions,
}: {
  slug: string;
  questions: Array<{ id: string; prompt: string; tolerance: string }>;
}) {
  const id = useId();
  const [text, setText] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const { pending, result, error, history, submit } = useJudgmentSubmission(slug);
  return (
    <form
      className={styles.workbench}
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        const answer: Record<string, number> = {};
        for (const [i, q] of questions.entries()) {
          const raw = (text[q.id] ?? "").trim().replace(",", ".").replace("−", "-");
          const value = Number(raw);
          if (raw === "" || !Number.isFinite(value)) {
            setProblem(`Answer ${i + 1} needs a number (for example 0.25 or 1e-3).`);
            return;
          }
          answer[q.id] = value;
        }
        setProblem(null);
        void submit(answer);
      }}
    >
      <h2 id={`${id}-heading`}>Your answers</h2>
      <ol className={styles.questions}>
        {questions.map((q, index) => {
          const test = result?.tests[index];
          return (
            <li key={q.id} className={styles.question} data-testid={`question-${q.id}`}>
              <label htmlFor={`${id}-${q.id}`}>{q.prompt}</label>
              <input
                id={`${id}-${q.id}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                value={text[q.id] ?? ""}
                onChange={(event) => setText((old) => ({ ...old, [q.id]: event.target.value }))}
                aria-describedby={`${id}-${q.id}-tolerance`}
              />
              <span id={`${id}-${q.id}-tolerance`} className={styles.range}>
                Graded {q.tolerance} of the core's value.
              </span>
              {test ? (
                <p className={test.status === "pass" ? styles.feedbackPass : styles.feedbackFail}>
                  <strong>{test.status === "pass" ? "Right. " : "Not yet: "}</strong>
                  {test.message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {problem ? (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <button type="submit" className="button" disabled={pending} aria-busy={pending}>
          {pending ? "Grading…" : "Submit answers"}
        </button>
      </div>
      <JudgmentVerdict result={result} error={error} />
      <PastAnswers rows={history} vocabulary={{ kind: "predict", questions }} />
    </form>
  );
}
