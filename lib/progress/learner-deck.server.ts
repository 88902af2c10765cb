import "server-only";
import { type BrowseState, browseCards } from "@/lib/cards/browse";
import { getDeck, getOwnCardTopics, getTopicList } from "@/lib/cards/deck";
import { countDue, type DueCounts, dueClock, type ScheduleFacts } from "@/lib/cards/due";
import { parseStoredParameters } from "@/lib/cards/fsrs-parameters";
import {
  OWN_CARD_LIMIT,
  type OwnCardInput,
  ownCardId,
  renderOwnCard,
  toDeckCard,
} from "@/lib/cards/own-cards";
import { isOwnCardId, OWN_CARD_PREFIX } from "@/lib/cards/queue";
import { newSchedule } from "@/lib/cards/scheduler";
import type { Card } from "@/lib/cards/schema";
import { type DrillSettings, resolveDrillSettings } from "@/lib/cards/settings";
import { OWN_TOPIC, OWN_TOPIC_NAME, type TopicInfo } from "@/lib/cards/topics";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startOfNextDay } from "@/lib/time/days";

type Db = PrismaClient;

/** What the drill needs about a learner besides card states: their deck, settings and lessons read. */
export type DrillContext = {
  /** The learner's own cards (oldest first), then the course's deck in course order. */
  deck: Card[];
  settings: DrillSettings;
  readLessons: ReadonlySet<string>;
  /** False when own cards came without their text (the queue needs ids and topics): see withCardText. */
  ownText: boolean;
  /** The FSRS parameters fitted to the learner's reviews (lib/progress/fsrs-fit.server.ts); absent: the defaults. */
  parameters?: readonly number[] | null;
};

const OWN_CARD_SELECT = {
  id: true,
  topic: true,
  front: true,
  back: true,
  frontHtml: true,
  backHtml: true,
  createdAt: true,
} as const;

/** The lesson of a topic's cards (own cards take their topic's lesson; OWN_TOPIC has none). */
function lessonOfTopic(courseDeck: readonly Card[]): (topic: string) => string {
  const lessons = new Map<string, string>();
  for (const card of courseDeck) if (!lessons.has(card.topic)) lessons.set(card.topic, card.lesson);
  return (topic) => lessons.get(topic) ?? "";
}

const NO_TEXT = { front: "", back: "", frontHtml: "", backHtml: "" };

/**
 * The learner's deck, settings and read lessons, in one query. With `text: false` own cards come
 * without their text and HTML (kilobytes each once KaTeX has rendered them), for the queue.
 */
export async function loadDrillContext(
  learnerId: string,
  db: Db = prisma,
  courseDeck: Card[] = getDeck(),
  { text = true }: { text?: boolean } = {},
): Promise<DrillContext> {
  const learner = await db.learner.findUnique({
    where: { id: learnerId },
    select: {
      newCardsPerDay: true,
      desiredRetention: true,
      ownCards: {
        orderBy: { createdAt: "asc" },
        select: text ? OWN_CARD_SELECT : { id: true, topic: true, createdAt: true },
      },
      lessonReads: { select: { lessonSlug: true } },
      fsrsFit: { select: { parameters: true } },
    },
  });
  const lessonOf = lessonOfTopic(courseDeck);
  const own = (learner?.ownCards ?? []).map((row) => toDeckCard({ ...NO_TEXT, ...row }, lessonOf));
  return {
    deck: own.length === 0 ? courseDeck : [...own, ...courseDeck],
    settings: resolveDrillSettings(learner),
    readLessons: new Set(learner?.lessonReads.map((read) => read.lessonSlug)),
    ownText: text,
    parameters: parseStoredParameters(learner?.fsrsFit?.parameters),
  };
}

/** A card of the context's deck with its text: an own card's is read now when the context has none. */
export async function withCardText(
  card: Card,
  learnerId: string,
  context: DrillContext,
  db: Db = prisma,
): Promise<Card> {
  if (context.ownText || !isOwnCardId(card.id)) return card;
  const row = await db.ownCard.findFirst({
    where: { id: card.id.slice(OWN_CARD_PREFIX.length), learnerId },
    select: OWN_CARD_SELECT,
  });
  return row ? toDeckCard(row, () => card.lesson) : card;
}

/** Topics with their course names, in course order, and "Your own cards" when the learner has any. */
export function listTopics(deck: readonly Card[]): TopicInfo[] {
  const topics = getTopicList();
  return deck.some((card) => card.topic === OWN_TOPIC)
    ? [...topics, { topic: OWN_TOPIC, name: OWN_TOPIC_NAME }]
    : topics;
}

/** The schedule fields the due rules read (lib/cards/due.ts). */
export const SCHEDULE_FACTS_SELECT = {
  cardId: true,
  due: true,
  state: true,
  origin: true,
  reps: true,
  suspended: true,
  buriedUntil: true,
} as const;

