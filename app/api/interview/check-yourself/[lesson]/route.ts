import { getCurrentLearner, getOrCreateLearner } from "@/lib/auth/learner.server";
import { assertSameOrigin, HttpError, handle } from "@/lib/http/route.server";
import {
  getCheckYourself,
  getCheckYourselfIds,
  startCheckYourself,
} from "@/lib/interview/check-yourself.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ lesson: string }> };

/** A lesson's check-yourself questions as the learner left them (no answer before it is given); 404 for a lesson without any. Creates nobody. */
export const GET = handle(async (_request: Request, context: Context) => {
  const { lesson } = await context.params;
  const learner = await getCurrentLearner();
  const view = await getCheckYourself(learner.stored ? learner.id : null, lesson);
  return Response.json({ checkYourself: view }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Stores the lesson's check-yourself questions for the learner (a guest is made now), or returns
 * the stored ones: answers then go to /api/interview/<interviewId>/answer like any interview's.
 */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const { lesson } = await context.params;
  // Checked before a guest is made for nothing.
  if (getCheckYourselfIds(lesson).length === 0)
    throw new HttpError(404, `No check-yourself questions for "${lesson}".`);
  const learner = await getOrCreateLearner();
  const view = await startCheckYourself(learner.id, lesson);
  return Response.json({ checkYourself: view }, { status: 201 });
});
