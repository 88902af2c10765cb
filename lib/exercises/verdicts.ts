/** Folds submissions (oldest first) into the best verdict per exercise: "passed" beats anything, else the latest. */
export function pickBestVerdicts(
  rows: readonly { exerciseSlug: string; verdict: string }[],
): Record<string, string> {
  const best: Record<string, string> = {};
  for (const { exerciseSlug, verdict } of rows) {
    if (best[exerciseSlug] !== "passed") best[exerciseSlug] = verdict;
  }
  return best;
}

const LABELS: Record<string, string> = {
  passed: "Passed",
  failed: "Failed",
  "compile-error": "Compile error",
  "runtime-error": "Runtime error",
  timeout: "Timed out",
  "memory-limit": "Memory limit",
  "missing-export": "Missing export",
  "non-finite": "Non-finite values",
  busy: "Grader busy",
  "too-large": "Too large",
};

/** A human label for a verdict. */
export function formatVerdict(verdict: string): string {
  return LABELS[verdict] ?? verdict;
}
