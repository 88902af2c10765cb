import { type Grade, type StoredSchedule, newSchedule, previewIntervals } from "./scheduler";
import type { Card } from "./schema";

/** What the drill shows for one card: content, the version to send back, and each rating's interval. */
export type CardView = {
  id: string;
  topic: string;
  lesson: string;
  kind: Card["kind"];
  frontHtml: string;
  backHtml: string;
  code: string | null;
  /** The CardState version the client must send with its rating (0 for a card never seen). */
  version: number;
  reason: "due" | "mistake" | "new";
  intervals: Record<Grade, string>;
};

/** The drill's whole state: the card to show next and what is left today. */
export type DrillState = {
  current: CardView | null;
  remaining: { due: number; mistake: number; new: number };
  /** requestId of the rating "U" would undo, if any. */
  undoRequestId: string | null;
};

/** Builds the view of a card from its deck entry and (if any) stored schedule. */
export function toCardView(
  card: Card,
  stored: (StoredSchedule & { version: number }) | null,
  reason: CardView["reason"],
  now: Date,
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
    intervals: previewIntervals(stored ?? newSchedule(now), now),
  };
}
