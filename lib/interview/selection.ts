// Which items an interview asks: a format's types and length, a focus, every dimension the pool
// has, no repeats, the same items for the same seed. Pure.
import { INTERVIEW_DIMENSIONS, type InterviewItem } from "../content/interview-schema";
import { createRandom } from "../random";
import { INTERVIEW_FORMATS, type InterviewFocus, type InterviewFormatId } from "./formats";

/** Minutes kept free in a round with code for the follow-up exercise (lib/interview/bank.ts caps it at 10). */
export const CODE_FOLLOW_UP_MINUTES = 10;

/** How weak the learner is per topic (higher: weaker); from cards, submissions and past interviews. */
export type TopicWeakness = ReadonlyMap<string, number>;

/** The topics a "my weakest" interview draws from: the three weakest with any weakness at all. */
export function pickWeakestTopics(weakness: TopicWeakness, count = 3): string[] {
  return [...weakness.entries()]
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([topic]) => topic);
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** What to select from and how. */
export type SelectionInput = {
  bank: readonly InterviewItem[];
  format: InterviewFormatId;
  focus: InterviewFocus;
  seed: number;
  weakness?: TopicWeakness;
};

/**
 * The items of an interview, in the order asked. Draws from the focus (all topics, one topic, or
 * the weakest topics, topped up from the rest when they are too few), shuffled by the seed: first
 * the format's code items, then one item of each dimension the pool has, then more until the
 * format's minutes are used. Items that are follow-ups of others come last.
 */
export function selectItems({
  bank,
  format,
  focus,
  seed,
  weakness = new Map(),
}: SelectionInput): InterviewItem[] {
  const spec = INTERVIEW_FORMATS[format];
  const followUpOnly = new Set(bank.flatMap((item) => (item.followUps ?? []).map((f) => f.item)));
  const eligible = bank.filter(
    (item) => (spec.types as readonly string[]).includes(item.type) && item.minutes <= spec.maxItemMinutes,
  );
  const random = createRandom(seed);
  let preferred: InterviewItem[];
  let fallback: InterviewItem[] = [];
  if (focus === "all") preferred = eligible;
  else if (focus === "weakest") {
    const topics = new Set(pickWeakestTopics(weakness));
    preferred = topics.size === 0 ? eligible : eligible.filter((item) => topics.has(item.topic));
    fallback = eligible.filter((item) => !preferred.includes(item));
  } else preferred = eligible.filter((item) => item.topic === focus);
  // Items that are some item's follow-up come last: they are better asked after a miss.
  const byFollowUp = (list: InterviewItem[]) => [
    ...list.filter((item) => !followUpOnly.has(item.id)),
    ...list.filter((item) => followUpOnly.has(item.id)),
  ];
  const order = [...byFollowUp(shuffle(preferred, random)), ...byFollowUp(shuffle(fallback, random))];

  const picked: InterviewItem[] = [];
  let minutes = 0;
  // A round with code keeps the time of the second code item a passed one unlocks.
  const budget = spec.minutes - (spec.codeItems > 0 ? CODE_FOLLOW_UP_MINUTES : 0);
  const take = (item: InterviewItem | undefined) => {
    const limit = item?.type === "code" ? spec.minutes : budget;
    if (!item || picked.includes(item) || minutes + item.minutes > limit) return false;
    picked.push(item);
    minutes += item.minutes;
    return true;
  };
  for (let n = 0; n < spec.codeItems; n++)
    take(order.find((item) => item.type === "code" && !picked.includes(item)));
  for (const dimension of shuffle(INTERVIEW_DIMENSIONS, random))
    order.find((item) => item.dimension === dimension && item.type !== "code" && take(item));
  // Then one item of each type the format asks, so a round is not all multiple choice.
  for (const type of shuffle(spec.types, random))
    if (type !== "code" && !picked.some((item) => item.type === type))
      order.find((item) => item.type === type && take(item));
  for (const item of order) if (item.type !== "code") take(item);
  // Code last in a full loop (theory first), first in an implementation round.
  const code = picked.filter((item) => item.type === "code");
  const rest = picked.filter((item) => item.type !== "code");
  return format === "implementation" ? [...code, ...rest] : [...rest, ...code];
}
