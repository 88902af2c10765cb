import { findDivergence } from "./compare";
import { getObjective, type ResolvedTest } from "./reference";
import type { GradeTest } from "./result";
import type { SandboxRunResult } from "./sandbox";

// One test's run against the reference: the verdict of the test, its message and first divergence,
// and the 2-D trajectory for the plot. The same for every language: the numbers alone decide.

const PLOT_POINTS = 200;

/** A resolved test with its test_code (what it ran, for the learner). */
export type GradedTestRun = ResolvedTest & { testCode: string };

function downsample(rows: number[][], max: number): number[][] {
  if (rows.length <= max) return rows;
  const out: number[][] = [];
  for (let i = 0; i < max; i++) out.push(rows[Math.round((i * (rows.length - 1)) / (max - 1))] as number[]);
  return out;
}

function toRows(test: ResolvedTest, flat: Float64Array, rows: number): number[][] {
  const out: number[][] = [test.x0.slice()];
  for (let r = 0; r < rows; r++) out.push(Array.from(flat.subarray(r * test.dim, (r + 1) * test.dim)));
  return out;
}

function getTrajectory(
  test: ResolvedTest,
  expected: Float64Array,
  actual: Float64Array,
  rows: number,
): GradeTest["trajectory"] {
  const objective = getObjective(test);
  const loss = (p: number[]) => {
    const v = objective.value(Float64Array.from(p));
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  const clean = (p: number[]) => p.map(toJsonNumber);
  const exp = downsample(toRows(test, expected, test.record.length), PLOT_POINTS);
  const act = downsample(toRows(test, actual, rows), PLOT_POINTS).map(clean);
  // The loss of the whole vector; the path of its first two coordinates only (what the plot shows).
  const firstTwo = (p: number[]) => p.slice(0, 2);
  return {
    objective: test.objective,
    expected: exp.map(firstTwo),
    actual: act.map(firstTwo),
    expectedLoss: exp.map(loss),
    actualLoss: act.map(loss),
  };
}

// JSON has no NaN or infinities: non-finite values are clamped to ±MAX_VALUE (the message names them).
function toJsonNumber(v: number): number {
  if (Number.isFinite(v)) return v;
  return v === Number.NEGATIVE_INFINITY ? -Number.MAX_VALUE : Number.MAX_VALUE;
}

export interface Compared {
  test: GradeTest;
  nonFinite: boolean;
  failed: boolean;
}

export function compareRun(test: GradedTestRun, expected: Float64Array, run: SandboxRunResult): Compared {
  const rows = run.status === "ok" ? test.record.length : test.record.filter((k) => k < run.stepsRun).length;
  // Every 2-D test is plotted; a test of another dimension only when it did not pass, so that the
  // report can plot the first failing test, whichever it is, without storing every test's path.
  const div = run.status === "ok" ? findDivergence(expected, run.recorded, test.dim) : null;
  const plotted = test.dim === 2 || run.status !== "ok" || div !== null;
  const trajectory = plotted ? getTrajectory(test, expected, run.recorded, rows) : undefined;
  if (run.status !== "ok") {
    return {
      test: {
        name: test.name,
        status: "error",
        message: run.message,
        output: run.output,
        test_code: test.testCode,
        trajectory,
      },
      nonFinite: false,
      failed: false,
    };
  }
  if (!div)
    return {
      test: {
        name: test.name,
        status: "pass",
        message: null,
        output: run.output,
        test_code: test.testCode,
        trajectory,
      },
      nonFinite: false,
      failed: false,
    };
  const step = test.record[div.row] as number;
  const at = div.row * test.dim + div.coordinate;
  const exp = expected[at] as number;
  const act = run.recorded[at] as number;
  const every = test.record.length > 1 ? (test.record[1] as number) - (test.record[0] as number) : 1;
  const when = every > 1 ? `by step ${step} (checked every ${every} steps)` : `at step ${step}`;
  const nonFinite = !Number.isFinite(act) && Number.isFinite(exp);
  const message = nonFinite
    ? `Your parameters became ${act} ${when}, coordinate ${div.coordinate}; the reference stays finite (${exp}).`
    : `Diverged from the reference ${when}, coordinate ${div.coordinate}: expected ${exp}, got ${act}.`;
  return {
    test: {
      name: test.name,
      status: "fail",
      message,
      output: run.output,
      test_code: test.testCode,
      firstDivergence: {
        step,
        coordinate: div.coordinate,
        expected: toJsonNumber(exp),
        actual: toJsonNumber(act),
      },
      trajectory,
    },
    nonFinite,
    failed: true,
  };
}
