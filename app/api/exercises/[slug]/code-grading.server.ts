import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { type ExerciseSlug, isExerciseSlug } from "@/lib/content/registry";
import { TICKET_HEADER, TICKET_PATTERN } from "@/lib/grader/queue-ticket";
import { type GradedResult, isGraded, MAX_CODE_BYTES, refuseTooLarge } from "@/lib/grader/result";
import { takeClientSubmissionPoint, takeLearnerSubmissionPoint } from "@/lib/grader/submission-limits.server";
import type { TestScope } from "@/lib/grader/transport";
import { gradeSubmission, isLearnerGrading, LearnerBusyError } from "@/lib/grading/index.server";
import { LANGUAGES, type Language } from "@/lib/harness/languages";
import { getClientKey } from "@/lib/http/client.server";
import { HttpError, readJson } from "@/lib/http/route.server";

// What Submit and Python's Run share: the body, its checks, the limits, the fair queue, and how a
// refusal is answered. Run differs only in the tests it asks for and in storing nothing.

const codeBodySchema = z.strictObject({
  code: z.string().min(1, "The code is empty."),
  language: z.enum(LANGUAGES).default("typescript"),
});
// The body may be at most the code limit with every character JSON-escaped (\uXXXX), plus the rest.
const MAX_CODE_BODY_BYTES = MAX_CODE_BYTES * 6 + 1024;

/** The route's exercise, or 404. */
export function requireExercise(slug: string): ExerciseSlug {
  if (!isExerciseSlug(slug)) throw new HttpError(404, `No exercise "${slug}".`);
  return slug;
}

/**
 * The limits every submission passes once its body is read: per network client, then per learner
 * (a new guest is itself limited per client), so dropping the cookie resets neither
 * (lib/grader/submission-limits.server.ts); and one submission per learner in the grader at a time
 * (the pool checks again), 409 before the learner's limit point is used.
 */
export async function takeSubmissionPoints(request: Request): Promise<{ client: string; learnerId: string }> {
  const client = getClientKey(request.headers);
  await takeClientSubmissionPoint(client);
  const learner = await getOrCreateLearner();
  if (await isLearnerGrading(learner.id)) throw new LearnerBusyError();
  await takeLearnerSubmissionPoint(learner.id);
  return { client, learnerId: learner.id };
}

function readTicket(request: Request): string | undefined {
  const ticket = request.headers.get(TICKET_HEADER) ?? "";
  return TICKET_PATTERN.test(ticket) ? ticket : undefined;
}

/** A graded code submission, ready to store (Submit) or to show (Run). */
export type GradedCode = {
  id: string;
  learnerId: string;
  code: string;
  language: Language;
  result: GradedResult;
};

/**
 * Reads a code body and grades it on `scope`'s tests: the graded submission, or the answer to
 * send instead (413 too large, 503 busy or unavailable).
 */
export async function gradeCodeRequest(
  request: Request,
  slug: ExerciseSlug,
  scope: TestScope,
): Promise<GradedCode | Response> {
  // Body checks first (415/413/400, lone surrogates included): a bad request costs no limit point.
  const { code, language } = await readJson(request, codeBodySchema, MAX_CODE_BODY_BYTES);
  // Code over the one size limit is refused here, before any limit point or guest is spent.
  const tooLarge = refuseTooLarge(code);
  if (tooLarge) return Response.json({ error: tooLarge.message, result: tooLarge }, { status: 413 });
  const { client, learnerId } = await takeSubmissionPoints(request);
  // The stored submission's id, also the grading job's id on the queue: a job taken again after
  // its worker died is still one job, and its result one row.
  const id = randomUUID();
  // The queue is fair per learner and per client; request.signal fires when the client goes away,
  // and a job still waiting is then dropped instead of graded (GradingAbortedError, nothing stored).
  const result = await gradeSubmission({
    exercise: slug,
    code,
    language,
    scope,
    learner: learnerId,
    client,
    signal: request.signal,
    // The page's random id for polling GET /api/grader/queue?ticket=… (it may have no cookie yet).
    ticket: readTicket(request),
    id,
  });
  // A refusal graded nothing: it is the answer to this request, never a stored submission.
  if (!isGraded(result)) {
    // too-large 413; busy 503 to try again soon; unavailable 503 (this server cannot run the language).
    return Response.json(
      { error: result.message, result },
      {
        status: result.verdict === "too-large" ? 413 : 503,
        headers: result.verdict === "busy" ? { "Retry-After": "5" } : undefined,
      },
    );
  }
  return { id, learnerId, code, language, result };
}
