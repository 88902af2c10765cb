"use client";

import { useState } from "react";
import styles from "./interview.module.css";
import type { ItemFormProps } from "./item-forms";

/**
 * Explain: the learner writes, sends the text, then marks the key points they covered. Phrases found
 * in the text pre-mark suggestions; the learner's marks decide the score.
 */
export function ExplainForm({ item, locked, pending, onSubmit }: ItemFormProps) {
  const sent = item.answered?.answer as { text?: string; covered?: string[] } | undefined;
  const [text, setText] = useState(sent?.text ?? "");
  const [covered, setCovered] = useState<string[]>(() => sent?.covered ?? item.answered?.suggested ?? []);
  const keyPoints = item.answered?.keyPoints;
  const marking = item.answered?.marking === true;

  if (!item.answered) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit({ text });
        }}
      >
        <label className={styles.field}>
          Your explanation
          <textarea
            rows={8}
            value={text}
            maxLength={4000}
            disabled={locked}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p className="muted">Then you will mark the key points your answer covered.</p>
        <button type="submit" className="button primary" disabled={locked || pending || text.trim() === ""}>
          {pending ? "Sending…" : "Submit answer"}
        </button>
      </form>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ text: sent?.text ?? "", covered });
      }}
    >
      <blockquote className={styles.quote}>{sent?.text}</blockquote>
      <fieldset className={styles.options} disabled={locked || !marking}>
        <legend>Which key points did your answer cover? (Suggestions are pre-marked from your words.)</legend>
        {(keyPoints ?? []).map((point) => (
          <label key={point.id} className={styles.option}>
            <input
              type="checkbox"
              checked={covered.includes(point.id)}
              onChange={(event) =>
                setCovered((old) =>
                  event.target.checked ? [...old, point.id] : old.filter((id) => id !== point.id),
                )
              }
            />
            {point.text}
          </label>
        ))}
      </fieldset>
      {marking ? (
        <button type="submit" className="button primary" disabled={locked || pending}>
          {pending ? "Sending…" : "Submit marks"}
        </button>
      ) : null}
    </form>
  );
}
