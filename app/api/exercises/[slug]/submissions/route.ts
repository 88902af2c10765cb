import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isExerciseSlug } from "@/lib/content/registry";
import {
  GradingAbortedError,
  gradeSubmission,
  isLearnerGrading,
  LearnerBusyError,
} from "@/lib/grader/index.server";
import { TICKET_HEADER, TICKET_PATTERN } from "@/lib/grader/queue-ticket";
import { isGraded, MAX_CODE_BYTES, refuseTooLarge } from "@/lib/grader/result";
import { getClientKey } from "@/lib/http/client.server";
import { LIMITS, takePoint } from "@/lib/http/rate-limit.server";
import { assertSameOrigin, HttpError, handle, readJson } from "@/lib/http/route.server";
import { loadJudgmentConfig } from "@/lib/judgment/config";
import { postJudgmentAnswer } from "@/lib/judgment/submit.server";
import { getCurrentLearner, getOrCreateLearner } from "@/lib/auth/learner.server";
import { queueCardsForMistake } from "@/lib/progress/reviews.server";
import { createSubmission, listSubmissions } from "@/lib/progress/submissions.server";

export const dynamic = "force-dynamic";

const bodySchema = z.strictObject({ code: z.string().min(1, "The code is empty.") });
// The body may be at most the code limit with every character JSON-escaped (\uXXXX), plus the rest.
const MAX_BODY_BYTES = MAX_CODE_BYTES * 6 + 1024;

type Context = { params: Promise<{ slug: string }> };

function readTicket(request: Request): string | undefined {
  const ticket = request.headers.get(TICKET_HEADER) ?? "";
  return TICKET_PATTERN.test(ticket) ? ticket : undefined;
}

function requireExercise(slug: string): void {
  if (!isExerciseSlug(slug)) throw new HttpError(404, `No exercise "${slug}".`);
}

/** Grades the learner's code against the hidden tests, stores the submission and returns it. */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const { slug } = await context.params;
  requireExercise(slug);
  // Tune, diagnose and predict exercises: a small answer graded here, without the sandbox.
  const judgment = await loadJudgmentConfig(slug);
  if (judgment) return postJudgmentAnswer(request, slug, judgment);
  // Body checks first (415/413/400, lone surrogates included): a bad request costs no limit point.
  const { code } = await readJson(request, bodySchema, MAX_BODY_BYTES);
  // Code over the one size limit is refused here, before any limit point or guest is spent.
  const tooLarge = refuseTooLarge(code);
  if (tooLarge) return Response.json({ error: tooLarge.message, result: tooLarge }, { status: 413 });
  // Per network client, then per learner (a new guest is itself limited per client): dropping
  // the cookie resets neither (lib/http/rate-limit.server.ts).
  const client = getClientKey(request.headers);
  await takePoint("submissionsPerClient", client, "Too many submissions from your network.");
  const learner = await getOrCreateLearner();
  // One submission per learner in the grader at a time (the pool checks again): 409 before the
  // learner's limit point is used.
  if (await isLearnerGrading(learner.id)) throw new HttpError(409, new LearnerBusyError().message);
  const { points } = LIMITS.submissionsPerLearner;
  await takePoint("submissionsPerLearner", learner.id, `Too many submissions (${points} per minute).`);
  let result: Awaited<ReturnType<typeof gradeSubmission>>;
  // The stored submission's id, also the grading job's id on the queue: a job taken again after
  // its worker died is still one job, and its result one row.
  const id = randomUUID();
  try {
    // The queue is fair per learner and per client; request.signal fires when the client goes
    // away, and a job still waiting is then dropped instead of graded.
    result = await gradeSubmission({
      exercise: slug,
      code,
      learner: learner.id,
      client,
      signal: request.signal,
      // The page's random id for polling GET /api/grader/queue?ticket=… (it may have no cookie yet).
      ticket: readTicket(request),
      id,
    });
  } catch (error) {
    if (error instanceof LearnerBusyError) throw new HttpError(409, error.message);
    // Nobody is listening; 499 (client closed request) for the logs, nothing stored.
    if (error instanceof GradingAbortedError) return Response.json({ error: error.message }, { status: 499 });
    throw error;
  }
  // A refusal graded nothing: it is the answer to this request, never a stored submission.
  if (!isGraded(result)) {
    const busy = result.verdict === "busy";
    return Response.json(
      { error: result.message, result },
      { status: busy ? 503 : 413, headers: busy ? { "Retry-After": "5" } : undefined },
    );
  }
  const submission = await createSubmission({ id, learnerId: learner.id, exerciseSlug: slug, code, result });
  // A named mistake puts the cards that teach it into the learner's drill queue.
  if (result.diagnosis) await queueCardsForMistake(learner.id, result.diagnosis.id);
  return Response.json({ submission, result });
});

/** The learner's past submissions of this exercise, newest first. */
export const GET = handle(async (_request: Request, context: Context) => {
  const { slug } = await context.params;
  requireExercise(slug);
  const learner = await getCurrentLearner();
  return Response.json({ submissions: await listSubmissions(learner.id, slug) });
});
