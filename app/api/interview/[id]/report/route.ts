import { getCurrentLearner } from "@/lib/auth/learner.server";
import { HttpError, handle } from "@/lib/http/route.server";
import { getReport } from "@/lib/interview/interviews.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The report of an ended interview (404 while it runs). */
export const GET = handle(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const learner = await getCurrentLearner();
  const report = learner.stored ? await getReport(learner.id, id) : null;
  if (!report) throw new HttpError(404, "No report: the interview does not exist or has not ended.");
  return Response.json({ report }, { headers: { "Cache-Control": "no-store" } });
});
