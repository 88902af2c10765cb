import "server-only";
import { listExercises } from "@/lib/content/exercises.server";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { addDays, type Clock, dayKey, startOfNextDay } from "@/lib/time/days";

/** A lesson as the course map needs it, from its frontmatter only (no compilation). */
export type CatalogLesson = {
  slug: string;
  title: string;
  order: number;
  exercises: string[];
  cards: string[];
};
/** The course's lessons in order, and exercise titles by slug. */
export type Catalog = { lessons: CatalogLesson[]; exerciseTitles: Map<string, string> };

/** The course outline from the content modules: lesson frontmatter (no MDX compiled) and exercise titles. */
export async function getCatalog(): Promise<Catalog> {
  const lessons = readLessonSummaries().map(({ slug, title, order, exercises, cards }) => ({
    slug,
    title,
    order,
    exercises,
    cards,
  }));
  const exerciseTitles = new Map((await listExercises()).map((exercise) => [exercise.slug, exercise.title]));
  return { lessons, exerciseTitles };
}

// Better verdicts rank higher; anything unknown ranks lowest.
const VERDICT_RANK: Record<string, number> = { pass: 3, fail: 2, error: 1 };

/** The best verdict per exercise and when it was first reached. */
export type BestVerdict = { exerciseSlug: string; verdict: string; at: Date; attempts: number };

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
  exercises: Array<{ slug: string; title: string; verdict: string | null }>;
  cards: { total: number; studied: number };
};

/**
 * Everything the dashboard shows for one learner. Every query is scoped to `learnerId`; "today"
 * (cards due, streak) is the learner's calendar day in `timeZone`.
 */
export async function getDashboard(
  db: PrismaClient,
  learnerId: string,
  catalog: Catalog,
  { now = new Date(), timeZone }: { now?: Date; timeZone: string },
) {
  const endOfToday = startOfNextDay(now, timeZone);
  const [reads, submissions, recent, cardsDue, cardsStudied, reviews] = await Promise.all([
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
      select: { id: true, exerciseSlug: true, verdict: true, createdAt: true },
    }),
    db.cardState.count({ where: { learnerId, due: { lt: endOfToday } } }),
    db.cardState.findMany({ where: { learnerId }, select: { cardId: true } }),
    db.reviewLog.findMany({ where: { learnerId, undone: false }, select: { review: true } }),
  ]);

  const best = new Map<string, BestVerdict>();
  for (const submission of submissions) {
    const current = best.get(submission.exerciseSlug);
    const rank = VERDICT_RANK[submission.verdict] ?? 0;
    if (!current) {
      best.set(submission.exerciseSlug, {
        exerciseSlug: submission.exerciseSlug,
        verdict: submission.verdict,
        at: submission.createdAt,
        attempts: 1,
      });
      continue;
    }
    current.attempts++;
    // Submissions come oldest first: keep the date the best verdict was first reached.
    if (rank > (VERDICT_RANK[current.verdict] ?? 0))
      Object.assign(current, { verdict: submission.verdict, at: submission.createdAt });
  }

  const readSlugs = new Set(reads.map((read) => read.lessonSlug));
  const studied = new Set(cardsStudied.map((card) => card.cardId));
  const titleOf = (slug: string) => catalog.exerciseTitles.get(slug) ?? slug;
  const courseMap: CourseMapEntry[] = catalog.lessons.map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    read: readSlugs.has(lesson.slug),
    exercises: lesson.exercises.map((slug) => ({
      slug,
      title: titleOf(slug),
      verdict: best.get(slug)?.verdict ?? null,
    })),
    cards: { total: lesson.cards.length, studied: lesson.cards.filter((card) => studied.has(card)).length },
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
    cardsDue,
    streak: countStreak(
      [
        ...reads.map((r) => r.readAt),
        ...submissions.map((s) => s.createdAt),
        ...reviews.map((r) => r.review),
      ],
      { now, timeZone },
    ),
    recentSubmissions: recent.map((submission) => ({
      ...submission,
      title: titleOf(submission.exerciseSlug),
    })),
    courseMap,
    next: pickNextStep(courseMap, cardsDue),
  };
}

/** The dashboard's data. */
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** What to do next: due cards first, then the first lesson not read, then its unsolved exercise. */
export type NextStep =
  | { type: "review"; count: number }
  | { type: "lesson"; slug: string; title: string }
  | { type: "exercise"; slug: string; title: string }
  | { type: "done" };

function pickNextStep(courseMap: CourseMapEntry[], cardsDue: number): NextStep {
  if (cardsDue > 0) return { type: "review", count: cardsDue };
  for (const lesson of courseMap) {
    if (!lesson.read) return { type: "lesson", slug: lesson.slug, title: lesson.title };
    const open = lesson.exercises.find((exercise) => exercise.verdict !== "pass");
    if (open) return { type: "exercise", slug: open.slug, title: open.title };
  }
  return { type: "done" };
}
