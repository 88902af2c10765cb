import { transform } from "sucrase";
import { createObjective } from "@/lib/objectives";
import type { ObjectiveName } from "@/lib/objectives/types";

/** A visible test with its reference trajectory (computed on the server with lib/optim). */
export type VisibleRunTest = {
  name: string;
  objective: { name: ObjectiveName; args?: Record<string, unknown> };
  dim: number;
  x0: number[];
  steps: number;
  hp: Record<string, number>;
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
  | { kind: "compile-error" | "missing-export"; message: string }
  | { kind: "done"; tests: VisibleTestResult[]; durationMs: number };

type Exports = { init?: unknown; step?: unknown };
type InitFn = (params: Float64Array) => unknown;
type StepFn = (
  params: Float64Array,
  grad: Float64Array,
  state: unknown,
  hp: Readonly<Record<string, number>>,
) => void;

/** Same rule as the grader: |x − x_ref| ≤ 1e-6 · max(1, |x_ref|). */
const RTOL = 1e-6;

/** Transpiles TypeScript to a CommonJS body with sucrase (types stripped, no type checking). */
export function transpileSubmission(code: string): string {
  return transform(code, { transforms: ["typescript", "imports"], production: true }).code;
}

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
  let exports: Exports;
  try {
    exports = loadExports(transpileSubmission(code));
  } catch (error) {
    return { kind: "compile-error", message: describeError(error) };
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
  try {
    const objective = createObjective(test.objective.name, test.objective.args, { dim: test.dim });
    const x = Float64Array.from(test.x0);
    const grad = new Float64Array(x.length);
    const hp = Object.freeze({ ...test.hp });
    const state = init(x);
    for (let k = 1; k <= test.steps; k++) {
      objective.gradient(x, grad, k);
      step(x, grad, state, hp);
      const expected = test.expected[k];
      if (!expected) break;
      for (let i = 0; i < x.length; i++) {
        const want = expected[i] as number;
        const got = x[i] as number;
        if (!Number.isFinite(got) || !(Math.abs(got - want) <= RTOL * Math.max(1, Math.abs(want)))) {
          return {
            name,
            status: "fail",
            message: `Step ${k}, coordinate ${i}: expected ${want}, got ${got}.`,
            firstDivergence: { step: k, coordinate: i, expected: want, actual: got },
          };
        }
      }
    }
    return { name, status: "pass", message: `All ${test.steps} steps match the reference.` };
  } catch (error) {
    return { name, status: "error", message: describeError(error) };
  }
}
