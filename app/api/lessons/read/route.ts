import type * as z from "zod/mini";
import type { ReadLessonsAnswerSchema } from "@/lib/http/answers";
import { handle } from "@/lib/http/route.server";
import { getCurrentLearner } from "@/lib/auth/learner.server";
import { listReadLessons } from "@/lib/progress/lessons.server";

export const dynamic = "force-dynamic";

/** The current learner's read lessons: `{ lessons: [{ slug, readAt }] }`. */
export const GET = handle(async () => {
  const learner = await getCurrentLearner();
  const lessons = await listReadLessons(learner.id);
  const answer: z.infer<typeof ReadLessonsAnswerSchema> = {
    lessons: lessons.map((lesson) => ({ slug: lesson.lessonSlug, readAt: lesson.readAt.toISOString() })),
  };
  return Response.json(answer, { headers: { "Cache-Control": "private, no-store" } });
});
