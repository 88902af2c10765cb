import { type ExerciseConfig, type HiddenTest, resolveX0 } from "../content/exercise-schema";
import { isExerciseSlug, loadExerciseConfig } from "../content/registry";
import { findDivergence, isSameValue } from "./compare";
import { type DiagnosisId, getDiagnosis, isDiagnosisId } from "./diagnoses";
import {
  getObjective,
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
import { capOutput, loadSubmission, type SandboxRunResult, type SandboxRunSpec } from "./sandbox";
import { writeTestCode } from "./test-code";
import { transpileSubmission } from "./transpile";

/** Wall-clock budget of one submission (load + all tests). */
const SUBMISSION_BUDGET_MS = 5_000;
/** Budget of the submission's top-level code. */
const LOAD_BUDGET_MS = 2_000;
const PLOT_POINTS = 200;

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

/** A test resolved to a concrete run, with its test_code (what it ran, for the learner). */
export type GradedTestRun = ResolvedTest & { testCode: string };

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
  return {
    objective: test.objective,
    expected: exp,
    actual: act,
    expectedLoss: exp.map(loss),
    actualLoss: act.map(loss),
  };
}

// JSON has no NaN or infinities: non-finite values are clamped to ±MAX_VALUE (the message names them).
function toJsonNumber(v: number): number {
  if (Number.isFinite(v)) return v;
  return v === Number.NEGATIVE_INFINITY ? -Number.MAX_VALUE : Number.MAX_VALUE;
}

interface Compared {
  test: GradeTest;
  nonFinite: boolean;
  failed: boolean;
}

function compareRun(test: GradedTestRun, expected: Float64Array, run: SandboxRunResult): Compared {
  const rows = run.status === "ok" ? test.record.length : test.record.filter((k) => k < run.stepsRun).length;
  const trajectory = test.dim === 2 ? getTrajectory(test, expected, run.recorded, rows) : undefined;
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
  const div = findDivergence(expected, run.recorded, test.dim);
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

/** Grades a submission in this process (the caller must be a disposable process: see index.server.ts). */
export async function gradeInProcess(input: { exercise: string; code: string }): Promise<GradeResult> {
  const started = Date.now();
  if (!isExerciseSlug(input.exercise)) throw new Error(`Unknown exercise ${JSON.stringify(input.exercise)}`);
  const tooLarge = refuseTooLarge(input.code);
  if (tooLarge) return tooLarge;
  const config = await loadExerciseConfig(input.exercise);
  const transpiled = transpileSubmission(input.code);
  if ("error" in transpiled)
    return createEarlyResult("compile-error", transpiled.error, Date.now() - started);
  const deadline = started + SUBMISSION_BUDGET_MS;
  const tests = resolveTests(config);
  const loaded = await loadSubmission(transpiled.js, tests.map(toRunSpec), LOAD_BUDGET_MS);
  if (!("run" in loaded)) {
    const result = createEarlyResult(loaded.status, loaded.message, Date.now() - started);
    if (loaded.output)
      result.tests = [
        { name: "loading your module", status: "error", message: loaded.message, output: loaded.output },
      ];
    return result;
  }
  const graded: GradeTest[] = [];
  let verdict: GradeVerdict = "passed";
  let message: string | null = null;
  const failed: FailedRun[] = [];
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
      const run = await loaded.run(index, deadline - Date.now());
      if (graded.length === 0 && loaded.loadOutput) run.output = capOutput(loaded.loadOutput + run.output);
      const expected = getCachedReference(input.exercise, config, test, index);
      const compared = compareRun(test, expected, run);
      graded.push(compared.test);
      if (run.status !== "ok" && verdict !== "runtime-error") {
        verdict = run.status;
        message = `${test.name}: ${run.message}`;
      } else if (compared.failed && (verdict === "passed" || (verdict === "failed" && compared.nonFinite))) {
        verdict = compared.nonFinite ? "non-finite" : "failed";
        message = `${test.name}: ${compared.test.message}`;
      }
      // Diagnose only the failures seen before any error (timeouts and crashes are not mistakes).
      if (compared.failed && (verdict === "failed" || verdict === "non-finite"))
        failed.push({ test, actual: run.recorded, nonFinite: compared.nonFinite });
    }
  } finally {
    loaded.dispose();
  }
  const diagnosis = diagnose(config, failed);
  if (verdict === "passed") message = `All ${graded.length} tests passed.`;
  return { ...finish(verdict, message, graded, diagnosis, started), tolerance: TOLERANCE_TEXT };
}
