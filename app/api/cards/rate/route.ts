import { z } from "zod";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { getDrillState, RateRequestSchema, rateCard } from "@/lib/progress/reviews.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";
import { normalizeTopic, withCardErrors } from "../errors.server";

export const dynamic = "force-dynamic";

const BodySchema = RateRequestSchema.extend({ topic: z.string().max(40).nullish() });

/** Records one rating (idempotent by requestId; 409 with the fresh card on a stale version) and returns the next card. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { topic, ...rating } = await readJson(request, BodySchema, 4 * 1024);
  const learner = await getOrCreateLearner();
  return withCardErrors(async () => {
    const result = await rateCard(learner.id, rating);
    const drill = await getDrillState(learner.id, {
      topic: normalizeTopic(topic),
      timeZone: await getLearnerTimeZone(),
    });
    return Response.json({ result, drill });
  });
});
