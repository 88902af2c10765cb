import { z } from "zod";
import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { TopicSchema } from "@/lib/cards/domain-schemas";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { requestFitIfDue } from "@/lib/progress/fsrs-fit.server";
import { getDrillState, RateRequestSchema, rateCard } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { parseTopicFilter } from "../topic-filter.server";

export const dynamic = "force-dynamic";

const BodySchema = RateRequestSchema.extend({ topic: z.nullish(TopicSchema) });

/** Records one rating (idempotent by requestId; 409 with the fresh card on a stale version) and returns the next card. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { topic, ...rating } = await readJson(request, BodySchema, 4 * 1024);
  const topicFilter = parseTopicFilter(topic);
  const learner = await getOrCreateLearner();
  const result = await rateCard(learner.id, rating);
  const timeZone = await getLearnerTimeZone();
  // Not awaited: a due fit is queued and runs after the answer (errors are logged there).
  if (!result.duplicate) void requestFitIfDue(learner.id, { timeZone });
  const drill = await getDrillState(learner.id, { topic: topicFilter, timeZone });
  return Response.json({ result, drill });
});
