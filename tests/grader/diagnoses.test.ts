import { describe, expect, it } from "vitest";
import { LANGUAGE_MISTAKE_IDS } from "@/lib/content/diagnosis-ids";
import { listCodeExerciseSlugs, loadExerciseConfig } from "@/lib/content/registry";
import { findDivergence } from "@/lib/grader/compare";
import { DIAGNOSES, DIAGNOSIS_IDS, type DiagnosisId } from "@/lib/grader/diagnoses";
import { diagnose, type FailedRun, resolveTests } from "@/lib/grader/grade-core";
import { runReference, runVariant } from "@/lib/grader/reference";
import { getVariantIds } from "@/lib/grader/variants";

describe("diagnosis ids", () => {
  it("are unique, each with a title and an explanation", () => {
    expect(new Set(DIAGNOSIS_IDS).size).toBe(DIAGNOSIS_IDS.length);
    for (const id of DIAGNOSIS_IDS) {
      expect(DIAGNOSES[id].title.length, id).toBeGreaterThan(5);
      expect(DIAGNOSES[id].explanation.length, id).toBeGreaterThan(40);
    }
  });

  it("are each tried by at least one exercise", async () => {
    const used = new Set<string>();
    for (const slug of listCodeExerciseSlugs())
      for (const id of (await loadExerciseConfig(slug)).diagnoses) used.add(id);
    const languageMistakes: readonly string[] = LANGUAGE_MISTAKE_IDS;
    for (const id of DIAGNOSIS_IDS) if (!languageMistakes.includes(id)) expect(used.has(id), id).toBe(true);
  });
});

// A learner who makes exactly one mistake runs that mistake's variant: it must fail the suite and be
// named by diagnose() (grade-core) with that id, not with an earlier listed one.
describe.each(listCodeExerciseSlugs())("%s: diagnoses", (slug) => {
  it("lists only mistakes with a variant for this exercise", async () => {
    const config = await loadExerciseConfig(slug);
    expect(config.diagnoses.length).toBeGreaterThan(0);
    expect(new Set(config.diagnoses).size).toBe(config.diagnoses.length);
    for (const id of config.diagnoses) expect(getVariantIds(config), id).toContain(id);
  });

  it("catches every listed mistake and names it", async () => {
    const config = await loadExerciseConfig(slug);
    const tests = resolveTests(config);
    const references = tests.map((test) => runReference(config, test));
    for (const id of config.diagnoses as DiagnosisId[]) {
      const failed: FailedRun[] = [];
      tests.forEach((test, index) => {
        const actual = runVariant(config, test, id) as Float64Array;
        const expected = references[index] as Float64Array;
        const div = findDivergence(expected, actual, test.dim);
        if (!div) return;
        const at = div.row * test.dim + div.coordinate;
        const nonFinite = !Number.isFinite(actual[at] as number) && Number.isFinite(expected[at] as number);
        failed.push({ test, actual, nonFinite });
      });
      expect(failed.length, `${id} is never caught`).toBeGreaterThan(0);
      expect(diagnose(config, failed)?.id, id).toBe(id);
    }
  });
});
