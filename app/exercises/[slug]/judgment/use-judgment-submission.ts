"use client";

import { useCallback, useEffect, useState } from "react";
import type { GradeResult, Verdict } from "@/lib/grader/result";

/** A past submission as listed by GET /api/exercises/[slug]/submissions. */
export type PastSubmission = { id: string; verdict: Verdict; createdAt: string };

/**
 * Sends an answer to the submissions route and keeps the verdict, the error (a 400's message, a
 * rate limit…) and the learner's past submissions of this exercise.
 */
export function useJudgmentSubmission(slug: string) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<PastSubmission[]>([]);

  const loadHistory = useCallback(async () => {
    try {
      const [response, answers] = await Promise.all([
        fetch(`/api/exercises/${slug}/submissions`, { cache: "no-store" }),
        import("@/lib/exercises/answers"),
      ]);
      if (!response.ok) return;
      const body = answers.parseAnswer(
        answers.SubmissionListAnswerSchema,
        await response.json(),
        "the list of your submissions",
      );
      setHistory(body.submissions);
    } catch {
      // The history is a convenience; the page works without it.
    }
  }, [slug]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const submit = useCallback(
    async (answer: Record<string, number | string>) => {
      setPending(true);
      setError(null);
      try {
        const answersLoaded = import("@/lib/exercises/answers");
        const response = await fetch(`/api/exercises/${slug}/submissions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ answer }),
        });
        const { SubmitAnswerSchema } = await answersLoaded;
        const parsed = SubmitAnswerSchema.safeParse(await response.json().catch(() => null));
        const body = parsed.success ? parsed.data : {};
        if (!response.ok || !body.result) {
          setError(body.error ?? `The server answered ${response.status}.`);
          return;
        }
        setResult(body.result);
        void loadHistory();
      } catch {
        setError("The answer could not be sent. Check your connection and try again.");
      } finally {
        setPending(false);
      }
    },
    [slug, loadHistory],
  );

  return { pending, result, error, history, submit };
}
