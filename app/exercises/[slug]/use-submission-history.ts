"use client";

import { useCallback, useEffect, useState } from "react";
import type { SubmissionSummaryAnswer } from "@/lib/exercises/answers";
import { fetchPastSubmissions } from "./submissions-client";

/**
 * The learner's past submissions of an exercise, newest first, loaded once the page is shown;
 * `refresh` loads them again (after a submission). A list that cannot be had keeps the last one.
 * `loaded`: the first answer (or failure) has come.
 */
export function useSubmissionHistory(slug: string) {
  const [history, setHistory] = useState<SubmissionSummaryAnswer[]>([]);
  const [loaded, setLoaded] = useState(false);
  const refresh = useCallback(async () => {
    const submissions = await fetchPastSubmissions(slug);
    if (submissions) setHistory(submissions);
    setLoaded(true);
  }, [slug]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { history, loaded, refresh };
}
