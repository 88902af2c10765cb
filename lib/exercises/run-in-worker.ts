import type { VisibleRunResult, VisibleRunTest } from "./visible-run";

/** Time limit of a browser Run: an endless loop in the learner's code ends here. */
export const RUN_TIME_LIMIT_MS = 2000;

/** The outcome of a Run in the browser, including a timeout. */
export type BrowserRunResult = VisibleRunResult | { kind: "timeout" | "crash"; message: string };

/** Runs the visible tests in a fresh Web Worker, terminated after RUN_TIME_LIMIT_MS. */
export function runInWorker(code: string, tests: readonly VisibleRunTest[]): Promise<BrowserRunResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({
        kind: "timeout",
        message: `Stopped after ${RUN_TIME_LIMIT_MS / 1000} s: is there an endless loop?`,
      });
    }, RUN_TIME_LIMIT_MS);
    worker.onmessage = (event: MessageEvent<VisibleRunResult>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      worker.terminate();
      resolve({ kind: "crash", message: event.message || "The test runner crashed." });
    };
    worker.postMessage({ code, tests });
  });
}
