/// <reference lib="webworker" />
import type { WorkerMessage } from "./run-in-worker";
import { runVisibleTests, type VisibleRunTest } from "./visible-run";

// Runs the learner's code off the main thread. "started" tells the page that loading is over, so its
// time limit covers the learner's code only; the page terminates this worker when the limit passes.
self.onmessage = (event: MessageEvent<{ code: string; tests: VisibleRunTest[] }>) => {
  const { code, tests } = event.data;
  self.postMessage({ type: "started" } satisfies WorkerMessage);
  self.postMessage({ type: "result", result: runVisibleTests(code, tests) } satisfies WorkerMessage);
};
