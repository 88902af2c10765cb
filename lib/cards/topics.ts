import type { Card } from "./schema";

/** The topic of an own card that belongs to no course topic. */
export const OWN_TOPIC = "own";
/** Its name in filters and stats. */
export const OWN_TOPIC_NAME = "Your own cards";

/** A deck topic with the name the course gives it. */
export type TopicInfo = { topic: string; name: string };

/**
 * Names for topics that share their lesson with another topic (the lesson's title would name both);
 * every other topic is named by its lesson's title.
 */
const SHARED_LESSON_TOPIC_NAMES: Readonly<Record<string, string>> = {
  memory: "Optimizer memory",
};

/** A lesson's title up to its colon: "AdaGrad: a learning rate for every parameter" names "AdaGrad". */
export function shortLessonTitle(title: string): string {
  return title.split(":")[0]?.trim() || title;
}

/**
 * The deck's topics in course order, each named as the course names it: by the title of its home
 * lesson (the lesson most of its cards belong to; a tie goes to the earlier lesson), up to the
 * title's colon. A topic whose name another topic already has is named with its id in brackets
 * (name it in SHARED_LESSON_TOPIC_NAMES instead). Throws on the reserved OWN_TOPIC.
 */
export function describeTopics(
  deck: readonly Pick<Card, "topic" | "lesson">[],
  lessons: readonly { slug: string; title: string; order: number }[],
): TopicInfo[] {
  const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
  const counts = new Map<string, Map<string, number>>();
  for (const card of deck) {
    if (card.topic === OWN_TOPIC)
      throw new Error(`The topic "${OWN_TOPIC}" is reserved for learners' own cards`);
    const perLesson = counts.get(card.topic) ?? new Map<string, number>();
    perLesson.set(card.lesson, (perLesson.get(card.lesson) ?? 0) + 1);
    counts.set(card.topic, perLesson);
  }
  const orderOf = (slug: string) => lessonBySlug.get(slug)?.order ?? Number.POSITIVE_INFINITY;
  const homes = [...counts].map(([topic, perLesson], index) => {
    const [home] = [...perLesson].sort((a, b) => b[1] - a[1] || orderOf(a[0]) - orderOf(b[0]))[0] ?? [""];
    return { topic, home, index };
  });
  homes.sort((a, b) => orderOf(a.home) - orderOf(b.home) || a.index - b.index);
  const taken = new Set<string>();
  return homes.map(({ topic, home }) => {
    const title = lessonBySlug.get(home)?.title;
    let name = SHARED_LESSON_TOPIC_NAMES[topic] ?? (title ? shortLessonTitle(title) : topic);
    if (taken.has(name)) name = `${name} (${topic})`;
    taken.add(name);
    return { topic, name };
  });
}

/** Sorts cards by their lesson's place in the course, keeping the file order within a lesson. */
export function sortByCourse<T extends Pick<Card, "lesson">>(
  cards: readonly T[],
  lessons: readonly { slug: string; order: number }[],
): T[] {
  const order = new Map(lessons.map((lesson) => [lesson.slug, lesson.order]));
  const place = (card: T) => order.get(card.lesson) ?? Number.POSITIVE_INFINITY;
  return [...cards].sort((a, b) => place(a) - place(b));
}
