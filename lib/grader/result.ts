import { z } from "zod";
import { DiagnosisIdSchema } from "../content/diagnosis-ids";

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
export const REFUSALS = ["busy", "too-large"] as const;

/** Why a submit request graded nothing. */
export type Refusal = (typeof REFUSALS)[number];

/** Every verdict a grading result can carry: a submission's verdict or a refusal. */
const GRADE_VERDICTS = [...VERDICTS, ...REFUSALS] as const;

/** Verdict of a grading result: a submission's verdict or a refusal. */
export type GradeVerdict = Verdict | Refusal;

/** First step and coordinate where the learner's trajectory left the tolerance (NaN/±∞ clamped to ±MAX_VALUE). */
const FirstDivergenceSchema = z.object({
  step: z.number().int().nonnegative(),
  coordinate: z.number().int().nonnegative(),
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

/** One test of a graded submission, in the suite's stable order (Exercism test-runner style). */
const GradeTestSchema = z.object({
  name: z.string(),
  status: z.enum(["pass", "fail", "error"]),
  message: z.string().nullable(),
  /** The learner's console output during this test, capped. */
  output: z.string(),
  firstDivergence: FirstDivergenceSchema.optional(),
  trajectory: TrajectoryComparisonSchema.optional(),
});

/** A named classic mistake whose trajectory matches the learner's. */
const DiagnosisSchema = z.object({ id: DiagnosisIdSchema, title: z.string(), explanation: z.string() });

/** Result of grading one submission (modelled on Exercism's test-runner results.json). */
export const GradeResultSchema = z.object({
  version: z.literal(1),
  status: z.enum(["pass", "fail", "error"]),
  verdict: z.enum(GRADE_VERDICTS),
  message: z.string().nullable(),
  /** The comparison rule, stated to the learner. */
  tolerance: z.string(),
  diagnosis: DiagnosisSchema.nullable(),
  tests: z.array(GradeTestSchema),
  durationMs: z.number().nonnegative(),
});

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

/** Relative tolerance of the comparison with the reference core. */
export const GRADER_RTOL = 1e-6;

/** The tolerance as stated to the learner. */
export const TOLERANCE_TEXT =
  "|x − x_ref| ≤ 1e-6 · max(1, |x_ref|) for every coordinate at every recorded step";

/** A result without tests, for verdicts decided before any test ran (busy, too-large, compile-error…). */
export function createEarlyResult(verdict: GradeVerdict, message: string, durationMs = 0): GradeResult {
  return {
    version: 1,
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

/** Largest accepted submission, in bytes of UTF-8: the one code-size limit (route, pool and grader). */
export const MAX_CODE_BYTES = 20_000;

/** The "too-large" refusal for code over MAX_CODE_BYTES, or null when the size is fine. */
export function refuseTooLarge(code: string): GradeResult | null {
  if (new TextEncoder().encode(code).length <= MAX_CODE_BYTES) return null;
  return createEarlyResult("too-large", `Submissions are limited to ${MAX_CODE_BYTES / 1000} KB.`);
}
