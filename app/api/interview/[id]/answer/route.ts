import { randomUUID } from "node:crypto";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import type { InterviewItemOf } from "@/lib/content/interview-schema";
import { isExerciseSlug } from "@/lib/content/registry";
import { type GradeResult, isGraded } from "@/lib/grader/result";
import { takeClientSubmissionPoint, takeLearnerSubmissionPoint } from "@/lib/grader/submission-limits.server";
import { gradeSubmission, isLearnerGrading, LearnerBusyError } from "@/lib/grading/index.server";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, HttpError, handle, readJson } from "@/lib/http/route.server";
import {
  AnswerBodySchema,
  type AnswerOf,
  MAX_ANSWER_BODY_BYTES,
  parseItemAnswer,
} from "@/lib/interview/answers";
import { answerItem, getAnswerableItem } from "@/lib/interview/interviews.server";
import { takeAnswerPoints } from "@/lib/interview/limits.server";
import { loadJudgmentConfig } from "@/lib/judgment/config";
import { gradeJudgment, parseAnswer } from "@/lib/judgment/grade";
import { getLearnerLanguage } from "@/lib/progress/language.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Answers one item. Checks first, so a bad request stores nothing and costs no limit point: the
 * body (415/413/400), the interview and item (404, 409 when ended or answered), the answer's shape
 * for its item (400). Then the limits (429), and a code item waits in the grading queue like any
 * submission (its limits, one at a time; busy 503, nothing stored). The deadline is the server's.
 */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const { id } = await context.params;
  const body = await readJson(request, AnswerBodySchema, MAX_ANSWER_BODY_BYTES);
  const learner = await getCurrentLearner();
  if (!learner.stored) throw new HttpError(404, "No such interview.");
  const { item, late } = await getAnswerableItem(learner.id, id, body.itemId);
  const answer = parseItemAnswer(item, body.answer);
  const judgment = item.type === "judgment" ? await loadJudgmentConfig(item.exercise) : null;
  if (judgment) parseAnswer(judgment, (answer as AnswerOf<"judgment">).answer);
  const client = getClientKey(request.headers);
  await takeAnswerPoints(client, learner.id);

  // Past the deadline nothing is graded: the answer is stored with 0 points and the interview ends.
  let graded: GradeResult | undefined;
  if (!late && item.type === "code") {
    const result = await gradeCode(request, item, (answer as AnswerOf<"code">).code, learner.id, client);
    if (result instanceof Response) return result;
    graded = result;
  } else if (!late && judgment) graded = gradeJudgment(judgment, (answer as AnswerOf<"judgment">).answer);

  const interview = await answerItem({
    learnerId: learner.id,
    interviewId: id,
    itemId: item.id,
    answer,
    graded,
  });
  return Response.json({ interview });
});

// The hidden tests of the item's exercise in the learner's language, through the same queue.
async function gradeCode(
  request: Request,
  item: InterviewItemOf<"code">,
  code: string,
  learnerId: string,
  client: string,
): Promise<GradeResult | Response> {
  if (!isExerciseSlug(item.exercise)) throw new HttpError(404, `No exercise "${item.exercise}".`);
  await takeClientSubmissionPoint(client);
  if (await isLearnerGrading(learnerId)) throw new LearnerBusyError();
  await takeLearnerSubmissionPoint(learnerId);
  const result = await gradeSubmission({
    exercise: item.exercise,
    code,
    language: (await getLearnerLanguage(learnerId)) ?? "typescript",
    scope: "all",
    learner: learnerId,
    client,
    signal: request.signal,
    id: randomUUID(),
  });
  if (isGraded(result)) return result;
  return Response.json(
    { error: result.message, result },
    {
      status: result.verdict === "too-large" ? 413 : 503,
      headers: result.verdict === "busy" ? { "Retry-After": "5" } : undefined,
    },
  );
}
