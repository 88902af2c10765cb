import path from "node:path";
import type { DiagnosisId } from "@/lib/content/diagnosis-ids";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { cardFilesStamp, getContentRoot, getLessonsDir, readCardFiles } from "@/lib/content/registry";
import { env } from "@/lib/env.server";
import { renderCardText } from "./render";
import { type Card, CardSchema } from "./schema";
import { describeTopics, OWN_TOPIC, sortByCourse, type TopicInfo } from "./topics";

// The deck is every file of content/cards, read on the server (pages and route handlers only pass
// cards or their ids to the browser); a new file is a new part of the deck, no code to edit.

/** Validates card files and renders their math; throws naming the file and card on any problem. */
export function buildDeck(files: ReadonlyArray<{ file: string; raw: unknown }>): Card[] {
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const { file, raw } of files) {
    if (!Array.isArray(raw)) throw new Error(`${file} must be an array of cards`);
    raw.forEach((entry, index) => {
      const parsed = CardSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file} card ${index}: ${issue?.path.join(".")} ${issue?.message}`);
      }
      const card = parsed.data;
      if (seen.has(card.id)) throw new Error(`Duplicate card id "${card.id}" in ${file}`);
      seen.add(card.id);
      cards.push({
        ...card,
        frontHtml: renderCardText(card.front, card.id),
        backHtml: renderCardText(card.back, card.id),
      });
    });
  }
  return cards;
}

let cached: { stamp: string; deck: Card[]; topics: TopicInfo[] } | null = null;

function getCached() {
  const root = getContentRoot();
  const stamp = env.NODE_ENV === "production" ? root : path.join(root, cardFilesStamp(root));
  if (cached?.stamp !== stamp) {
    // Lesson frontmatter only (no MDX compiled): the course order and the topics' names.
    const lessons = readLessonSummaries(getLessonsDir(root));
    const deck = sortByCourse(buildDeck(readCardFiles(root)), lessons);
    cached = { stamp, deck, topics: describeTopics(deck, lessons) };
  }
  return cached;
}

/**
 * The whole deck in course order (by the lesson of each card, file order within a lesson),
 * validated and rendered once per process in production; in development again when a card file is
 * added, removed or edited.
 */
export function getDeck(): Card[] {
  return getCached().deck;
}

/** Topics in course order (lib/cards/topics.ts), for filters and validation. */
export function getTopics(): string[] {
  return getTopicList().map(({ topic }) => topic);
}

/** Topics in course order with their names as in the course (lib/cards/topics.ts). */
export function getTopicList(): TopicInfo[] {
  return getCached().topics;
}

/** The topics an own card may take: the deck's, and OWN_TOPIC. */
export function getOwnCardTopics(): string[] {
  return [...getTopics(), OWN_TOPIC];
}

/** Ids of the cards that teach a grader diagnosis (lib/grader/diagnoses.ts). */
export function getCardIdsForMistake(diagnosisId: DiagnosisId, deck: Card[] = getDeck()): string[] {
  return deck.filter((card) => card.mistakes?.some((m) => m === diagnosisId)).map((card) => card.id);
}
