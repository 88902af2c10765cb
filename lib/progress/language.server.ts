import "server-only";
import { prisma } from "@/lib/db/prisma.server";
import { isLanguage, type Language } from "@/lib/harness/languages";

/** The language a learner chose for coded exercises, or null when they never chose (TypeScript). */
export async function getLearnerLanguage(learnerId: string): Promise<Language | null> {
  const row = await prisma.learner.findUnique({ where: { id: learnerId }, select: { language: true } });
  return isLanguage(row?.language) ? row.language : null;
}

/** Stores the learner's choice of language for coded exercises. */
export async function setLearnerLanguage(learnerId: string, language: Language): Promise<void> {
  await prisma.learner.update({ where: { id: learnerId }, data: { language } });
}
