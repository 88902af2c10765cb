import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { StartBodySchema } from "@/lib/interview/answers";
import { startInterview } from "@/lib/interview/interviews.server";
import { takeStartPoint } from "@/lib/interview/limits.server";

export const dynamic = "force-dynamic";

/** Starts a mock interview (409 when one is running): the items without their answers, the deadline. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { format, mode, focus } = await readJson(request, StartBodySchema, 1024);
  const learner = await getOrCreateLearner();
  await takeStartPoint(learner.id);
  const interview = await startInterview({ learnerId: learner.id, format, mode, focus });
  return Response.json({ interview }, { status: 201 });
});
