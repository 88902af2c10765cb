import "server-only";
import { z } from "zod";
import type { JudgmentConfig } from "@/lib/content/judgment-schema";
import { isLearnerGrading, LearnerBusyError } from "@/lib/grader/index.server";
import { getClientKey } from "@/lib/http/client.server";
import { LIMITS, takePoint } from "@/lib/http/rate-limit.server";
import { HttpError, readJson } from "@/lib/http/route.server";
import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { createSubmission } from "@/lib/progress/submissions.server";
import { gradeJudgment, InvalidAnswerError, parseAnswer } from "./grade";

/** An answer is a few numbers or choice ids: 4 KiB is plenty. */
const MAX_ANSWER_BYTES = 4 * 1024;

const bodySchema = z.strictObject({
  answer: z.record(z.string(), z.union([z.number(), z.string().max(100)]), {
    error: 'Send {"answer": {…}} with one value per parameter, curve or question.',
  }),
});

/**
 * POST /api/exercises/[slug]/submissions for an exercise of judgment: the same checks and limits
 * as a coded submission (origin checked by the route; then media type, size and shape → 415/413/400
 * before any limit point; per-client then per-learner rate limits; 409 while the learner's code is
 * being graded), but the answer is graded here, without the sandbox or the grading queue, and
 * stored as a submission with the same verdicts (its `code` column holds the answer as JSON).
 */
export async function postJudgmentAnswer(
  request: Request,
  slug: string,
  config: JudgmentConfig,
): Promise<Response> {
  const { answer } = await readJson(request, bodySchema, MAX_ANSWER_BYTES);
  try {
    parseAnswer(config, answer);
  } catch (error) {
    if (error instanceof InvalidAnswerError) throw new HttpError(400, `Invalid answer: ${error.message}`);
    throw error;
  }
  const client = getClientKey(request.headers);
  await takePoint("submissionsPerClient", client, "Too many submissions from your network.");
  const learner = await getOrCreateLearner();
  if (await isLearnerGrading(learner.id)) throw new HttpError(409, new LearnerBusyError().message);
  const { points } = LIMITS.submissionsPerLearner;
  await takePoint("submissionsPerLearner", learner.id, `Too many submissions (${points} per minute).`);
  let result: ReturnType<typeof gradeJudgment>;
  try {
    result = gradeJudgment(config, answer);
  } catch (error) {
    // Values the schema lets through but the core refuses (e.g. a tuple it checks as a whole).
    if (error instanceof InvalidAnswerError) throw new HttpError(400, `Invalid answer: ${error.message}`);
    throw error;
  }
  const submission = await createSubmission({
    learnerId: learner.id,
    exerciseSlug: slug,
    code: JSON.stringify(answer),
    result,
  });
  return Response.json({ submission, result });
}
