// The bank as the engine uses it: items by id, and the second code items that passing a first one
// unlocks (Momentum → Nesterov, Adam → AdamW, Adam → AMSGrad), made from the first. Pure.
import type { InterviewItem, InterviewItemOf } from "../content/interview-schema";

/** The bank's items in file order, and a lookup that also knows the unlocked code follow-ups. */
export type Bank = { items: readonly InterviewItem[]; get: (id: string) => InterviewItem | undefined };

// "--" never appears in a bank id (kebab-case), so these ids cannot clash with one.
const FOLLOW_UP_SEPARATOR = "--then-";

/** The id of the code item unlocked by passing `item`, or null when it unlocks none. */
export function codeFollowUpId(item: InterviewItem): string | null {
  return item.type === "code" && item.followUpExercise
    ? `${item.id}${FOLLOW_UP_SEPARATOR}${item.followUpExercise}`
    : null;
}

function makeCodeFollowUp(first: InterviewItemOf<"code">, exercise: string): InterviewItemOf<"code"> {
  return {
    ...first,
    id: `${first.id}${FOLLOW_UP_SEPARATOR}${exercise}`,
    exercise,
    followUpExercise: undefined,
    followUps: undefined,
    prompt: `Follow-up: you passed. Now change your optimizer as the exercise **${exercise}** asks; start from your own code.`,
    minutes: Math.min(first.minutes, 10),
  };
}

/** Indexes items (ids are unique: check:content checks it). */
export function buildBank(items: readonly InterviewItem[]): Bank {
  const byId = new Map(items.map((item) => [item.id, item]));
  return {
    items,
    get(id) {
      const direct = byId.get(id);
      if (direct) return direct;
      const at = id.indexOf(FOLLOW_UP_SEPARATOR);
      if (at < 0) return undefined;
      const first = byId.get(id.slice(0, at));
      const exercise = id.slice(at + FOLLOW_UP_SEPARATOR.length);
      return first?.type === "code" && first.followUpExercise === exercise
        ? makeCodeFollowUp(first, exercise)
        : undefined;
    },
  };
}
