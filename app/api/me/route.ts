import { getCurrentLearner } from "@/lib/auth/learner.server";

export const dynamic = "force-dynamic";

/** Who the current request's learner is (never another learner's data); `learnerId` is null until something is stored. */
export async function GET() {
  const learner = await getCurrentLearner();
  return Response.json(
    { learnerId: learner.stored ? learner.id : null, isGuest: learner.isGuest },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
