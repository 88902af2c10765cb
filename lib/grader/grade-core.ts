import { type ExerciseConfig, type HiddenTest, resolveX0 } from "../content/exercise-schema";
import { isExerciseSlug, loadExerciseConfig } from "../content/registry";
import { findDivergence, isSameValue } from "./compare";
import { compareRun, type GradedTestRun } from "./compare-run";
import { type DiagnosisId, getDiagnosis, isDiagnosisId } from "./diagnoses";
import { getLanguageMistake, loadPython } from "./python-runs";
import {
  getRecordSteps,
  type ResolvedTest,
  resolveObjectiveArgs,
  runReference,
  runVariant,
} from "./reference";
import {
  createEarlyResult,
  type Diagnosis,
  type GradeResult,
  type GradeTest,
  type GradeVerdict,
  refuseTooLarge,
  TOLERANCE_TEXT,
} from "./result";
import {
  capOutput,
  type LoadedSubmission,
  loadSubmission,
  type SandboxLoadFailure,
  type SandboxRunResult,
  type SandboxRunSpec,
} from "./sandbox";
import { writeTestCode } from "./test-code";
import { transpileSubmission } from "./transpile";
import type { GradeJobInput } from "./transport";

/** Wall-clock budget of one submission (load + all tests). */
const SUBMISSION_BUDGET_MS = 5_000;
/** Budget of the submission's top-level code. */
const LOAD_BUDGET_MS = 2_000;

// The suites are deterministic, so each process computes a reference trajectory once.
const referenceCache = new Map<string, Float64Array>();
function getCachedReference(
  slug: string,
  config: ExerciseConfig,
  test: ResolvedTest,
  index: number,
): Float64Array {
  const key = `${slug}#${index}`;
  let expected = referenceCache.get(key);
  if (!expected) {
    expected = runReference(config, test);
    referenceCache.set(key, expected);
  }
  return expected;
}

export type { GradedTestRun } from "./compare-run";

/** Resolves visible then hidden tests of an exercise into concrete runs, in a stable order. */
export function resolveTests(config: ExerciseConfig): GradedTestRun[] {
  const all: Array<HiddenTest & { label: string }> = [
    ...config.visibleTests.map((t) => ({ ...t, label: t.name })),
    ...config.hiddenTests.map((t) => ({ ...t, label: `hidden: ${t.name}` })),
  ];
  return all.map((t) => ({
    name: t.label,
    objective: t.objective.name,
    args: resolveObjectiveArgs(t.objective.name, t.objective.args),
    dim: t.dim,
    x0: resolveX0(t),
    steps: t.steps,
    hp: t.hp,
    record: getRecordSteps(t.dim, t.steps),
    ...(t.layers ? { layers: t.layers } : {}),
    ...(config.batchSize ? { minibatch: true } : {}),
    testCode: writeTestCode(config, t),
  }));
}

/** The copyable run specification of a resolved test (what the sandbox receives). */
function toRunSpec(test: GradedTestRun): SandboxRunSpec {
  return {
    objective: test.objective,
    args: test.args,
    dim: test.dim,
    x0: test.x0,
    steps: test.steps,
    hp: test.hp,
    record: test.record,
    ...(test.layers ? { layers: test.layers } : {}),
    ...(test.minibatch ? { minibatch: true } : {}),
  };
}

/** A test the learner's code ran to the end and failed, with its recorded parameters. */
export interface FailedRun {
  test: ResolvedTest;
  actual: Float64Array;
  nonFinite: boolean;
}

/**
 * Names the classic mistake whose host-side variant reproduces the learner's failed runs: the first
 * listed id that matches every failed test; otherwise the first that matches the first failed test (or
 * the first non-finite one). Several mistakes can give the same run on one test (NaN from the first
 * step, say); the other failed tests tell them apart.
 */
export function diagnose(config: ExerciseConfig, failed: readonly FailedRun[]): Diagnosis | null {
  const first = failed[0];
  if (!first) return null;
  const cache = new Map<string, boolean>();
  const matches = (id: DiagnosisId, index: number): boolean => {
    const key = `${id}#${index}`;
    let same = cache.get(key);
    if (same === undefined) {
      const run = failed[index] as FailedRun;
      const variant = runVariant(config, run.test, id);
      same = variant !== null && findDivergence(variant, run.actual, run.test.dim, isSameValue) === null;
      cache.set(key, same);
    }
    return same;
  };
  const ids = config.diagnoses.filter(isDiagnosisId);
  const all = ids.find((id) => failed.every((_, index) => matches(id, index)));
  if (all) return getDiagnosis(all);
  const nonFinite = failed.findIndex((run) => run.nonFinite);
  for (const index of nonFinite > 0 ? [0, nonFinite] : [0]) {
    const id = ids.find((candidate) => matches(candidate, index));
    if (id) return getDiagnosis(id);
  }
  return null;
}

/**
 * Python refuses to divide a float by zero where JavaScript and PyTorch give ±∞ or NaN: a step
 * that raised ZeroDivisionError is named by the mistake whose variant turns non-finite by that
 * step (the step count starting at 0 makes 1 − β^0 = 0, say).
 */
function diagnoseDivisionByZero(
  config: ExerciseConfig,
  test: GradedTestRun,
  run: SandboxRunResult,
): Diagnosis | null {
  if (!/ZeroDivisionError|division by zero/.test(run.message) || run.stepsRun < 1) return null;
  const rows = test.record.filter((k) => k <= run.stepsRun).length;
  for (const id of config.diagnoses.filter(isDiagnosisId)) {
    const variant = runVariant(config, test, id);
    if (variant?.subarray(0, Math.max(1, rows) * test.dim).some((v) => !Number.isFinite(v)))
      return getDiagnosis(id);
  }
  return null;
}

