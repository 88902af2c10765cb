"use client";

import { type ComponentType, useRef, useState } from "react";
import { useLoadWhenNear } from "@/app/components/use-load-when-near";
import styles from "./check-yourself.module.css";

type Questions = ComponentType<{ lesson: string }>;

/** A question's usual height, in rem, reserved per question until they arrive. */
const ESTIMATED_REM = 12;

/**
 * "Check yourself" at the end of a lesson: a few items of the interview question bank, with
 * feedback and the model answer after each, stored for the learner. The forms, graders' feedback
 * and the learner's answers arrive when the reader comes near the end, never with the page.
 */
export function CheckYourself({ lesson, count }: { lesson: string; count: number }) {
  const ref = useRef<HTMLElement>(null);
  const [Loaded, setLoaded] = useState<Questions | null>(null);
  useLoadWhenNear(ref, (_node, isCancelled) =>
    import("./check-yourself-questions").then((module) => {
      if (!isCancelled()) setLoaded(() => module.CheckYourselfQuestions);
    }),
  );
  return (
    <section
      ref={ref}
      id="check-yourself"
      aria-labelledby="check-yourself-heading"
      className={styles.checkYourself}
    >
      <h2 id="check-yourself-heading">Check yourself</h2>
      <p className="muted">
        {count} questions from the <a href="/interview">mock interview</a> bank. You get feedback and the
        model answer after each; your answers are kept.
      </p>
      {Loaded ? (
        <Loaded lesson={lesson} />
      ) : (
        // Room for the questions while they load, so the lesson links below do not jump under a
        // reader's pointer when they arrive (about one short question per row of the bank).
        <p aria-live="polite" className={styles.loading} style={{ minHeight: `${count * ESTIMATED_REM}rem` }}>
          Loading the questions…
        </p>
      )}
    </section>
  );
}
