// A learner's schedule and reviews in Anki's terms, so Anki (with FSRS on) continues where the drill
// left off. The card states map one to one (ts-fsrs State and Anki's card type are both 0 new,
// 1 learning, 2 review, 3 relearning); Anki rebuilds FSRS memory from the review log, which is why
// every review goes along. A stored log row holds the card as it was before the rating, so the
// interval a rating led to is read from the next row, or from the card's state for the last one.

/** The fields of a CardState row the export reads. */
export type HistoryState = {
  cardId: string;
  state: number;
  due: Date;
  scheduledDays: number;
  reps: number;
  lapses: number;
};

/** The fields of a ReviewLog row the export reads. */
export type HistoryLog = {
  cardId: string;
  rating: number;
  state: number;
  due: Date;
  scheduledDays: number;
  review: Date;
  undone: boolean;
};

/** A row of Anki's cards table, scheduling columns only. */
export type AnkiSchedule = {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
};

/** A row of Anki's revlog table, without the card id. */
export type AnkiReview = {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  type: number;
};

export type AnkiHistory = {
  schedules: ReadonlyMap<string, AnkiSchedule>;
  reviews: ReadonlyMap<string, readonly AnkiReview[]>;
};

/** Day 0 of the exported collection (its `crt`): 2020-01-01 UTC; review due dates count days from it. */
export const COLLECTION_CREATED_SECONDS = 1_577_836_800;

const DEFAULT_FACTOR = 2500;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;

function dayNumber(date: Date): number {
  return Math.floor((date.getTime() / 1000 - COLLECTION_CREATED_SECONDS) / 86_400);
}

function toSchedule(state: HistoryState): AnkiSchedule | null {
  const counts = { reps: state.reps, lapses: state.lapses };
  if (state.state === REVIEW)
    return {
      type: REVIEW,
      queue: 2,
      due: dayNumber(state.due),
      ivl: Math.max(1, state.scheduledDays),
      factor: DEFAULT_FACTOR,
      left: 0,
      ...counts,
    };
  if (state.state === LEARNING || state.state === RELEARNING) {
    // Anki's queue 1 is due within the day (a timestamp), queue 3 on a later day (a day number).
    const withinDay = state.scheduledDays < 1;
    return {
      type: state.state,
      queue: withinDay ? 1 : 3,
      due: withinDay ? Math.floor(state.due.getTime() / 1000) : dayNumber(state.due),
      ivl: state.state === RELEARNING ? Math.max(1, state.scheduledDays) : 0,
      factor: state.state === RELEARNING ? DEFAULT_FACTOR : 0,
      // One step left today: Anki encodes it as (steps today) * 1000 + (steps left).
      left: 1001,
      ...counts,
    };
  }
  return null;
}

/** Anki's revlog type from the state a card was in when rated: 0 learn, 1 review, 2 relearn. */
function reviewType(stateBefore: number): number {
  if (stateBefore === REVIEW) return 1;
  if (stateBefore === RELEARNING) return 2;
  return 0;
}

/** Anki's interval: days when at least one, else negative seconds until the card is due again. */
function ankiInterval(scheduledDays: number, due: Date, from: Date): number {
  if (scheduledDays >= 1) return scheduledDays;
  return -Math.max(1, Math.round((due.getTime() - from.getTime()) / 1000));
}

/** The learner's card states and reviews (undone ones left out) as Anki rows, keyed by card id. */
export function toAnkiHistory(states: readonly HistoryState[], logs: readonly HistoryLog[]): AnkiHistory {
  const schedules = new Map<string, AnkiSchedule>();
  const stateOf = new Map(states.map((state) => [state.cardId, state]));
  for (const state of states) {
    const schedule = toSchedule(state);
    if (schedule) schedules.set(state.cardId, schedule);
  }
  const byCard = new Map<string, HistoryLog[]>();
  for (const log of logs
    .filter((entry) => !entry.undone)
    .sort((a, b) => a.review.getTime() - b.review.getTime()))
    byCard.set(log.cardId, [...(byCard.get(log.cardId) ?? []), log]);
  // revlog ids are review times in ms and must be unique across the collection.
  const usedIds = new Set<number>();
  const reviews = new Map<string, AnkiReview[]>();
  for (const [cardId, cardLogs] of byCard) {
    const final = stateOf.get(cardId);
    reviews.set(
      cardId,
      cardLogs.map((log, index) => {
        const after = cardLogs[index + 1] ?? final ?? log;
        let id = log.review.getTime();
        while (usedIds.has(id)) id += 1;
        usedIds.add(id);
        const type = reviewType(log.state);
        return {
          id,
          ease: log.rating,
          ivl: ankiInterval(after.scheduledDays, after.due, log.review),
          lastIvl: log.scheduledDays >= 1 ? log.scheduledDays : 0,
          factor: type === 1 ? DEFAULT_FACTOR : 0,
          type,
        };
      }),
    );
  }
  return { schedules, reviews };
}
