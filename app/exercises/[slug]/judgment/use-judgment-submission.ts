"use client";

import { useCallback, useState } from "react";
import type { GradeResult, Verdict } from "@/lib/grader/result";
import { postSubmission } from "../submissions-client";
import { useSubmissionHistory } from "../use-submission-history";

/** A past submission as listed by GET /api/exercises/[slug]/submissions. */
export type PastSubmission = {
  id: string;
  verdict: Verdict;
  createdAt: string;
  /** The first question or curve answered wrong (absent from an older server). */
  failedTest?: string | null;
  /** The answer given (absent from an older server). */
  answer?: Readonly<Record<string, number | string>> | null;
};

/**
 * Sends an answer to the submissions route and keeps the verdict, the error (a 400's message, a
 * rate limit…) and the learner's past submissions of this exercise.
 */
export function useJudgmentSubmission(slug: string) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { history, refresh } = useSubmissionHistory(slug);

  const submit = useCallback(
    async (answer: Record<string, number | string>) => {
      setPending(true);
      setError(null);
      try {
        const graded = await postSubmission(slug, { answer });
        if ("error" in graded) {
          setError(graded.error);
          return;
        }
        setResult(graded.result);
        void refresh();
      } catch {
        setError("The answer could not be sent. Check your connection and try again.");
      } finally {
        setPending(false);
      }
    },
    [slug, refresh],
  );

  return { pending, result, error, history, submit };
}