/** Cards due now and later today in the learner's day: the drill's, the dashboard's and the stats' count. */
export async function getDueCounts(
  learnerId: string,
  options: { timeZone: string; now?: Date; deck?: readonly Pick<Card, "id">[] },
  db: Db = prisma,
): Promise<DueCounts> {
  const now = options.now ?? new Date();
  const deck = options.deck ?? (await loadDrillContext(learnerId, db)).deck;
  const ids = new Set(deck.map((card) => card.id));
  const states: ScheduleFacts[] = await db.cardState.findMany({
    where: { learnerId },
    select: SCHEDULE_FACTS_SELECT,
  });
  return countDue(states, dueClock({ now, timeZone: options.timeZone }), (id) => ids.has(id));
}

/** A request about a card the learner's deck does not have, or too many own cards. */
export class DeckRequestError extends DomainError {}

/** Stores a new own card (rendered now; a bad `$` or TeX is an OwnCardTextError, a 400). */
export async function createOwnCard(learnerId: string, input: OwnCardInput, db: Db = prisma) {
  const topics = getOwnCardTopics();
  if (!topics.includes(input.topic))
    throw new DeckRequestError(
      "invalid",
      `Unknown topic "${input.topic.slice(0, 40)}": the topics are ${topics.join(", ")}.`,
    );
  const html = renderOwnCard(input);
  if ((await db.ownCard.count({ where: { learnerId } })) >= OWN_CARD_LIMIT)
    throw new DeckRequestError(
      "conflict",
      `You have ${OWN_CARD_LIMIT} cards of your own, the most kept; delete one first.`,
    );
  return db.ownCard.create({
    data: { learnerId, topic: input.topic, front: input.front, back: input.back, ...html },
    select: OWN_CARD_SELECT,
  });
}

/** Deletes an own card with its schedule; its review logs stay as history. */
export async function deleteOwnCard(learnerId: string, rowId: string, db: Db = prisma): Promise<void> {
  await db.$transaction(async (tx) => {
    const deleted = await tx.ownCard.deleteMany({ where: { id: rowId, learnerId } });
    if (deleted.count === 0) throw new DeckRequestError("not-found", "You have no such card.");
    await tx.cardState.deleteMany({ where: { learnerId, cardId: ownCardId(rowId) } });
  });
}

/** What the card browser can do to a card. */
export const CARD_ACTIONS = ["suspend", "unsuspend", "bury", "unbury"] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/**
 * Suspends or buries a card (until the start of the learner's next day), or undoes either. A card
 * never rated gets a row that records only that (it stays new: lib/cards/due.ts). Bumps the version,
 * so a rating form opened before is refused rather than applied.
 */
export async function setCardAction(
  learnerId: string,
  cardId: string,
  action: CardAction,
  options: { timeZone: string; now?: Date; deck?: readonly Pick<Card, "id">[] },
  db: Db = prisma,
): Promise<{ cardId: string; suspended: boolean; buriedUntil: Date | null }> {
  const now = options.now ?? new Date();
  const deck = options.deck ?? (await loadDrillContext(learnerId, db)).deck;
  if (!deck.some((card) => card.id === cardId))
    throw new DeckRequestError("not-found", `There is no card "${cardId.slice(0, 100)}" in your deck.`);
  const data =
    action === "suspend"
      ? { suspended: true }
      : action === "unsuspend"
        ? { suspended: false }
        : action === "bury"
          ? { buriedUntil: startOfNextDay(now, options.timeZone) }
          : { buriedUntil: null };
  const row = await db.cardState.upsert({
    where: { learnerId_cardId: { learnerId, cardId } },
    create: { learnerId, cardId, ...newSchedule(now), ...data },
    update: { ...data, version: { increment: 1 } },
    select: { cardId: true, suspended: true, buriedUntil: true },
  });
  return row;
}

/** Saves the learner's drill settings. */
export async function saveDrillSettings(learnerId: string, settings: DrillSettings, db: Db = prisma) {
  await db.learner.update({ where: { id: learnerId }, data: settings });
  return settings;
}

/** The learner's cards for the card browser, filtered (lib/cards/browse.ts). */
export async function browseLearnerCards(
  learnerId: string,
  filter: { query: string; topic: string | null; state: BrowseState },
  options: { timeZone: string; now?: Date; context?: DrillContext },
  db: Db = prisma,
) {
  const context = options.context ?? (await loadDrillContext(learnerId, db));
  const states = await db.cardState.findMany({ where: { learnerId }, select: SCHEDULE_FACTS_SELECT });
  const clock = dueClock({ now: options.now ?? new Date(), timeZone: options.timeZone });
  return browseCards(context.deck, new Map(states.map((row) => [row.cardId, row])), filter, clock);
}
