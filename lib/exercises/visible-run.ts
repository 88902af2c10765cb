import { isWithinTolerance } from "@/lib/grader/compare";
import { isCodeTooLarge, TOO_LARGE_MESSAGE } from "@/lib/grader/limits";
import { transpileSubmission } from "@/lib/grader/transpile";
import { createObjective } from "@/lib/objectives";
import { describeFailure, driveRun, type LoopParticipant, type PreparedRun, prepareRun } from "@/lib/harness/loop";
import type { ObjectiveName } from "@/lib/objectives/types";

/** A visible test with its reference trajectory (computed on the server with lib/optim). */
export type VisibleRunTest = {
  name: string;
  objective: { name: ObjectiveName; args?: Record<string, unknown> };
  dim: number;
  x0: number[];
  steps: number;
  hp: Record<string, number>;
  /** Tensor sizes: init and step get lists of views of the flat vector (as in the grader). */
  layers?: number[];
  /** Mini-batch mode: step gets a zeroed gradient buffer and the data set as a fifth argument. */
  minibatch?: { batchSize: number };
  /** Reference parameters after every step k = 0..steps. */
  expected: number[][];
};

/** The browser-side result of one visible test. */
export type VisibleTestResult = {
  name: string;
  status: "pass" | "fail" | "error";
  message: string;
  firstDivergence?: { step: number; coordinate: number; expected: number; actual: number };
};

/** The browser-side result of a Run. */
export type VisibleRunResult =
  | { kind: "too-large" | "compile-error" | "runtime-error" | "missing-export"; message: string }
  | { kind: "done"; tests: VisibleTestResult[]; durationMs: number };

type Exports = { init?: unknown; step?: unknown };
type InitFn = LoopParticipant["init"];
type StepFn = LoopParticipant["step"];

function loadExports(js: string): Exports {
  const module = { exports: {} as Exports };
  const require = (name: string) => {
    throw new Error(`require(${JSON.stringify(name)}) is not available: submissions run without modules`);
  };
  // The learner's own code, run in their own browser (inside a Web Worker, see run.worker.ts).
  new Function("exports", "module", "require", js)(module.exports, module, require);
  return module.exports;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs the learner's code on the visible tests and compares every step with the reference. */
export function runVisibleTests(code: string, tests: readonly VisibleRunTest[]): VisibleRunResult {
  const started = performance.now();
  // The grader's transpile step (lib/grader/transpile.ts): a syntax error reads as Submit reports it.
  // The grader's size limit (lib/grader/limits.ts): Run refuses what Submit would.
  if (isCodeTooLarge(code)) return { kind: "too-large", message: TOO_LARGE_MESSAGE };
  const transpiled = transpileSubmission(code);
  if ("error" in transpiled) return { kind: "compile-error", message: transpiled.error };
  let exports: Exports;
  try {
    exports = loadExports(transpiled.js);
  } catch (error) {
    // Code that transpiled but threw while the module loaded (a top-level throw, an undefined
    // name): a runtime error, as the grader calls it. V8 parse errors sucrase let through are
    // SyntaxErrors, which the grader reports as compile errors.
    const kind = error instanceof SyntaxError ? "compile-error" : "runtime-error";
    return { kind, message: describeError(error) };
  }
  const missing = (["init", "step"] as const).filter((name) => typeof exports[name] !== "function");
  if (missing.length > 0)
    return { kind: "missing-export", message: `Missing export: ${missing.join(" and ")}.` };
  const init = exports.init as InitFn;
  const step = exports.step as StepFn;
  const results = tests.map((test) => runOne(test, init, step));
  return { kind: "done", tests: results, durationMs: performance.now() - started };
}

function runOne(test: VisibleRunTest, init: InitFn, step: StepFn): VisibleTestResult {
  const { name } = test;
  let prepared: PreparedRun;
  try {
    const objective = createObjective(test.objective.name, test.objective.args, { dim: test.dim });
    prepared = prepareRun({ ...test, minibatch: test.minibatch !== undefined }, objective);
  } catch (error) {
    return { name, status: "error", message: describeError(error) };
  }
  const { x } = prepared;
  let divergence: VisibleTestResult | null = null;
  const failure = driveRun(prepared, { init, step }, (k) => {
    const expected = test.expected[k];
    if (!expected) return false;
    for (let i = 0; i < x.length; i++) {
      const want = expected[i] as number;
      const got = x[i] as number;
      // The grader's comparison (compare.ts): NaN and ±∞ are never within the tolerance.
      if (!isWithinTolerance(want, got)) {
        divergence = {
          name,
          status: "fail",
          message: `Step ${k}, coordinate ${i}: expected ${want}, got ${got}.`,
          firstDivergence: { step: k, coordinate: i, expected: want, actual: got },
        };
        return false;
      }
    }
    return true;
  });
  if (failure) return { name, status: "error", message: describeFailure(failure, describeError(failure.error)) };
  return divergence ?? { name, status: "pass", message: `All ${test.steps} steps match the reference.` };
}
