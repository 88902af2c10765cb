"use client";

import { useCallback } from "react";
import type { GradeResult } from "@/lib/grader/result";
import { fetchSubmission } from "../submissions-client";
import type { Language } from "./language";

/** Restore: a past submission's code back into the editor, in its language, with the result it had. */
export function useRestore(
  setLanguage: (language: Language) => void,
  setCode: (code: string) => void,
  setResult: (result: GradeResult | null) => void,
  setError: (message: string) => void,
) {
  return useCallback(
    async (id: string) => {
      const submission = await fetchSubmission(id);
      if ("error" in submission) return setError(submission.error);
      if (submission.language) setLanguage(submission.language);
      setCode(submission.code);
      setResult(submission.result);
    },
    [setLanguage, setCode, setResult, setError],
  );
}
