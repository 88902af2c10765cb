import type { VisibleRunResult, VisibleRunTest } from "./visible-run";

/** Time limit of a browser Run: an endless loop in the learner's code ends here. */
const RUN_TIME_LIMIT_MS = 2000;

/** The outcome of a Run in the browser, including a timeout. */
export type BrowserRunResult = VisibleRunResult | { kind: "timeout" | "crash"; message: string };

/** How long the worker may take to load before the Run is reported as a crash (slow machines). */
const RUN_STARTUP_LIMIT_MS = 15_000;

/** Messages from run.worker.ts. */
export type WorkerMessage = { type: "started" } | { type: "result"; result: VisibleRunResult };

/**
 * Runs the visible tests in a fresh Web Worker. The RUN_TIME_LIMIT_MS clock starts when the worker
 * reports "started", so a slow worker start-up on a loaded machine is not blamed on the learner's code.
 */
export function runInWorker(code: string, tests: readonly VisibleRunTest[]): Promise<BrowserRunResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module" });
    const finish = (result: BrowserRunResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    let timer = setTimeout(
      () =>
        finish({ kind: "crash", message: "The test runner did not start; reload the page and try again." }),
      RUN_STARTUP_LIMIT_MS,
    );
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.type === "started") {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            finish({
              kind: "timeout",
              message: `Stopped after ${RUN_TIME_LIMIT_MS / 1000} s: is there an endless loop?`,
            }),
          RUN_TIME_LIMIT_MS,
        );
        return;
      }
      finish(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: "crash", message: event.message || "The test runner crashed." });
    };
    worker.postMessage({ code, tests });
  });
}
