import "server-only";
import {
  type ExerciseSlug,
  isExerciseSlug,
  loadExerciseDefinition,
  readExerciseFile,
} from "@/lib/content/registry";
import { compileWriteup } from "@/lib/content/writeups.server";
import type { Language } from "@/lib/harness/languages";

/** An exercise's reference solution in one language, and its compiled write-up. */
export type ReferenceSolution = { code: string; language: Language; writeupCode: string };

/** The slug when it names a coded exercise (the only kind with a reference solution), else null. */
export async function findCodedExercise(slug: string): Promise<ExerciseSlug | null> {
  if (!isExerciseSlug(slug)) return null;
  return (await loadExerciseDefinition(slug)).kind === "code" ? slug : null;
}

/** The reference solution in the learner's language (solution.ts or solution.py) with the write-up. */
export async function getReferenceSolution(
  slug: ExerciseSlug,
  language: Language,
): Promise<ReferenceSolution> {
  const [code, writeupCode] = await Promise.all([
    readExerciseFile(slug, language === "python" ? "solution.py" : "solution.ts"),
    compileWriteup(slug),
  ]);
  return { code, language, writeupCode };
}
