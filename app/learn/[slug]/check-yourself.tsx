"use client";

import { type ComponentType, useEffect, useRef, useState } from "react";
import styles from "./check-yourself.module.css";

type Questions = ComponentType<{ lesson: string }>;

/** How far below the viewport the questions start loading (as the lesson's figures do). */
const ROOT_MARGIN = "600px 0px";
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
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    let cancelled = false;
    const load = () =>
      import("./check-yourself-questions").then((module) => {
        if (!cancelled) setLoaded(() => module.CheckYourselfQuestions);
      });
    if (typeof IntersectionObserver === "undefined") {
      void load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void load();
      },
      { rootMargin: ROOT_MARGIN },
    );
    observer.observe(node);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, []);
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
