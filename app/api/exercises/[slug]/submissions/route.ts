import { z } from "zod";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { unknownKind } from "@/lib/content/exercise-schema";
import type { JudgmentConfig } from "@/lib/content/judgment-schema";
import { type ExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { gradeJudgment, parseAnswer } from "@/lib/judgment/grade";
import {
  createSubmission,
  listSubmissions,
  queueCardsForSubmissionMistake,
} from "@/lib/progress/submissions.server";

import { gradeCodeRequest, requireExercise, takeSubmissionPoints } from "../code-grading.server";

export const dynamic = "force-dynamic";

const answerBodySchema = z.strictObject({
  answer: z.record(z.string(), z.union([z.number(), z.string().max(100)]), {
    error: 'Send {"answer": {…}} with one value per parameter, curve or question.',
  }),
});
/** An answer is a few numbers or choice ids: 4 KiB is plenty. */
const MAX_ANSWER_BODY_BYTES = 4 * 1024;

type Context = { params: Promise<{ slug: string }> };

/** `?recall=1`: a "re-implement from memory" attempt opened from the drill (it rates the exercise's item). */
const recallQuerySchema = z.enum(["1"]).optional();

function isRecall(request: Request): boolean {
  const parsed = recallQuerySchema.safeParse(new URL(request.url).searchParams.get("recall") ?? undefined);
  return parsed.success && parsed.data === "1";
}

/** Code: graded against the hidden tests in the sandbox (the pool, or the queue's workers). */
async function postCode(request: Request, slug: ExerciseSlug): Promise<Response> {
  const graded = await gradeCodeRequest(request, slug, "all");
  if (graded instanceof Response) return graded;
  const { id, learnerId, code, language, result } = graded;
  const submission = await createSubmission({
    id,
    learnerId,
    exerciseSlug: slug,
    code,
    language,
    result,
    recall: isRecall(request),
  });
  // A named mistake puts the cards that teach it into the learner's drill queue.
  // (A learner deleted since the row was stored, which took the row with it: 409, as in createSubmission.)
  if (result.diagnosis) await queueCardsForSubmissionMistake(learnerId, result.diagnosis.id);
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
  const submission = await createSubmission({
    learnerId,
    exerciseSlug: slug,
    answer,
    result,
    recall: isRecall(request),
  });
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
