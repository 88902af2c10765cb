import "server-only";
import { getDeck } from "@/lib/cards/deck";
import { resolveLessonCards } from "@/lib/cards/lesson-cards";
import { listExercises } from "@/lib/content/exercises.server";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { isCodeExercise, isExerciseSlug, loadExerciseDefinition } from "@/lib/content/registry";
import { type AnswerVocabulary, parseStoredAnswer, wordJudgmentAnswer } from "@/lib/exercises/answer-words";
import { pickBestSubmissions } from "@/lib/exercises/verdicts";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseVerdictColumn, type Verdict } from "@/lib/grader/result";
import { addDays, type Clock, dayKey } from "@/lib/time/days";
import { getDueCounts } from "./learner-deck.server";

/** A lesson as the course map needs it, from its frontmatter only (no compilation). */
export type CatalogLesson = {
  slug: string;
  title: string;
  order: number;
  exercises: string[];
  /** Ids of the cards the lesson's frontmatter names (by topic or by id). */
  cards: string[];
  /** Their deck topics, in the order named: the drill the course map links to. */
  cardTopics: string[];
};
/**
 * The course's lessons in order, exercise titles by slug and, for the exercises of judgment, what
 * names their answers' keys (without it an answer is not worded).
 */
export type Catalog = {
  lessons: CatalogLesson[];
  exerciseTitles: Map<string, string>;
  answerVocabularies?: ReadonlyMap<string, AnswerVocabulary>;
};

/** The course outline from the content modules: lesson frontmatter (no MDX compiled) and exercise titles. */
export async function getCatalog(): Promise<Catalog> {
  const deck = getDeck();
  const lessons = readLessonSummaries().map(({ slug, title, order, exercises, cards }) => ({
    slug,
    title,
    order,
    exercises,
    cards: resolveLessonCards(cards, deck).cardIds,
    cardTopics: resolveLessonCards(cards, deck).topics.map(({ topic }) => topic),
  }));
  const exercises = await listExercises();
  const exerciseTitles = new Map(exercises.map((exercise) => [exercise.slug, exercise.title]));
  const judged = await Promise.all(
    exercises
      .map((exercise) => exercise.slug)
      .filter((slug) => isExerciseSlug(slug))
      .map(async (slug) => [slug, await loadExerciseDefinition(slug)] as const),
  );
  const answerVocabularies = new Map<string, AnswerVocabulary>();
  for (const [slug, definition] of judged)
    if (!isCodeExercise(definition)) answerVocabularies.set(slug, definition);
  return { lessons, exerciseTitles, answerVocabularies };
}

/** The best verdict per exercise (by rank, see pickBestSubmissions), when it was last reached, and the attempts. */
export type BestVerdict = { exerciseSlug: string; verdict: Verdict; at: Date; attempts: number };

/**
 * Consecutive days with any activity, ending today, or yesterday when today has none yet (a
 * streak is not broken before the day is over). Days are the learner's calendar days in `timeZone`.
 */
export function countStreak(activity: Date[], { now, timeZone }: Clock): number {
  const days = new Set(activity.map((date) => dayKey(date, timeZone)));
  let cursor = dayKey(now, timeZone);
  if (!days.has(cursor)) cursor = addDays(cursor, -1);
  let streak = 0;
  while (days.has(cursor)) {
    streak++;
    cursor = addDays(cursor, -1);
  }
  return streak;
}

/** One lesson of the course map, with its exercises and cards and how far the learner got. */
export type CourseMapEntry = {
  slug: string;
  title: string;
  read: boolean;
  exercises: Array<{ slug: string; title: string; verdict: Verdict | null }>;
  cards: { total: number; studied: number; topic: string | null };
};

/**
 * Everything the dashboard shows for one learner. Every query is scoped to `learnerId`; "today"
 * (cards due, streak) is the learner's calendar day in `timeZone`.
 */
