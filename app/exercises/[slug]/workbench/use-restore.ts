"use client";

import { useCallback } from "react";
import type { GradeResult } from "@/lib/grader/result";
import { fetchSubmission } from "../submissions-client";

/** Restore: a past submission's code back into the editor, with the result it had. */
export function useRestore(
  setCode: (code: string) => void,
  setResult: (result: GradeResult | null) => void,
  setError: (message: string) => void,
) {
  return useCallback(
    async (id: string) => {
      const submission = await fetchSubmission(id);
      if ("error" in submission) return setError(submission.error);
      setCode(submission.code);
      setResult(submission.result);
    },
    [setCode, setResult, setError],
  );
}
