"use client";
import { useEffect, useRef, useState } from "react";
import styles from "../learn.module.css";
import { useReadLessons } from "../read-lessons";
import { describeReadRule } from "../reading-rule";
import { useReadingRuleMet } from "./use-reading-time";

/**
 * The lesson's read state: marked by itself when the reading rule is met, and a real button to mark
 * or unmark it by hand. Unmarking by hand also stops the rule for the rest of this visit.
 */
export function MarkReadButton({ slug, minutes }: { slug: string; minutes: number }) {
  const { read, setRead } = useReadLessons();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [unmarkedByHand, setUnmarkedByHand] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);
  const isRead = read?.has(slug) ?? false;
  const ruleMet = useReadingRuleMet(endRef, minutes, read !== null && !isRead && !unmarkedByHand);

  async function save(value: boolean): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      const { LessonReadAnswerSchema, readErrorMessage } = await import("@/lib/http/answers");
      const response = await fetch(`/api/lessons/${slug}/read`, { method: value ? "POST" : "DELETE" });
      if (!response.ok) throw new Error((await readErrorMessage(response)) ?? "Could not save.");
      const answer = LessonReadAnswerSchema.safeParse(await response.json().catch(() => null));
      if (!answer.success) throw new Error("Could not save.");
      setRead(slug, answer.data.read);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not save.");
      return false;
    } finally {
      setPending(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: save once, when the rule is first met.
  useEffect(() => {
    if (!ruleMet) return;
    void save(true).then((saved) => saved && setStatus("Counted as read: you reached the end."));
  }, [ruleMet]);

  async function toggle() {
    const marking = !isRead;
    if (!(await save(marking))) return;
    if (!marking) setUnmarkedByHand(true);
    setStatus(marking ? "Saved to your progress." : "Marked as unread.");
  }

  return (
    <div ref={endRef} className={styles.readState} data-lesson-end>
      <div className={styles.readRow}>
        <button
          type="button"
          className={`button${isRead ? "" : " primary"}`}
          disabled={read === null || pending}
          onClick={toggle}
          aria-describedby="read-rule"
        >
          {isRead ? "Mark as unread" : "Mark as read"}
        </button>
        <span role="status" className="muted" data-testid="read-status">
          {error ?? (isRead ? `✓ Read. ${status}` : status)}
        </span>
      </div>
      <p id="read-rule" className={`muted ${styles.readRule}`}>
        {describeReadRule(minutes)}
      </p>
    </div>
  );
}
