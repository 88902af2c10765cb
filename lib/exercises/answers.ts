// The JSON answers an exercise page reads, parsed in the browser instead of cast: the past
// submissions, a submission's result, one stored submission, and the place in the grader queue.
// zod/mini like the result schemas it reuses; pages import this module dynamically, when an
// answer arrives, so the first load carries no zod (docs/decisions/062, page-weight.spec).
import * as z from "zod/mini";
import { GradeResultSchema, VerdictSchema } from "../grader/result";

/** A coded submission's language; null for an answer of judgment, absent from an older server. */
const LanguageSchema = z.optional(z.nullable(z.enum(["typescript", "python"])));

/** One row of GET /api/exercises/[slug]/submissions (lib/progress/submissions.server.ts). */
const SubmissionSummarySchema = z.object({
  id: z.string(),
  language: LanguageSchema,
  verdict: VerdictSchema,
  durationMs: z.number(),
  createdAt: z.string(),
  /** The first test that did not pass (absent from older servers). */
  failedTest: z.optional(z.nullable(z.string())),
  /** The answer given to an exercise of judgment. */
  answer: z.optional(z.nullable(z.record(z.string(), z.union([z.number(), z.string()])))),
});
export type SubmissionSummaryAnswer = z.infer<typeof SubmissionSummarySchema>;

/** GET /api/exercises/[slug]/submissions: the learner's past submissions, newest first. */
export const SubmissionListAnswerSchema = z.object({ submissions: z.array(SubmissionSummarySchema) });

/**
 * POST /api/exercises/[slug]/submissions: the graded result (200), or an error with the refusal's
 * result (413 too large, 503 busy) or without one (400, 409, 415, 429…).
 */
export const SubmitAnswerSchema = z.object({
  result: z.optional(GradeResultSchema),
  error: z.optional(z.string()),
});

/** GET /api/submissions/[id]: one stored submission with its code and result (version 2). */
export const SubmissionAnswerSchema = z.object({
  submission: z.object({ code: z.string(), language: LanguageSchema, result: z.nullable(GradeResultSchema) }),
});

/** GET /api/grader/queue?ticket=…: where a pending submission stands (lib/grader/pool.ts QueuePosition). */
export const QueuePositionAnswerSchema = z.union([
  z.object({ state: z.literal("waiting"), ahead: z.number().check(z.int(), z.nonnegative()) }),
  z.object({ state: z.literal("grading") }),
  z.object({ state: z.literal("none") }),
]);

/** GET and POST /api/exercises/[slug]/solution: the learner's access to the reference solution. */
export const SolutionAccessAnswerSchema = z.object({
  access: z.object({
    state: z.enum(["passed", "revealed", "available", "locked"]),
    failedAttempts: z.number().check(z.int(), z.nonnegative()),
    needed: z.number().check(z.int(), z.positive()),
  }),
});

/** The access the page shows (lib/exercises/solution-access.ts SolutionAccess). */
export type SolutionAccessAnswer = z.infer<typeof SolutionAccessAnswerSchema>["access"];

/** An error answer's message (any route's, through lib/http). */
export const ErrorAnswerSchema = z.object({ error: z.string() });

/** An answer that does not have the expected shape (the server and page are of different releases…). */
export class UnexpectedAnswerError extends Error {
  override name = "UnexpectedAnswerError";
  constructor(what: string) {
    super(`The server's answer to ${what} could not be read. Reload the page and try again.`);
  }
}

/** Parses `value` with `schema`, or throws UnexpectedAnswerError naming `what`. */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UnexpectedAnswerError(what);
  return parsed.data;
}
