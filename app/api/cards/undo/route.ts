import { z } from "zod";
import { requireLearner } from "@/lib/auth/learner.server";
import { TopicSchema } from "@/lib/cards/domain-schemas";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { getDrillState, undoRating } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { parseTopicFilter } from "../topic-filter.server";

export const dynamic = "force-dynamic";

const BodySchema = z.object({ requestId: z.string().uuid(), topic: z.nullish(TopicSchema) });

/** Undoes the learner's latest rating and returns the drill state (the undone card comes back). */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { requestId, topic } = await readJson(request, BodySchema, 4 * 1024);
  const topicFilter = parseTopicFilter(topic);
  const learner = await requireLearner();
  const undone = await undoRating(learner.id, requestId);
  const drill = await getDrillState(learner.id, {
    topic: topicFilter,
    preferCardId: undone.cardId,
    timeZone: await getLearnerTimeZone(),
  });
  return Response.json({ undone, drill });
});
