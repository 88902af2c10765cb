import { getCurrentLearner } from "@/lib/progress/learner.server";

export const dynamic = "force-dynamic";

/** Who the current request's learner is (never another learner's data). */
export async function GET() {
  const learner = await getCurrentLearner();
  if (!learner) return Response.json({ error: "Cookies are needed to keep your progress." }, { status: 401 });
  return Response.json({ learnerId: learner.id, isGuest: learner.isGuest });
}
