"use client";
import { useCallback, useEffect, useState } from "react";
import { ReadLessonsAnswerSchema } from "@/lib/http/answers";

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
      .then((body: unknown) => {
        // An answer of another shape counts as nothing read, like a failed request.
        const parsed = ReadLessonsAnswerSchema.safeParse(body);
        setReadSet(new Set(parsed.success ? parsed.data.lessons.map((lesson) => lesson.slug) : []));
      })
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
