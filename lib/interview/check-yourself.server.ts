import "server-only";
import path from "node:path";
import { z } from "zod";
import { getContentRoot, readCheckYourselfFile } from "@/lib/content/registry";
import { prisma } from "@/lib/db/prisma.server";
import { DomainError } from "@/lib/domain-error";
import { env } from "@/lib/env.server";
import { getBank } from "./bank.server";
import { CHECK_YOURSELF_FORMAT } from "./formats";
import { toView } from "./interviews.server";
import type { CheckYourselfView } from "./view";
import { buildItemView } from "./view.server";

// A lesson's "Check yourself" questions: 3 to 5 items of the bank that the lesson lists in
// content/interview/check-yourself/lessons.json. They are stored as an interview of their own format
// (Study mode: feedback and the model answer after each item), created on the first answer, with no
// clock, so answers go through the interview's own route, validation, limits and graders; it is
// never the learner's running interview and never in the history (interviews.server.ts, TIMED).

/** A deadline nobody reaches: check-yourself questions have no clock. */
const NO_DEADLINE = new Date("9999-12-31T00:00:00.000Z");

const ListsSchema = z.record(z.string(), z.array(z.string()).min(1).max(5));

let cached: { stamp: string; lists: ReadonlyMap<string, readonly string[]> } | null = null;

/** Lesson slug → its check-yourself item ids (read once per process in production, on every call in development). */
export function getCheckYourselfLists(): ReadonlyMap<string, readonly string[]> {
  const root = getContentRoot();
  const stamp = env.NODE_ENV === "production" ? root : path.join(root, String(Date.now()));
  if (cached?.stamp !== stamp) {
    const found = readCheckYourselfFile(root);
    const parsed = found ? ListsSchema.safeParse(found.raw) : { success: true as const, data: {} };
    if (!parsed.success) throw new Error(`${found?.file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    cached = { stamp, lists: new Map(Object.entries(parsed.data)) };
  }
  return cached.lists;
}

/** The lesson's check-yourself item ids that exist in the bank (none when the lesson lists none). */
export function getCheckYourselfIds(lesson: string): string[] {
  const bank = getBank();
  return (getCheckYourselfLists().get(lesson) ?? []).filter((id) => bank.get(id));
}

/** The same shuffle of order items for a lesson before and after its questions are stored. */
export function lessonSeed(lesson: string): number {
  let hash = 2166136261;
  for (const char of lesson) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return ((hash >>> 0) % (2 ** 31 - 2)) + 1;
}

function findStored(learnerId: string, lesson: string) {
  return prisma.interview.findFirst({
    where: { learnerId, format: CHECK_YOURSELF_FORMAT, focus: lesson, finishedAt: null },
    orderBy: { startedAt: "desc" },
    include: { answers: true },
  });
}

function requireLesson(lesson: string): string[] {
  const ids = getCheckYourselfIds(lesson);
  if (ids.length === 0) throw new DomainError("not-found", `No check-yourself questions for "${lesson}".`);
  return ids;
}

/**
 * The lesson's questions as the learner left them: answered ones with their feedback (Study mode),
 * the others without any answer. A learner with nothing stored (or none yet: null) gets fresh ones.
 */
export async function getCheckYourself(learnerId: string | null, lesson: string): Promise<CheckYourselfView> {
  const ids = requireLesson(lesson);
  const row = learnerId ? await findStored(learnerId, lesson) : null;
  if (row) return { lesson, interviewId: row.id, items: (await toView(row)).items };
  const bank = getBank();
  const seed = lessonSeed(lesson);
  const items = await Promise.all(
    ids.flatMap((id) => {
      const item = bank.get(id);
      return item ? [buildItemView(item, seed, null, false)] : [];
    }),
  );
  return { lesson, interviewId: null, items };
}

/** The learner's stored check-yourself interview of the lesson, created now when there is none. */
export async function startCheckYourself(learnerId: string, lesson: string): Promise<CheckYourselfView> {
  const ids = requireLesson(lesson);
  const row = await prisma.$transaction(async (tx) => {
    const existing = await tx.interview.findFirst({
      where: { learnerId, format: CHECK_YOURSELF_FORMAT, focus: lesson, finishedAt: null },
      orderBy: { startedAt: "desc" },
      include: { answers: true },
    });
    if (existing) return existing;
    return tx.interview.create({
      data: {
        learnerId,
        format: CHECK_YOURSELF_FORMAT,
        mode: "study",
        focus: lesson,
        seed: lessonSeed(lesson),
        items: JSON.stringify(ids),
        deadline: NO_DEADLINE,
      },
      include: { answers: true },
    });
  });
  return { lesson, interviewId: row.id, items: (await toView(row)).items };
}
