import { z } from "zod";
import { DomainError } from "@/lib/domain-error";
import { OWN_CARD_PREFIX } from "./queue";
import { renderCardMarkdown } from "./render";
import type { Card } from "./schema";
import { OWN_TOPIC } from "./topics";

/** How many cards one learner may write. */
export const OWN_CARD_LIMIT = 500;
/** Longest front and back, in characters. */
export const OWN_CARD_MAX = { front: 1_000, back: 4_000 } as const;

/** A new own card as the browser sends it: Markdown with `$math$`, and a topic (checked against the deck's by the route). */
export const OwnCardInputSchema = z.object({
  front: z.string().trim().min(3, "Write a question of at least 3 characters.").max(OWN_CARD_MAX.front),
  back: z.string().trim().min(1, "Write an answer.").max(OWN_CARD_MAX.back),
  topic: z.string().min(1).max(60).default(OWN_TOPIC),
});
export type OwnCardInput = z.infer<typeof OwnCardInputSchema>;

/** An own card as stored (OwnCard row). */
export type OwnCardRow = {
  id: string;
  topic: string;
  front: string;
  back: string;
  frontHtml: string;
  backHtml: string;
  createdAt: Date;
};

/** The card's text cannot be rendered (unbalanced `$`, TeX KaTeX refuses): answered as a 400. */
export class OwnCardTextError extends DomainError {
  constructor(side: "front" | "back", reason: string) {
    super("invalid", `The ${side} of your card cannot be rendered: ${reason}`);
  }
}

/** Renders both sides with the cards' renderer; throws OwnCardTextError naming the side. */
export function renderOwnCard(input: Pick<OwnCardInput, "front" | "back">): {
  frontHtml: string;
  backHtml: string;
} {
  const render = (side: "front" | "back") => {
    try {
      return renderCardMarkdown(input[side], "your card");
    } catch (error) {
      throw new OwnCardTextError(side, (error as Error).message.replace(/^Card "your card": /, ""));
    }
  };
  return { frontHtml: render("front"), backHtml: render("back") };
}

/** The schedule id of an own card. */
export function ownCardId(rowId: string): string {
  return `${OWN_CARD_PREFIX}${rowId}`;
}

/**
 * An own card as a card of the learner's deck: a question, in its topic's lesson (or none), drilled
 * and shown like the course's cards.
 */
export function toDeckCard(row: OwnCardRow, lessonOfTopic: (topic: string) => string): Card {
  return {
    id: ownCardId(row.id),
    topic: row.topic,
    lesson: lessonOfTopic(row.topic),
    kind: "question",
    front: row.front,
    back: row.back,
    frontHtml: row.frontHtml,
    backHtml: row.backHtml,
  };
}
