import { getOrCreateLearner } from "@/lib/auth/learner.server";
import { takeDeckWritePoints } from "@/lib/cards/limits.server";
import { DrillSettingsSchema } from "@/lib/cards/settings";
import { getClientKey } from "@/lib/http/client.server";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { saveDrillSettings } from "@/lib/progress/learner-deck.server";

export const dynamic = "force-dynamic";

/** Saves the learner's new cards per day and desired retention. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const settings = await readJson(request, DrillSettingsSchema, 4 * 1024);
  const learner = await getOrCreateLearner();
  await takeDeckWritePoints(getClientKey(request.headers), learner.id);
  return Response.json({ settings: await saveDrillSettings(learner.id, settings) });
});
