import { z } from "zod";
import { getCurrentLearner, getOrCreateLearner } from "@/lib/auth/learner.server";
import { LANGUAGES } from "@/lib/harness/languages";
import { assertSameOrigin, handle, readJson } from "@/lib/http/route.server";
import { getLearnerLanguage, setLearnerLanguage } from "@/lib/progress/language.server";

export const dynamic = "force-dynamic";

const BodySchema = z.strictObject({ language: z.enum(LANGUAGES) });

const NO_STORE = { "Cache-Control": "private, no-store" };

/** The language the learner chose for coded exercises; null when they never chose (or nothing is stored). */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const language = learner.stored ? await getLearnerLanguage(learner.id) : null;
  return Response.json({ language }, { headers: NO_STORE });
});

/** Remembers the learner's language for coded exercises (a guest is created on the first choice). */
export const PUT = handle(async (request: Request) => {
  assertSameOrigin(request);
  const { language } = await readJson(request, BodySchema, 1024);
  const learner = await getOrCreateLearner();
  await setLearnerLanguage(learner.id, language);
  return Response.json({ language }, { headers: NO_STORE });
});
