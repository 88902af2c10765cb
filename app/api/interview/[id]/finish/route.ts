import { getCurrentLearner } from "@/lib/auth/learner.server";
import { assertSameOrigin, HttpError, handle } from "@/lib/http/route.server";
import { finishInterview, getReport } from "@/lib/interview/interviews.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Ends the interview now ("Finish interview"); unanswered items score 0. Answers with the report. */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const { id } = await context.params;
  const learner = await getCurrentLearner();
  if (!learner.stored) throw new HttpError(404, "No such interview.");
  await finishInterview(learner.id, id);
  return Response.json({ report: await getReport(learner.id, id) });
});
