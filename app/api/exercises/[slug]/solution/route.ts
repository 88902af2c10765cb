import { getCurrentLearner } from "@/lib/auth/learner.server";
import { findCodedExercise } from "@/lib/exercises/reference-solution.server";
import { getSolutionAccess, revealSolution } from "@/lib/exercises/solution-reveals.server";
import { assertSameOrigin, HttpError, handle } from "@/lib/http/route.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

async function requireCodedExercise(context: Context) {
  const slug = (await context.params).slug;
  const found = await findCodedExercise(slug);
  if (!found) throw new HttpError(404, `No coded exercise "${slug}".`);
  return found;
}

/**
 * Whether this learner may read the exercise's reference solution and write-up (at
 * /exercises/<slug>/solution): after a pass, after asking (POST), or not yet, with the failed
 * submissions counted and the number needed. Creates nothing.
 */
export const GET = handle(async (_request: Request, context: Context) => {
  const slug = await requireCodedExercise(context);
  const learner = await getCurrentLearner();
  return Response.json({ access: await getSolutionAccess(learner.stored ? learner.id : null, slug) });
});

/**
 * The learner asks for the reference solution before passing: recorded (a SolutionReveal row) when
 * they have enough failed submissions; 409 with the numbers when they have not.
 */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = await requireCodedExercise(context);
  const learner = await getCurrentLearner();
  return Response.json({ access: await revealSolution(learner.stored ? learner.id : null, slug) });
});
