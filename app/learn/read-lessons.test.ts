import { describe, expect, it } from "vitest";
import { ReadLessonsAnswerSchema } from "@/lib/http/answers";
import { readLessonSlugs } from "./read-lessons";

// readLessonSlugs checks GET /api/lessons/read by hand (no zod on a lesson page's load): it must
// accept exactly what the schema accepts.
describe("readLessonSlugs", () => {
  const readAt = "2026-11-26T00:00:00.000Z";
  const bodies: unknown[] = [
    { lessons: [] },
    {
      lessons: [
        { slug: "adam", readAt },
        { slug: "momentum", readAt },
      ],
    },
    { lessons: [{ slug: "adam", readAt, extra: 1 }] },
    { lessons: [{ slug: "adam" }] },
    { lessons: [{ slug: 3, readAt }] },
    { lessons: [null] },
    { lessons: "adam" },
    { error: "Too many requests." },
    null,
    "text",
  ];

  it.each(bodies.map((body) => [JSON.stringify(body), body]))("%s: as the schema says", (_name, body) => {
    const parsed = ReadLessonsAnswerSchema.safeParse(body);
    expect(readLessonSlugs(body)).toEqual(parsed.success ? parsed.data.lessons.map((l) => l.slug) : []);
  });

  it("reads the slugs of a valid answer", () => {
    expect(readLessonSlugs({ lessons: [{ slug: "adam", readAt }] })).toEqual(["adam"]);
  });
});
