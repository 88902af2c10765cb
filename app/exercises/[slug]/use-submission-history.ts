"use client";

import { useCallback, useEffect, useState } from "react";
import type { SubmissionSummaryAnswer } from "@/lib/exercises/answers";
import { fetchPastSubmissions } from "./submissions-client";

/**
 * The learner's past submissions of an exercise, newest first, loaded once the page is shown;
 * `refresh` loads them again (after a submission). A list that cannot be had keeps the last one.
 */
export function useSubmissionHistory(slug: string) {
  const [history, setHistory] = useState<SubmissionSummaryAnswer[]>([]);
  const refresh = useCallback(async () => {
    const submissions = await fetchPastSubmissions(slug);
    if (submissions) setHistory(submissions);
  }, [slug]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { history, refresh };
}
