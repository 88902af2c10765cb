import { queuePosition } from "@/lib/grader/index.server";
import { handle } from "@/lib/http/route.server";
import { getCurrentLearner } from "@/lib/progress/learner.server";

export const dynamic = "force-dynamic";

/**
 * Where the current learner's submission stands in this server's grader queue, polled by the
 * exercise page while a submission is pending: `{ state: "waiting", ahead }`, `{ state: "grading" }`
 * or `{ state: "none" }`. Reads only: creates no learner.
 */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const position = learner.stored ? queuePosition(learner.id) : { state: "none" as const };
  return Response.json(position, { headers: { "Cache-Control": "no-store" } });
});
