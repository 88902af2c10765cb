"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { INTERVIEW_FORMAT_IDS, INTERVIEW_FORMATS } from "@/lib/interview/formats";
import styles from "./interview.module.css";
import { postStart } from "./interview-client";

/** Format, mode and focus, and the "Start interview" button. */
export function StartForm({ topics }: { topics: string[] }) {
  const router = useRouter();
  const [format, setFormat] = useState<string>("rapid");
  const [mode, setMode] = useState("study");
  const [focus, setFocus] = useState("all");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className={`card ${styles.start}`}
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setError(null);
        const result = await postStart({ format, mode, focus });
        if (!result.ok) {
          setError(result.error);
          setPending(false);
          return;
        }
        router.push(`/interview/${result.data.interview.id}`);
      }}
    >
      <fieldset className={styles.options}>
        <legend>Format</legend>
        {INTERVIEW_FORMAT_IDS.map((id) => (
          <label key={id} className={styles.option}>
            <input
              type="radio"
              name="format"
              value={id}
              checked={format === id}
              onChange={() => setFormat(id)}
            />
            <span>
              <strong>
                {INTERVIEW_FORMATS[id].label}, {INTERVIEW_FORMATS[id].minutes} minutes
              </strong>
              <br />
              <span className="muted">{INTERVIEW_FORMATS[id].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.options}>
        <legend>Mode</legend>
        <label className={styles.option}>
          <input
            type="radio"
            name="mode"
            value="study"
            checked={mode === "study"}
            onChange={() => setMode("study")}
          />
          <span>
            <strong>Study</strong>: feedback and the model answer after each item
          </span>
        </label>
        <label className={styles.option}>
          <input
            type="radio"
            name="mode"
            value="real"
            checked={mode === "real"}
            onChange={() => setMode("real")}
          />
          <span>
            <strong>Real</strong>: nothing until the end, like the real thing
          </span>
        </label>
      </fieldset>
      <label className={styles.field}>
        Focus
        <select value={focus} onChange={(event) => setFocus(event.target.value)}>
          <option value="all">All topics</option>
          <option value="weakest">My weakest (card lapses, failed submissions, past misses)</option>
          {topics.map((topic) => (
            <option key={topic} value={topic}>
              Topic: {topic}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Starting…" : "Start interview"}
      </button>
    </form>
  );
}
