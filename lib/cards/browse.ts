import { State } from "ts-fsrs";
import { classifyCard, type DueClock, type ScheduleFacts } from "./due";
import type { Card } from "./schema";

/** What the card browser's state filter offers. */
export const BROWSE_STATES = ["all", "new", "due", "learning", "review", "suspended", "buried"] as const;
export type BrowseState = (typeof BROWSE_STATES)[number];
/** The filter's labels. */
export const BROWSE_STATE_LABELS: Record<BrowseState, string> = {
  all: "Any state",
  new: "New",
  due: "Due today",
  learning: "Learning",
  review: "In review",
  suspended: "Suspended",
  buried: "Buried",
};

/** One card as the browser lists it. */
export type BrowseEntry = {
  card: Card;
  state: Exclude<BrowseState, "all" | "due">;
  /** Due now or later in the learner's today (lib/cards/due.ts). */
  dueToday: boolean;
  due: Date | null;
};

/** Where a card stands for the browser: its state, and whether it is due today. */
export function describeCard(facts: ScheduleFacts | undefined, clock: DueClock): Omit<BrowseEntry, "card"> {
  if (!facts) return { state: "new", dueToday: false, due: null };
  const status = classifyCard(facts, clock);
  const dueToday = status === "due" || status === "mistake" || status === "later-today";
  if (status === "suspended" || status === "buried")
    return { state: status, dueToday: false, due: facts.due };
  if (status === "new") return { state: "new", dueToday: false, due: null };
  const state = facts.state === State.Review ? "review" : facts.state === State.New ? "new" : "learning";
  return { state, dueToday, due: facts.due };
}

/**
 * The cards of `deck` (in its order) matching a search in their text (front, back, code; any case),
 * a topic (null: all) and a state.
 */
export function browseCards(
  deck: readonly Card[],
  states: ReadonlyMap<string, ScheduleFacts>,
  filter: { query: string; topic: string | null; state: BrowseState },
  clock: DueClock,
): BrowseEntry[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const entries: BrowseEntry[] = [];
  for (const card of deck) {
    if (filter.topic && card.topic !== filter.topic) continue;
    if (words.length > 0) {
      const text = `${card.front}\n${card.back}\n${card.code ?? ""}`.toLowerCase();
      if (!words.every((word) => text.includes(word))) continue;
    }
    const entry = { card, ...describeCard(states.get(card.id), clock) };
    if (filter.state === "due" ? !entry.dueToday : filter.state !== "all" && entry.state !== filter.state)
      continue;
    entries.push(entry);
  }
  return entries;
}
