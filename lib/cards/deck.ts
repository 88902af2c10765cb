import adagrad from "@/content/cards/adagrad.json";
import adam from "@/content/cards/adam.json";
import adamVariants from "@/content/cards/adam-variants.json";
import choosing from "@/content/cards/choosing-an-optimizer.json";
import distributed from "@/content/cards/distributed-training.json";
import flashNotes from "@/content/cards/interview-flash-notes.json";
import schedules from "@/content/cards/learning-rate-schedules.json";
import momentum from "@/content/cards/momentum.json";
import nesterov from "@/content/cards/nesterov.json";
import foundations from "@/content/cards/optimization-problem.json";
import rmsprop from "@/content/cards/rmsprop.json";
import sgd from "@/content/cards/stochastic-gradient-descent.json";
import weightDecay from "@/content/cards/weight-decay.json";
import { renderCardText } from "./render";
import { type Card, CardSchema } from "./schema";

// Imported statically so the bundler ships the deck with the app; one file per topic.
const SOURCES: Record<string, unknown> = {
  "optimization-problem": foundations,
  "stochastic-gradient-descent": sgd,
  momentum,
  nesterov,
  adagrad,
  rmsprop,
  adam,
  "weight-decay": weightDecay,
  "adam-variants": adamVariants,
  "learning-rate-schedules": schedules,
  "choosing-an-optimizer": choosing,
  "distributed-training": distributed,
  "interview-flash-notes": flashNotes,
};

/** Validates raw deck files and renders their math; throws naming the file and card on any problem. */
export function buildDeck(sources: Record<string, unknown>): Card[] {
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const [file, raw] of Object.entries(sources)) {
    if (!Array.isArray(raw)) throw new Error(`content/cards/${file}.json must be an array of cards`);
    raw.forEach((entry, index) => {
      const parsed = CardSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `content/cards/${file}.json card ${index}: ${issue?.path.join(".")} ${issue?.message}`,
        );
      }
      const card = parsed.data;
      if (seen.has(card.id)) throw new Error(`Duplicate card id "${card.id}" in content/cards/${file}.json`);
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

let cached: Card[] | null = null;

/** The whole deck, validated and rendered once per process. */
export function getDeck(): Card[] {
  cached ??= buildDeck(SOURCES);
  return cached;
}

/** Topics in deck order, for the filter. */
export function getTopics(deck: Card[] = getDeck()): string[] {
  return [...new Set(deck.map((card) => card.topic))];
}

/** Ids of the cards that teach a grader diagnosis (lib/grader/diagnoses.ts). */
export function getCardIdsForMistake(diagnosisId: string, deck: Card[] = getDeck()): string[] {
  return deck.filter((card) => card.mistakes?.some((m) => m === diagnosisId)).map((card) => card.id);
}
