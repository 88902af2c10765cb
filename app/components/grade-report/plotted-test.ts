import type { GradeResult, GradeTest } from "@/lib/grader/result";

/** The test a report plots, and why that one. */
export type PlottedTest = {
  test: GradeTest & { trajectory: NonNullable<GradeTest["trajectory"]> };
  failing: boolean;
};

/**
 * Which test the report plots. After a failure: the first test that did not pass, in the suite's
 * order, hidden ones included (the grader sends the path of every test that did not pass); after a
 * pass: the longest 2-D run, not the 3-step visible test, whose path is a dot. Null when the chosen
 * test has no path (a result stored before every failing test carried one).
 */
export function choosePlottedTest(result: GradeResult): PlottedTest | null {
  const firstFailing = result.tests.find((test) => test.status !== "pass");
  if (firstFailing) {
    return firstFailing.trajectory
      ? { test: { ...firstFailing, trajectory: firstFailing.trajectory }, failing: true }
      : null;
  }
  let longest: PlottedTest["test"] | null = null;
  for (const test of result.tests) {
    if (
      test.trajectory &&
      (!longest || test.trajectory.expected.length > longest.trajectory.expected.length)
    ) {
      longest = { ...test, trajectory: test.trajectory };
    }
  }
  return longest && { test: longest, failing: false };
}

/** The first test that did not pass, or null. */
export function findFirstFailingTest(result: GradeResult): GradeTest | null {
  return result.tests.find((test) => test.status !== "pass") ?? null;
}
