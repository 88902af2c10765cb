import { getCurrentLearner } from "@/lib/auth/learner.server";
import { ANKI_FORMATS, type AnkiFormat, buildAnkiExport } from "@/lib/cards/anki/export";
import { getDeck } from "@/lib/cards/deck";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { prisma } from "@/lib/db/prisma.server";
import { env } from "@/lib/env.server";
import { HttpError, handle } from "@/lib/http/route.server";
import { exportLearnerData } from "@/lib/progress/export.server";
import { loadDrillContext } from "@/lib/progress/learner-deck.server";
import { parseTopicFilter } from "../topic-filter.server";

export const dynamic = "force-dynamic";

function parseFormat(format: string | null): AnkiFormat {
  if (format === null || format === "") return "apkg";
  const known = ANKI_FORMATS.find((name) => name === format);
  if (known) return known;
  throw new HttpError(400, `Unknown format: the formats are ${ANKI_FORMATS.join(", ")}.`);
}

/**
 * The learner's deck (the course's cards and their own), or one topic (`?topic=`, "own" for their
 * own cards), as an Anki package (`?format=apkg`, the default) or in Anki's text import format
 * (`?format=txt`); `?history=1` adds their schedule and reviews to a package. A plain GET, so a
 * script can fetch it too.
 */
export const GET = handle(async (request: Request) => {
  const query = new URL(request.url).searchParams;
  const topic = parseTopicFilter(query.get("topic"));
  const format = parseFormat(query.get("format"));
  const withHistory = query.get("history") === "1";
  const learner = await getCurrentLearner();
  const deck = learner.stored ? (await loadDrillContext(learner.id)).deck : getDeck();
  const cards = deck.filter((card) => topic === null || card.topic === topic);
  const stored = withHistory && learner.stored ? await exportLearnerData(prisma, learner.id) : null;
  const file = buildAnkiExport({
    cards,
    topic,
    format,
    origin: env.APP_ORIGIN,
    lessonTitles: new Map(readLessonSummaries().map((lesson) => [lesson.slug, lesson.title])),
    now: new Date(),
    history: withHistory ? { states: stored?.cardStates ?? [], logs: stored?.reviewLogs ?? [] } : undefined,
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
