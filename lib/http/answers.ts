// Shapes of the JSON answers that browser code reads, parsed there instead of cast. zod/mini, and
// client components import this module dynamically, when an answer arrives after a click: the
// pages (and the pages that prefetch them) do not carry zod up front. The route handlers build
// their answers to these types.
import * as z from "zod/mini";

/** Every error answer of a route handler (lib/http/route.server.ts handle()): `{ error }`. */
export const ErrorAnswerSchema = z.object({ error: z.string() });

/** The message of an error answer, or null when the body is not one (not JSON, another shape). */
export async function readErrorMessage(response: Response): Promise<string | null> {
  const parsed = ErrorAnswerSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error : null;
}

/** better-auth's error answers (/api/auth/*): `{ message, code }`. */
export const AuthErrorAnswerSchema = z.object({ message: z.string() });

/** POST and DELETE /api/lessons/<slug>/read. */
export const LessonReadAnswerSchema = z.object({
  slug: z.string(),
  read: z.boolean(),
  readAt: z.optional(z.string()),
});

/**
 * GET /api/lessons/read: the current learner's read lessons. Read on every lesson page's load, so
 * the browser checks it with readLessonSlugs (app/learn/read-lessons.ts, no zod), tested against
 * this schema.
 */
export const ReadLessonsAnswerSchema = z.object({
  lessons: z.array(z.object({ slug: z.string(), readAt: z.string() })),
});