export async function getDashboard(
  db: PrismaClient,
  learnerId: string,
  catalog: Catalog,
  { now = new Date(), timeZone, deckIds }: { now?: Date; timeZone: string; deckIds?: string[] },
) {
  const [reads, submissions, recent, due, cardsStudied, reviews] = await Promise.all([
    db.lessonRead.findMany({
      where: { learnerId },
      orderBy: { readAt: "asc" },
      select: { lessonSlug: true, readAt: true },
    }),
    db.submission.findMany({
      where: { learnerId },
      orderBy: { createdAt: "asc" },
      select: { exerciseSlug: true, verdict: true, createdAt: true },
    }),
    db.submission.findMany({
      where: { learnerId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, exerciseSlug: true, verdict: true, createdAt: true, answer: true },
    }),
    // The drill's own rule (lib/cards/due.ts), over the learner's deck (own cards included; a merged
    // or retired card is never shown, so never due).
    getDueCounts(learnerId, { now, timeZone, deck: deckIds?.map((id) => ({ id })) }, db),
    db.cardState.findMany({ where: { learnerId }, select: { cardId: true } }),
    db.reviewLog.findMany({ where: { learnerId, undone: false }, select: { review: true } }),
  ]);

  const best = new Map<string, BestVerdict>();
  for (const [slug, submission] of pickBestSubmissions(submissions.map(parseVerdictColumn))) {
    const { verdict, createdAt: at, attempts } = submission;
    best.set(slug, { exerciseSlug: slug, verdict, at, attempts });
  }

  const readSlugs = new Set(reads.map((read) => read.lessonSlug));
  const studied = new Set(cardsStudied.map((card) => card.cardId));
  const titleOf = (slug: string) => catalog.exerciseTitles.get(slug) ?? slug;
  /** An answer to an exercise of judgment in the form's words; null for code or an unreadable one. */
  const wordAnswer = (slug: string, column: string | null) => {
    const answer = column === null ? null : parseStoredAnswer(column);
    const vocabulary = catalog.answerVocabularies?.get(slug);
    return answer && vocabulary ? wordJudgmentAnswer(vocabulary, answer) : null;
  };
  const courseMap: CourseMapEntry[] = catalog.lessons.map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    read: readSlugs.has(lesson.slug),
    exercises: lesson.exercises.map((slug) => ({
      slug,
      title: titleOf(slug),
      verdict: best.get(slug)?.verdict ?? null,
    })),
    cards: {
      total: lesson.cards.length,
      studied: lesson.cards.filter((card) => studied.has(card)).length,
      topic: lesson.cardTopics[0] ?? null,
    },
  }));

  return {
    lessons: {
      read: courseMap.filter((lesson) => lesson.read).length,
      total: catalog.lessons.length,
      list: reads.map((read) => ({
        slug: read.lessonSlug,
        title: catalog.lessons.find((lesson) => lesson.slug === read.lessonSlug)?.title ?? read.lessonSlug,
        readAt: read.readAt,
      })),
    },
    exercises: [...best.values()].map((entry) => ({ ...entry, title: titleOf(entry.exerciseSlug) })),
    exercisesPassed: [...best.values()].filter((entry) => entry.verdict === "passed").length,
    /** Cards due today: now (what the drill shows at once) and later in the learner's day, each once. */
    cardsDue: due.now + due.laterToday,
    cardsDueNow: due.now,
    cardsDueLaterToday: due.laterToday,
    streak: countStreak(
      [
        ...reads.map((r) => r.readAt),
        ...submissions.map((s) => s.createdAt),
        ...reviews.map((r) => r.review),
      ],
      { now, timeZone },
    ),
    recentSubmissions: recent.map(parseVerdictColumn).map(({ answer, ...submission }) => ({
      ...submission,
      title: titleOf(submission.exerciseSlug),
      answer: wordAnswer(submission.exerciseSlug, answer),
    })),
    courseMap,
    next: pickNextStep(courseMap, due.now),
  };
}

/** The dashboard's data. */
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/**
 * What to do next: cards due now first (a card due later today waits: the drill would show none),
 * then, in course order, the first lesson not read or exercise not passed.
 */
export type NextStep =
  | { type: "review"; count: number }
  | { type: "lesson"; slug: string; title: string }
  | { type: "exercise"; slug: string; title: string }
  | { type: "done" };

function pickNextStep(courseMap: CourseMapEntry[], cardsDueNow: number): NextStep {
  if (cardsDueNow > 0) return { type: "review", count: cardsDueNow };
  for (const lesson of courseMap) {
    if (!lesson.read) return { type: "lesson", slug: lesson.slug, title: lesson.title };
    const open = lesson.exercises.find((exercise) => exercise.verdict !== "passed");
    if (open) return { type: "exercise", slug: open.slug, title: open.title };
  }
  return { type: "done" };
}
