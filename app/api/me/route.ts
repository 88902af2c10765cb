import { getCurrentLearner } from "@/lib/auth/learner.server";
import { handle } from "@/lib/http/route.server";

export const dynamic = "force-dynamic";

/** Who the current request's learner is (never another learner's data); `learnerId` is null until something is stored. */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  return Response.json(
    { learnerId: learner.stored ? learner.id : null, isGuest: learner.isGuest },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
