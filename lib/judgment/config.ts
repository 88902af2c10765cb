import type { JudgmentConfig } from "../content/judgment-schema";
import { isCodeExercise, isExerciseSlug, loadExerciseDefinition } from "../content/registry";

/** The exercise.json of an exercise of judgment, or null (unknown slug, or a coded exercise). */
export async function loadJudgmentConfig(slug: string): Promise<JudgmentConfig | null> {
  if (!isExerciseSlug(slug)) return null;
  const definition = await loadExerciseDefinition(slug);
  return isCodeExercise(definition) ? null : definition;
}
