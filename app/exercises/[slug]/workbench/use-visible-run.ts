"use client";

import { type RefObject, useCallback, useState } from "react";
import { type BrowserRunResult, runInWorker } from "@/lib/exercises/run-in-worker";
import type { VisibleRunTest } from "@/lib/exercises/visible-run";

/** Run: the visible tests on the editor's code, in a worker of this browser (no request). */
export function useVisibleRun(codeRef: RefObject<string>, visibleTests: VisibleRunTest[]) {
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<BrowserRunResult | null>(null);
  const runTests = useCallback(async () => {
    setRunning(true);
    setRun(await runInWorker(codeRef.current, visibleTests));
    setRunning(false);
  }, [codeRef, visibleTests]);
  return { running, run, runTests };
}
