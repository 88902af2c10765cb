import { z } from "zod";
import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { takeDeckWritePoints } from "@/lib/cards/limits.server";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { CARD_ACTIONS, setCardAction } from "@/lib/progress/learner-deck.server";
import { getLearnerTimeZone } from "@/lib/progress/time-zone.server";

export const dynamic = "force-dynamic";

const BodySchema = z.object({ cardId: z.string().min(1).max(100), action: z.enum(CARD_ACTIONS) });

/** Suspends or buries a card of the learner's deck (until their next day), or undoes either. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { cardId, action } = await readJson(request, BodySchema, 4 * 1024);
  const learner = await getOrCreateLearner();
  await takeDeckWritePoints(getClientKey(request.headers), learner.id);
  const card = await setCardAction(learner.id, cardId, action, { timeZone: await getLearnerTimeZone() });
  return Response.json({ card });
});
