/// <reference lib="webworker" />
import { runVisibleTests, type VisibleRunTest } from "./visible-run";

// Runs the learner's code off the main thread; the page terminates this worker after a time limit.
self.onmessage = (event: MessageEvent<{ code: string; tests: VisibleRunTest[] }>) => {
  const { code, tests } = event.data;
  self.postMessage(runVisibleTests(code, tests));
};