function finish(
  verdict: GradeVerdict,
  message: string | null,
  tests: GradeTest[],
  diagnosis: Diagnosis | null,
  started: number,
): GradeResult {
  return {
    ...createEarlyResult(verdict, message ?? "", Date.now() - started),
    message,
    tests,
    diagnosis,
  };
}

/** The runs of one submission, whichever sandbox produced them (see LoadedSubmission). */
type SubmissionRuns = Pick<LoadedSubmission, "loadOutput" | "run" | "dispose">;
type LoadFailure = { status: SandboxLoadFailure["status"]; message: string; output: string };

async function loadTypeScript(
  code: string,
  tests: readonly GradedTestRun[],
): Promise<SubmissionRuns | LoadFailure> {
  const transpiled = transpileSubmission(code);
  if ("error" in transpiled) return { status: "compile-error", message: transpiled.error, output: "" };
  return loadSubmission(transpiled.js, tests.map(toRunSpec), LOAD_BUDGET_MS);
}

/** Grades a submission in this process (the caller must be a disposable process: see index.server.ts). */
export async function gradeInProcess(input: GradeJobInput): Promise<GradeResult> {
  const started = Date.now();
  if (!isExerciseSlug(input.exercise)) throw new Error(`Unknown exercise ${JSON.stringify(input.exercise)}`);
  const tooLarge = refuseTooLarge(input.code);
  if (tooLarge) return tooLarge;
  const config = await loadExerciseConfig(input.exercise);
  // Python's Run: the visible tests only (they come first), through the same sandbox and queue.
  const tests = resolveTests(config).slice(
    0,
    input.scope === "visible" ? config.visibleTests.length : undefined,
  );
  const deadline = started + SUBMISSION_BUDGET_MS;
  let loaded: SubmissionRuns | LoadFailure;
  if (input.language === "python") {
    const python = await loadPython(input.code, tests.map(toRunSpec), SUBMISSION_BUDGET_MS);
    if ("refusal" in python) return createEarlyResult("unavailable", python.refusal, Date.now() - started);
    loaded = python;
  } else {
    loaded = await loadTypeScript(input.code, tests);
  }
  if (!("run" in loaded)) {
    const result = createEarlyResult(loaded.status, loaded.message, Date.now() - started);
    if (loaded.output)
      result.tests = [
        { name: "loading your module", status: "error", message: loaded.message, output: loaded.output },
      ];
    return result;
  }
  return gradeRuns(input.exercise, input.code, config, tests, loaded, { started, deadline });
}

/** Runs every test through `loaded`, compares each with the reference and names the mistake. */
async function gradeRuns(
  slug: string,
  code: string,
  config: ExerciseConfig,
  tests: readonly GradedTestRun[],
  loaded: SubmissionRuns,
  time: { started: number; deadline: number },
): Promise<GradeResult> {
  const graded: GradeTest[] = [];
  let verdict: GradeVerdict = "passed";
  let message: string | null = null;
  const failed: FailedRun[] = [];
  let languageMistake: Diagnosis | null = null;
  let firstError: { test: GradedTestRun; run: SandboxRunResult } | null = null;
  try {
    for (const [index, test] of tests.entries()) {
      if (verdict === "timeout" || verdict === "memory-limit") {
        graded.push({
          name: test.name,
          status: "error",
          message: "Not run.",
          output: "",
          test_code: test.testCode,
        });
        continue;
      }
      const run = await loaded.run(index, time.deadline - Date.now());
      if (graded.length === 0 && loaded.loadOutput) run.output = capOutput(loaded.loadOutput + run.output);
      const expected = getCachedReference(slug, config, test, index);
      const compared = compareRun(test, expected, run);
      graded.push(compared.test);
      if (run.status === "runtime-error") {
        firstError ??= { test, run };
        // NumPy refuses some mistakes outright (writing floats into an integer array in place).
        languageMistake ??= getLanguageMistake(run, code);
      }
      if (run.status !== "ok" && verdict !== "runtime-error") {
        verdict = run.status;
        message = `${test.name}: ${run.message}`;
      } else if (compared.failed && (verdict === "passed" || (verdict === "failed" && compared.nonFinite))) {
        verdict = compared.nonFinite ? "non-finite" : "failed";
        message = `${test.name}: ${compared.test.message}`;
      }
      // Diagnose only the failures seen before any error (timeouts and crashes are not mistakes).
      if (compared.failed && (verdict === "failed" || verdict === "non-finite")) {
        failed.push({ test, actual: run.recorded, nonFinite: compared.nonFinite });
        languageMistake ??= getLanguageMistake(run, code);
      }
    }
  } finally {
    loaded.dispose();
  }
  // A language-level mistake (Python's rebound params, say) explains the run before any formula does.
  const diagnosis =
    languageMistake ??
    diagnose(config, failed) ??
    (verdict === "runtime-error" && firstError
      ? diagnoseDivisionByZero(config, firstError.test, firstError.run)
      : null);
  if (verdict === "passed") message = `All ${graded.length} tests passed.`;
  return { ...finish(verdict, message, graded, diagnosis, time.started), tolerance: TOLERANCE_TEXT };
}
