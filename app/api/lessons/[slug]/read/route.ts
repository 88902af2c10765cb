import type * as z from "zod/mini";
import type { LessonReadAnswerSchema } from "@/lib/http/answers";
import { assertSameOrigin, handle, HttpError } from "@/lib/http/route.server";
import { lessonExists } from "@/lib/content/lessons.server";
import { getCurrentLearner, getOrCreateLearner } from "@/lib/auth/learner.server";
import { markLessonRead, unmarkLessonRead } from "@/lib/progress/lessons.server";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };
type LessonReadAnswer = z.infer<typeof LessonReadAnswerSchema>;

async function resolveSlug(context: Context): Promise<string> {
  const { slug } = await context.params;
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || !lessonExists(slug))
    throw new HttpError(404, `No lesson "${slug}".`);
  return slug;
}

/** Marks the lesson read for the current learner. */
export const POST = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = await resolveSlug(context);
  const learner = await getOrCreateLearner();
  const read = await markLessonRead(learner.id, slug);
  return Response.json({
    slug,
    read: true,
    readAt: read.readAt.toISOString(),
  } satisfies LessonReadAnswer);
});

/** Removes the current learner's read mark. */
export const DELETE = handle(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const slug = await resolveSlug(context);
  const learner = await getCurrentLearner();
  await unmarkLessonRead(learner.id, slug);
  return Response.json({ slug, read: false } satisfies LessonReadAnswer);
});
