import { getCurrentLearner } from "@/lib/auth/learner.server";
import { handle } from "@/lib/http/route.server";
import { listInterviews } from "@/lib/interview/interviews.server";

export const dynamic = "force-dynamic";

/** The learner's interviews, newest first. */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const interviews = learner.stored ? await listInterviews(learner.id) : [];
  return Response.json({ interviews }, { headers: { "Cache-Control": "no-store" } });
});
