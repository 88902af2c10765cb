"use client";
import { useState } from "react";
import { useReadLessons } from "../read-lessons";

/** Marks the lesson read or unread for this learner; a real button, so it works with the keyboard. */
export function MarkReadButton({ slug }: { slug: string }) {
  const { read, setRead } = useReadLessons();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isRead = read?.has(slug) ?? false;

  async function toggle() {
    setPending(true);
    setError(null);
    try {
      const { LessonReadAnswerSchema, readErrorMessage } = await import("@/lib/http/answers");
      const response = await fetch(`/api/lessons/${slug}/read`, { method: isRead ? "DELETE" : "POST" });
      if (!response.ok) throw new Error((await readErrorMessage(response)) ?? "Could not save.");
      const answer = LessonReadAnswerSchema.safeParse(await response.json().catch(() => null));
      if (!answer.success) throw new Error("Could not save.");
      setRead(slug, answer.data.read);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not save.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button
        type="button"
        className={`button${isRead ? "" : " primary"}`}
        disabled={read === null || pending}
        onClick={toggle}
      >
        {isRead ? "✓ Read" : "Mark as read"}
      </button>
      <span role="status" className="muted" style={{ marginLeft: "0.75rem" }}>
        {error ?? (isRead ? "Saved to your progress." : "")}
      </span>
    </div>
  );
}
