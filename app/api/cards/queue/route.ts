import { getCurrentLearner } from "@/lib/auth/learner.server";
import { handle } from "@/lib/http/route.server";
import { getDrillState } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { parseTopicFilter } from "../topic-filter.server";

export const dynamic = "force-dynamic";

/** The current learner's next card and what is left today, optionally for one topic (`?topic=`). */
export const GET = handle(async (request: Request) => {
  const learner = await getCurrentLearner();
  const topic = parseTopicFilter(new URL(request.url).searchParams.get("topic"));
  return Response.json(await getDrillState(learner.id, { topic, timeZone: await getLearnerTimeZone() }));
});
