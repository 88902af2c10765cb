import { requireLearner } from "@/lib/auth/learner.server";
import { takeDeckWritePoints } from "@/lib/cards/limits.server";
import { OWN_CARD_PREFIX } from "@/lib/cards/queue";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, HttpError, handle } from "@/lib/http/route.server";
import { deleteOwnCard } from "@/lib/progress/learner-deck.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Deletes one of the learner's own cards (`own-<id>`) and its schedule. */
export const DELETE = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const { id } = await context.params;
  if (!id.startsWith(OWN_CARD_PREFIX) || !/^[a-z0-9]{1,40}$/.test(id.slice(OWN_CARD_PREFIX.length)))
    throw new HttpError(404, "You have no such card.");
  const learner = await requireLearner();
  await takeDeckWritePoints(getClientKey(request.headers), learner.id);
  await deleteOwnCard(learner.id, id.slice(OWN_CARD_PREFIX.length));
  return Response.json({ deleted: id });
});
