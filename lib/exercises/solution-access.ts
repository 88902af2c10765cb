/** Failed submissions after which a learner may ask for the reference solution without passing. */
export const FAILED_ATTEMPTS_BEFORE_REVEAL = 3;

/**
 * Whether a learner may read an exercise's reference solution and write-up:
 * - "passed": they passed it (open);
 * - "revealed": they asked for it after enough failed submissions (open; the request is stored);
 * - "available": they have enough failed submissions and may ask (the request will be stored);
 * - "locked": not yet (pass it, or fail FAILED_ATTEMPTS_BEFORE_REVEAL times first).
 */
export type SolutionAccessState = "passed" | "revealed" | "available" | "locked";

/** The access state with the numbers behind it (what the page states to the learner). */
export type SolutionAccess = {
  state: SolutionAccessState;
  /** The learner's stored submissions of this exercise that did not pass. */
  failedAttempts: number;
  /** FAILED_ATTEMPTS_BEFORE_REVEAL, sent so the page states the rule the server applies. */
  needed: number;
};

/** Decides access from what is stored: a pass, the failed submissions, an earlier request. */
export function decideSolutionAccess(stored: {
  passed: boolean;
  failedAttempts: number;
  revealed: boolean;
}): SolutionAccess {
  const state: SolutionAccessState = stored.passed
    ? "passed"
    : stored.revealed
      ? "revealed"
      : stored.failedAttempts >= FAILED_ATTEMPTS_BEFORE_REVEAL
        ? "available"
        : "locked";
  return { state, failedAttempts: stored.failedAttempts, needed: FAILED_ATTEMPTS_BEFORE_REVEAL };
}

/** True when the solution may be shown now, without a request. */
export function isSolutionOpen(access: SolutionAccess): boolean {
  return access.state === "passed" || access.state === "revealed";
}
