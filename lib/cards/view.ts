import type { CardView } from "./domain-schemas";
import { newSchedule, previewIntervals, type StoredSchedule } from "./scheduler";
import type { Card } from "./schema";

export type { CardView, DrillState } from "./domain-schemas";

/** Builds the view of a card from its deck entry and (if any) stored schedule. */
export function toCardView(
  card: Card,
  stored: (StoredSchedule & { version: number }) | null,
  reason: CardView["reason"],
  now: Date,
  desiredRetention?: number,
  parameters?: readonly number[] | null,
): CardView {
  return {
    id: card.id,
    topic: card.topic,
    lesson: card.lesson,
    kind: card.kind,
    frontHtml: card.frontHtml,
    backHtml: card.backHtml,
    code: card.code ?? null,
    version: stored?.version ?? 0,
    reason,
    intervals: previewIntervals(stored ?? newSchedule(now), now, desiredRetention, parameters),
  };
}
