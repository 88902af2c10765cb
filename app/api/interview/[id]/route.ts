import { getCurrentLearner } from "@/lib/auth/learner.server";
import { HttpError, handle } from "@/lib/http/route.server";
import { getInterview } from "@/lib/interview/interviews.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One interview of the learner: in Real mode, no expected answer before it ends. */
export const GET = handle(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const learner = await getCurrentLearner();
  const interview = learner.stored ? await getInterview(learner.id, id) : null;
  if (!interview) throw new HttpError(404, "No such interview.");
  return Response.json({ interview }, { headers: { "Cache-Control": "no-store" } });
});
