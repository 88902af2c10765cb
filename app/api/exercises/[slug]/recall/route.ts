import { getCurrentLearner } from "@/lib/auth/learner.server";
import { prisma } from "@/lib/db/prisma.server";
import { assertSameOrigin, handle } from "@/lib/http/route.server";
import { recordRecallOpening } from "@/lib/progress/exercise-schedule.server";
import { requireExercise } from "../code-grading.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/**
 * The recall page was opened: records the time, by the server's clock, of the first opening since
 * the exercise's item came due (a quick first-try pass then rates it Easy). Nothing to record for a
 * visitor with nothing stored, or an item not due: `{ recorded: false }`.
 */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = requireExercise((await context.params).slug);
  const learner = await getCurrentLearner();
  const recorded = learner.stored && (await recordRecallOpening(learner.id, slug, new Date(), prisma));
  return Response.json({ recorded });
});
