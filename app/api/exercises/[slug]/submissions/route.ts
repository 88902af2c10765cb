import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getCurrentLearner, getOrCreateLearner } from "@/lib/auth/learner.server";
import { unknownKind } from "@/lib/content/exercise-schema";
import type { JudgmentConfig } from "@/lib/content/judgment-schema";
import { type ExerciseSlug, isExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { TICKET_HEADER, TICKET_PATTERN } from "@/lib/grader/queue-ticket";
import { isGraded, MAX_CODE_BYTES, refuseTooLarge } from "@/lib/grader/result";
import { takeClientSubmissionPoint, takeLearnerSubmissionPoint } from "@/lib/grader/submission-limits.server";
import { gradeSubmission, isLearnerGrading, LearnerBusyError } from "@/lib/grading/index.server";
import { LANGUAGES } from "@/lib/harness/languages";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, HttpError, handle, readJson } from "@/lib/http/route.server";
import { gradeJudgment, parseAnswer } from "@/lib/judgment/grade";
import { queueCardsForMistake } from "@/lib/progress/reviews.server";
import { createSubmission, listSubmissions, rethrowIfLearnerGone } from "@/lib/progress/submissions.server";

export const dynamic = "force-dynamic";

const codeBodySchema = z.strictObject({
  code: z.string().min(1, "The code is empty."),
  language: z.enum(LANGUAGES).default("typescript"),
});
// The body may be at most the code limit with every character JSON-escaped (\uXXXX), plus the rest.
const MAX_CODE_BODY_BYTES = MAX_CODE_BYTES * 6 + 1024;

const answerBodySchema = z.strictObject({
  answer: z.record(z.string(), z.union([z.number(), z.string().max(100)]), {
    error: 'Send {"answer": {…}} with one value per parameter, curve or question.',
  }),
});
/** An answer is a few numbers or choice ids: 4 KiB is plenty. */
const MAX_ANSWER_BODY_BYTES = 4 * 1024;

type Context = { params: Promise<{ slug: string }> };

function requireExercise(slug: string): ExerciseSlug {
  if (!isExerciseSlug(slug)) throw new HttpError(404, `No exercise "${slug}".`);
  return slug;
}

/**
 * The limits every submission passes once its body is read: per network client, then per learner
 * (a new guest is itself limited per client), so dropping the cookie resets neither
 * (lib/grader/submission-limits.server.ts); and one submission per learner in the grader at a time (the pool
 * checks again), 409 before the learner's limit point is used.
 */
async function takeSubmissionPoints(request: Request): Promise<{ client: string; learnerId: string }> {
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

/** Code: graded against the hidden tests in the sandbox (the pool, or the queue's workers). */
async function postCode(request: Request, slug: ExerciseSlug): Promise<Response> {
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
    learner: learnerId,
    client,
    signal: request.signal,
    // The page's random id for polling GET /api/grader/queue?ticket=… (it may have no cookie yet).
    ticket: readTicket(request),
    id,
  });
  // A refusal graded nothing: it is the answer to this request, never a stored submission.
  if (!isGraded(result)) {
    const busy = result.verdict === "busy";
    // too-large 413; busy 503 to try again soon; unavailable 503 (this server cannot run the language).
    return Response.json(
      { error: result.message, result },
      {
        status: result.verdict === "too-large" ? 413 : 503,
        headers: busy ? { "Retry-After": "5" } : undefined,
      },
    );
  }
  const submission = await createSubmission({ id, learnerId, exerciseSlug: slug, code, language, result });
  // A named mistake puts the cards that teach it into the learner's drill queue.
  // A learner deleted since the row was stored (which took the row with it) is a 409, as in
  // createSubmission, not a 500.
  if (result.diagnosis)
    await queueCardsForMistake(learnerId, result.diagnosis.id).catch(rethrowIfLearnerGone);
  return Response.json({ submission, result });
}

/**
 * An answer to an exercise of judgment (`{ answer: {…} }`): the same body checks (415/413/400 before
 * any limit point) and limits as code, but graded here by lib/judgment, without the sandbox or the
 * queue, and stored with its answer in the submission's `answer` column.
 */
async function postAnswer(request: Request, slug: ExerciseSlug, config: JudgmentConfig): Promise<Response> {
  const body = await readJson(request, answerBodySchema, MAX_ANSWER_BODY_BYTES);
  // An answer of the wrong shape or out of range: InvalidAnswerError, a 400 like a bad body.
  const answer = parseAnswer(config, body.answer);
  const { learnerId } = await takeSubmissionPoints(request);
  // Values the schema lets through but the core refuses (e.g. a tuple it checks as a whole): 400 too.
  const result = gradeJudgment(config, answer);
  const submission = await createSubmission({ learnerId, exerciseSlug: slug, answer, result });
  return Response.json({ submission, result });
}

/** Grades a submission of the exercise's kind, stores it and returns it with its result. */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = requireExercise((await context.params).slug);
  const definition = await loadExerciseDefinition(slug);
  switch (definition.kind) {
    case "code":
      return postCode(request, slug);
    case "tune":
    case "diagnose":
    case "predict":
      return postAnswer(request, slug, definition);
    default:
      return unknownKind(definition);
  }
});

/** The learner's past submissions of this exercise, newest first. */
export const GET = handle(async (_request: Request, context: Context) => {
  const slug = requireExercise((await context.params).slug);
  const learner = await getCurrentLearner();
  return Response.json({ submissions: await listSubmissions(learner.id, slug) });
});
