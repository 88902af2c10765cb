import { getCurrentLearner } from "@/lib/auth/learner.server";
import { handle } from "@/lib/http/route.server";
import { getActiveInterview } from "@/lib/interview/interviews.server";

export const dynamic = "force-dynamic";

/** The learner's running interview, or null (one whose deadline passed is ended and scored first). */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const interview = learner.stored ? await getActiveInterview(learner.id) : null;
  return Response.json({ interview }, { headers: { "Cache-Control": "no-store" } });
});
