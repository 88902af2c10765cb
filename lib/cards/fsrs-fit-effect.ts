import { type FSRSState, fsrs } from "ts-fsrs";

// What a set of FSRS parameters means for a learner at a desired retention: how many reviews a day
// the deck costs and how much of it they would recall on an average day. Estimated by simulating
// the deck under those parameters (recall drawn from the forgetting curve they define), as Anki's
// FSRS simulator does, at day level: same-day learning steps are left out.

export type ScheduleEffect = {
  desiredRetention: number;
  /** Reviews a day, first reviews of new cards included, averaged over the horizon. */
  reviewsPerDay: number;
  /** The chance of recalling a card already learned, averaged over cards and days. */
  averageRecall: number;
};

export type ScheduleEffectOptions = {
  desiredRetention: number;
  cards: number;
  newCardsPerDay: number;
  days?: number;
  runs?: number;
  seed?: number;
};

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type SimulatedCard = { memory: FSRSState; lastDay: number; dueDay: number };

/** The workload and recall the parameters predict at a desired retention (seeded, so repeatable). */
export function estimateScheduleEffect(
  parameters: readonly number[],
  { desiredRetention, cards, newCardsPerDay, days = 365, runs = 4, seed = 1 }: ScheduleEffectOptions,
): ScheduleEffect {
  const scheduler = fsrs({
    w: [...parameters],
    request_retention: desiredRetention,
    enable_fuzz: false,
    enable_short_term: false,
  });
  const random = seededRandom(seed);
  let reviews = 0;
  let recallSum = 0;
  let recallDays = 0;
  for (let run = 0; run < runs; run++) {
    const learned: SimulatedCard[] = [];
    for (let day = 0; day < days; day++) {
      for (const card of learned) {
        if (card.dueDay > day) continue;
        const elapsed = day - card.lastDay;
        const recalled = random() < scheduler.forgetting_curve(elapsed, card.memory.stability);
        card.memory = scheduler.next_state(card.memory, elapsed, recalled ? 3 : 1);
        card.lastDay = day;
        card.dueDay = day + Math.max(1, scheduler.next_interval(card.memory.stability, elapsed));
        reviews++;
      }
      const fresh = Math.min(newCardsPerDay, cards - learned.length);
      for (let i = 0; i < fresh; i++) {
        // A new card's first answer: Good, as most first answers are.
        const memory = scheduler.next_state(null, 0, 3);
        learned.push({
          memory,
          lastDay: day,
          dueDay: day + Math.max(1, scheduler.next_interval(memory.stability, 0)),
        });
        reviews++;
      }
      if (learned.length === 0) continue;
      recallSum +=
        learned.reduce(
          (sum, card) => sum + scheduler.forgetting_curve(day - card.lastDay, card.memory.stability),
          0,
        ) / learned.length;
      recallDays++;
    }
  }
  return { desiredRetention, reviewsPerDay: reviews / (runs * days), averageRecall: recallSum / recallDays };
}
