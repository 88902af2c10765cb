"use client";

import { type RefObject, useCallback, useRef, useState } from "react";
import { newTicket, TICKET_HEADER } from "@/lib/grader/queue-ticket";
import type { GradeResult } from "@/lib/grader/result";
import { postSubmission } from "../submissions-client";
import type { Language } from "./language";
import { useQueuePosition } from "./use-queue-position";

/**
 * Submit: the editor's code, in its language, to the hidden tests on the server, one submission at a time, with its
 * place in the grader's queue (`ahead`) while it waits. Keeps the last result and the message to
 * show; `onGraded` runs after every answer (the page reloads the learner's past submissions).
 */
export function useCodeSubmission(
  slug: string,
  codeRef: RefObject<string>,
  languageRef: RefObject<Language>,
  onGraded: () => Promise<void>,
) {
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The pending submission's ticket (null: none pending), sent with it and polled for its place.
  const [ticket, setTicket] = useState<string | null>(null);
  const pendingRef = useRef(false);
  const ahead = useQueuePosition(ticket);

  const submit = useCallback(async () => {
    if (pendingRef.current) return;
    pendingRef.current = true;
    const pending = newTicket();
    setTicket(pending);
    setError(null);
    try {
      const answer = await postSubmission(
        slug,
        { code: codeRef.current, language: languageRef.current },
        { [TICKET_HEADER]: pending },
      );
      if ("result" in answer) setResult(answer.result);
      else setError(answer.error);
      await onGraded();
    } catch {
      setError("Could not reach the server. Your code is saved in this browser; try again.");
    } finally {
      pendingRef.current = false;
      setTicket(null);
    }
  }, [slug, codeRef, languageRef, onGraded]);

  return { grading: ticket !== null, ahead, result, error, submit, setResult, setError };
}
