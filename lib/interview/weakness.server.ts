import "server-only";
import { getDeck } from "@/lib/cards/deck";
import { prisma } from "@/lib/db/prisma.server";
import type { Bank } from "./bank";
import type { TopicWeakness } from "./selection";

/**
 * How weak the learner is per topic, for "my weakest": each lapse of a card of the topic counts 1,
 * each failed submission of an exercise that an item of the topic uses counts 1, and each item of
 * the topic missed in a past interview counts 2 (less than 3 of 4 points, or unanswered).
 */
export async function getTopicWeakness(learnerId: string, bank: Bank): Promise<TopicWeakness> {
  const weakness = new Map<string, number>();
  const add = (topic: string | undefined, amount: number) => {
    if (topic) weakness.set(topic, (weakness.get(topic) ?? 0) + amount);
  };
  const cardTopic = new Map(getDeck().map((card) => [card.id, card.topic]));
  const exerciseTopic = new Map(
    bank.items.flatMap((item) =>
      item.type === "code" || item.type === "judgment" ? [[item.exercise, item.topic] as const] : [],
    ),
  );
  const [cards, failures, interviews] = await Promise.all([
    prisma.cardState.findMany({
      where: { learnerId, lapses: { gt: 0 } },
      select: { cardId: true, lapses: true },
    }),
    prisma.submission.findMany({
      where: { learnerId, verdict: { not: "passed" } },
      select: { exerciseSlug: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    prisma.interview.findMany({
      where: { learnerId, score: { not: null } },
      select: { items: true, answers: { select: { itemId: true, score: true } } },
      orderBy: { startedAt: "desc" },
      take: 10,
    }),
  ]);
  for (const card of cards) add(cardTopic.get(card.cardId), card.lapses);
  for (const failure of failures) add(exerciseTopic.get(failure.exerciseSlug), 1);
  for (const interview of interviews) {
    const points = new Map(interview.answers.map((a) => [a.itemId, a.score]));
    for (const id of JSON.parse(interview.items) as string[])
      if ((points.get(id) ?? 0) < 3) add(bank.get(id)?.topic, 2);
  }
  return weakness;
}
