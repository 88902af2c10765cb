"use client";
import { useCallback, useEffect, useState } from "react";

/**
 * The slugs of a GET /api/lessons/read answer (lib/http/answers.ts ReadLessonsAnswerSchema), or
 * none for any other shape. Checked by hand, not with the schema: this runs on every lesson page's
 * load, which must not wait for zod (read-lessons.test.ts holds it to the schema).
 */
export function readLessonSlugs(body: unknown): string[] {
  if (typeof body !== "object" || body === null || !("lessons" in body) || !Array.isArray(body.lessons))
    return [];
  const slugs: string[] = [];
  const entries: unknown[] = body.lessons;
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null || !("slug" in entry) || !("readAt" in entry)) return [];
    if (typeof entry.slug !== "string" || typeof entry.readAt !== "string") return [];
    slugs.push(entry.slug);
  }
  return slugs;
}

/** Read state of the course, fetched on the client so that pages stay static. */
export function useReadLessons(): {
  read: Set<string> | null;
  setRead: (slug: string, read: boolean) => void;
} {
  const [read, setReadSet] = useState<Set<string> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/lessons/read", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.json() : { lessons: [] }))
      // An answer of another shape counts as nothing read, like a failed request.
      .then((body: unknown) => setReadSet(new Set(readLessonSlugs(body))))
      .catch(() => {
        if (!controller.signal.aborted) setReadSet(new Set());
      });
    return () => controller.abort();
  }, []);
  const setRead = useCallback((slug: string, value: boolean) => {
    setReadSet((current) => {
      const next = new Set(current ?? []);
      if (value) next.add(slug);
      else next.delete(slug);
      return next;
    });
  }, []);
  return { read, setRead };
}
