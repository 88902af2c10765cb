import type { ItemView } from "@/lib/interview/view";
import styles from "./interview.module.css";

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** The HTML of a choice option or an order entry (KaTeX math rendered on the server). */
function entryHtml(item: ItemView, id: string): string {
  return (
    item.choice?.options.find((o) => o.id === id)?.html ??
    item.order?.entries.find((e) => e.id === id)?.html ??
    id
  );
}

/** Options or entries as the bank renders them, in a row with a separator. */
function Entries({ item, ids, separator }: { item: ItemView; ids: string[]; separator: string }) {
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? separator : null}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX HTML rendered on the server from the bank. */}
          <span dangerouslySetInnerHTML={{ __html: entryHtml(item, id) }} />
        </span>
      ))}
    </>
  );
}

/** The learner's answer, for the feedback and the report. */
export function AnswerText({ item }: { item: ItemView }) {
  const answer = item.answered?.answer as Record<string, unknown> | undefined;
  if (!answer) return <>Not answered</>;
  switch (item.type) {
    case "choice": {
      const picked = (answer.picked as string[]) ?? [];
      return picked.length > 0 ? <Entries item={item} ids={picked} separator="; " /> : <>(nothing picked)</>;
    }
    case "order":
      return <Entries item={item} ids={(answer.order as string[]) ?? []} separator=" → " />;
    case "numeric":
      return <>{String(answer.value)}</>;
    case "formula":
      return <code>{String(answer.expression)}</code>;
    case "explain":
      return <>{String(answer.text)}</>;
    case "code":
      return <>{`${String(answer.code).split("\n").length} lines of code`}</>;
    case "judgment":
      return (
        <>
          {Object.entries((answer.answer as Record<string, unknown>) ?? {})
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join(", ")}
        </>
      );
  }
}

/** What was expected, in words and HTML. */
function Expected({ item }: { item: ItemView }) {
  const expected = item.feedback?.expected;
  if (!expected) return null;
  switch (expected.type) {
    case "choice":
      return <Entries item={item} ids={expected.correct} separator="; " />;
    case "order":
      return <Entries item={item} ids={expected.order} separator=" → " />;
    case "numeric":
      return (
        <>
          {Number(expected.value.toPrecision(6))}
          {expected.unit ? ` ${expected.unit}` : ""} ({expected.tolerance})
        </>
      );
    case "formula":
      return <code>{expected.answer}</code>;
    case "explain":
      return (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the model answer, rendered on the server from the bank.
        <div dangerouslySetInnerHTML={{ __html: expected.modelAnswerHtml }} />
      );
    case "code":
    case "judgment":
      return (
        <>
          All tests of <a href={`/exercises/${expected.exercise}`}>{expected.exercise}</a> pass
        </>
      );
  }
}

/** One item's outcome: points, the answer, the expected one, key points hit and missed, time used. */
export function Feedback({ item }: { item: ItemView }) {
  const feedback = item.feedback;
  if (!feedback) return null;
  const keyPoints = feedback.expected.type === "explain" ? feedback.expected.keyPoints : [];
  const missed = new Set(feedback.missed);
  return (
    <div className={styles.feedback} data-testid={`feedback-${item.id}`}>
      <p>
        <strong>{feedback.points} / 4 points</strong>{" "}
        <span className="muted">
          · {feedback.note}
          {item.answered ? ` · ${seconds(item.answered.timeUsedMs)}` : ""}
          {item.answered?.late ? " · after the deadline" : ""}
        </span>
      </p>
      <dl className={styles.answerList}>
        <dt>Your answer</dt>
        <dd className={item.type === "explain" ? styles.prewrap : undefined}>
          <AnswerText item={item} />
        </dd>
        <dt>Expected</dt>
        <dd>
          <Expected item={item} />
        </dd>
        {keyPoints.length > 0 ? (
          <>
            <dt>Key points</dt>
            <dd>
              <ul className={styles.keyPoints}>
                {keyPoints.map((point) => (
                  <li key={point.id} className={missed.has(point.id) ? styles.missed : styles.hit}>
                    {missed.has(point.id) ? "Missed: " : "Covered: "}
                    {point.text}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {feedback.result ? (
        <details>
          <summary>Grade report ({feedback.result.verdict})</summary>
          {feedback.result.message ? <p>{feedback.result.message}</p> : null}
          {feedback.result.diagnosis ? (
            <p>
              <strong>{feedback.result.diagnosis.title}:</strong> {feedback.result.diagnosis.explanation}
            </p>
          ) : null}
          <ul>
            {feedback.result.tests.map((test) => (
              <li key={test.name}>
                {test.status === "pass" ? "Pass" : test.status === "fail" ? "Fail" : "Error"}: {test.name}
                {test.message ? ` — ${test.message}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the explanation, rendered on the server from the bank. */}
      <div className={styles.explanation} dangerouslySetInnerHTML={{ __html: feedback.explanationHtml }} />
      <p>
        <a href={`/learn/${item.lesson}#${item.section}`}>Read the lesson section</a>
      </p>
    </div>
  );
}
