"use client";

import { type RefObject, useCallback, useRef, useState } from "react";
import { newTicket, TICKET_HEADER } from "@/lib/grader/queue-ticket";
import type { GradeResult } from "@/lib/grader/result";
import { postRun } from "../submissions-client";
import { useQueuePosition } from "./use-queue-position";

/**
 * Run for Python: the visible tests on the server, in the grader's sandbox and fair queue (a browser
 * cannot run NumPy, and a Run that behaved differently from the grader would mislead), with the place
 * in the queue (`ahead`) while it waits. The answer is a grade result of the visible tests only,
 * shown with the same report as Submit's; nothing is stored.
 */
export function useServerRun(slug: string, codeRef: RefObject<string>) {
  const [result, setResult] = useState<GradeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const pendingRef = useRef(false);
  const ahead = useQueuePosition(ticket);

  const run = useCallback(async () => {
    if (pendingRef.current) return;
    pendingRef.current = true;
    const pending = newTicket();
    setTicket(pending);
    setError(null);
    setResult(null);
    try {
      const answer = await postRun(
        slug,
        { code: codeRef.current, language: "python" },
        { [TICKET_HEADER]: pending },
      );
      if ("result" in answer) setResult(answer.result);
      else setError(answer.error);
    } catch {
      setError("Could not reach the server. Your code is saved in this browser; try again.");
    } finally {
      pendingRef.current = false;
      setTicket(null);
    }
  }, [slug, codeRef]);

  const clear = useCallback(() => {
    setResult(null);
    setError(null);
  }, []);

  return { running: ticket !== null, ahead, result, error, run, clear };
}
