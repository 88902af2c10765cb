"use client";

import { type RefObject, useCallback, useRef, useState } from "react";
import { type BrowserRunResult, runInWorker } from "@/lib/exercises/run-in-worker";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";

/**
 * Run: the visible tests on the editor's code, in a worker of this browser (no request). A new Run
 * clears the last one's outcome; only the latest Run's outcome is kept (an earlier one finishing
 * later is ignored).
 */
export function useVisibleRun(codeRef: RefObject<string>, visibleTests: VisibleRunTest[]) {
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<BrowserRunResult | null>(null);
  const latest = useRef(0);
  const runTests = useCallback(async () => {
    const id = ++latest.current;
    setRunning(true);
    setRun(null);
    const outcome = await runInWorker(codeRef.current, visibleTests);
    if (id !== latest.current) return;
    setRun(outcome);
    setRunning(false);
  }, [codeRef, visibleTests]);
  return { running, run, runTests };
}
