import { HttpError, handle } from "@/lib/http/route.server";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { getSubmission } from "@/lib/progress/submissions.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** One submission (code and result) of the current learner; anyone else's id answers 404. */
export const GET = handle(async (_request: Request, context: Context) => {
  const { id } = await context.params;
  const learner = await getCurrentLearner();
  const submission = await getSubmission(learner.id, id);
  if (!submission) throw new HttpError(404, "No such submission.");
  return Response.json({ submission });
});
