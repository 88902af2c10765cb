import "server-only";
import { prisma } from "@/lib/db/prisma.server";

/** A lesson the learner has marked as read. */
export type ReadLesson = { lessonSlug: string; readAt: Date };

/** Marks a lesson read for this learner (idempotent: keeps the first readAt). */
export async function markLessonRead(learnerId: string, lessonSlug: string): Promise<ReadLesson> {
  return prisma.lessonRead.upsert({
    where: { learnerId_lessonSlug: { learnerId, lessonSlug } },
    create: { learnerId, lessonSlug },
    update: {},
    select: { lessonSlug: true, readAt: true },
  });
}

/** Removes the read mark of a lesson for this learner (no error when absent). */
export async function unmarkLessonRead(learnerId: string, lessonSlug: string): Promise<void> {
  await prisma.lessonRead.deleteMany({ where: { learnerId, lessonSlug } });
}

/** The lessons this learner has read, oldest first. */
export async function listReadLessons(learnerId: string): Promise<ReadLesson[]> {
  return prisma.lessonRead.findMany({
    where: { learnerId },
    select: { lessonSlug: true, readAt: true },
    orderBy: { readAt: "asc" },
  });
}
