// zod/mini: the browser parses the answers it receives with these schemas too (lib/exercises/answers.ts,
// loaded when an answer arrives), so they stay small.
import * as z from "zod/mini";
import { DiagnosisIdSchema } from "../content/diagnosis-ids";
import { TOLERANCE_TEXT } from "./compare";
import { isCodeTooLarge, TOO_LARGE_MESSAGE } from "./limits";

/**
 * Verdicts of a graded submission, and the only values the Submission.verdict column holds; only
 * "passed" means the submission is accepted.
 */
export const VERDICTS = [
  "passed",
  "failed",
  "compile-error",
  "runtime-error",
  "timeout",
  "memory-limit",
  "missing-export",
  "non-finite",
] as const;

/** Parses a submission verdict, e.g. the Submission.verdict column when it is read. */
export const VerdictSchema = z.enum(VERDICTS);

/** Verdict of a graded (and stored) submission. */
export type Verdict = z.infer<typeof VerdictSchema>;

/** A database row with its verdict column parsed: a value outside VERDICTS is a bug and throws. */
export function parseVerdictColumn<T extends { verdict: string }>(
  row: T,
): Omit<T, "verdict"> & { verdict: Verdict } {
  return { ...row, verdict: VerdictSchema.parse(row.verdict) };
}

/** Answers to a submit request that graded nothing: the result says why, and it is never stored. */
export const REFUSALS = ["busy", "too-large", "unavailable"] as const;

/** Why a submit request graded nothing. */
export type Refusal = (typeof REFUSALS)[number];

/** Every verdict a grading result can carry: a submission's verdict or a refusal. */
const GRADE_VERDICTS = [...VERDICTS, ...REFUSALS] as const;

/** Verdict of a grading result: a submission's verdict or a refusal. */
export type GradeVerdict = Verdict | Refusal;

/** First step and coordinate where the learner's trajectory left the tolerance (NaN/±∞ clamped to ±MAX_VALUE). */
const FirstDivergenceSchema = z.object({
  step: z.number().check(z.int(), z.nonnegative()),
  coordinate: z.number().check(z.int(), z.nonnegative()),
  expected: z.number(),
  actual: z.number(),
});

/** Expected and actual 2-D trajectories (downsampled to at most 200 points) for contour and loss plots. */
const TrajectoryComparisonSchema = z.object({
  objective: z.string(),
  expected: z.array(z.array(z.number())),
  actual: z.array(z.array(z.number())),
  expectedLoss: z.array(z.number()),
  actualLoss: z.array(z.number()),
});

/** One test of a graded submission, in the suite's stable order (Exercism's per-test fields). */
const GradeTestSchema = z.object({
  name: z.string(),
  status: z.enum(["pass", "fail", "error"]),
  message: z.nullable(z.string()),
  /** The learner's console output during this test, cut by the host at 500 characters (lib/harness/limits.ts; older rows hold up to 4 KB). */
  output: z.string(),
  /**
   * What the test ran, as code (test-code.ts): on every test of a coded exercise, written from its
   * definition in exercise.json. Absent on results stored as version 1 (the test may have changed
   * since, so none is made up when they are read), on the "loading your module" entry and on
   * judgment answers, whose questions are on the page.
   */
  test_code: z.optional(z.string()),
  firstDivergence: z.optional(FirstDivergenceSchema),
  trajectory: z.optional(TrajectoryComparisonSchema),
});

/** A named classic mistake whose trajectory matches the learner's. */
const DiagnosisSchema = z.object({ id: DiagnosisIdSchema, title: z.string(), explanation: z.string() });

/** Version of the result format written today: Exercism's test-runner interface, version 2. */
export const RESULT_VERSION = 2 as const;

/** The fields every version of the result has; only `version` and the per-test test_code differ. */
const resultFields = {
  status: z.enum(["pass", "fail", "error"]),
  verdict: z.enum(GRADE_VERDICTS),
  message: z.nullable(z.string()),
  /** The comparison rule, stated to the learner. */
  tolerance: z.string(),
  diagnosis: z.nullable(DiagnosisSchema),
  tests: z.array(GradeTestSchema),
  durationMs: z.number().check(z.nonnegative()),
};

/**
 * Result of grading one submission: Exercism's test-runner results.json, version 2 (`version`,
 * `status`, `message`, `tests[]` with `name`, `status`, `message`, `output`, `test_code`), plus
 * Descent's own fields (verdict, tolerance, diagnosis, durationMs; per test firstDivergence and
 * trajectory). What the grader writes, and what the pool and queue accept from a grader.
 */
export const GradeResultSchema = z.object({ version: z.literal(RESULT_VERSION), ...resultFields });

/**
 * A result as stored in Submission.results: version 2, or version 1 as written before results had
 * test_code (otherwise the same fields), read as version 2. Rows are never rewritten: a stored result
 * is what the learner was shown (docs/decisions/071-one-grading-rule.md).
 */
export const StoredGradeResultSchema = z.union([
  GradeResultSchema,
  z.pipe(
    z.object({ version: z.literal(1), ...resultFields }),
    z.transform((v1) => ({ ...v1, version: RESULT_VERSION })),
  ),
]);

/** Parses a stored results column (JSON text); null when it is not JSON or matches no version. */
export function parseStoredResult(json: string): GradeResult | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = StoredGradeResultSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Result of grading one submission. */
export type GradeResult = z.infer<typeof GradeResultSchema>;
/** A result that graded the code (not a refusal): the only kind stored as a submission. */
export type GradedResult = GradeResult & { verdict: Verdict };

/** True when the result graded the code, false for a refusal ("busy", "too-large"). */
export function isGraded(result: GradeResult): result is GradedResult {
  return VerdictSchema.safeParse(result.verdict).success;
}
/** One test of a GradeResult. */
export type GradeTest = z.infer<typeof GradeTestSchema>;
/** A diagnosis of a GradeResult. */
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

// The comparison rule lives in compare.ts (import-free, so the browser's Run shares it without zod).
export { GRADER_RTOL, TOLERANCE_TEXT } from "./compare";

/** A result without tests, for verdicts decided before any test ran (busy, too-large, compile-error…). */
export function createEarlyResult(verdict: GradeVerdict, message: string, durationMs = 0): GradeResult {
  return {
    version: RESULT_VERSION,
    status:
      verdict === "passed" ? "pass" : verdict === "failed" || verdict === "non-finite" ? "fail" : "error",
    verdict,
    message,
    tolerance: TOLERANCE_TEXT,
    diagnosis: null,
    tests: [],
    durationMs,
  };
}

// The code-size limit lives in limits.ts (import-free: the browser's Run applies it too).
export { MAX_CODE_BYTES } from "./limits";

/** The "too-large" refusal for code over MAX_CODE_BYTES, or null when the size is fine. */
export function refuseTooLarge(code: string): GradeResult | null {
  return isCodeTooLarge(code) ? createEarlyResult("too-large", TOO_LARGE_MESSAGE) : null;
}
