import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { takeDeckWritePoints } from "@/lib/cards/limits.server";
import { OwnCardInputSchema, ownCardId } from "@/lib/cards/own-cards";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { createOwnCard } from "@/lib/progress/learner-deck.server";

export const dynamic = "force-dynamic";

/** Adds a card the learner wrote (Markdown with `$math$`); 400 names what cannot be rendered. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const input = await readJson(request, OwnCardInputSchema, 16 * 1024);
  const learner = await getOrCreateLearner();
  await takeDeckWritePoints(getClientKey(request.headers), learner.id);
  const card = await createOwnCard(learner.id, input);
  return Response.json({ card: { ...card, id: ownCardId(card.id) } }, { status: 201 });
});
