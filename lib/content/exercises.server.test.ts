import { describe, expect, it } from "vitest";

const { EXERCISE_SLUGS } = await import("@/lib/grader/exercise-store");
const { getExercise, listExercises } = await import("./exercises.server");

describe("exercises content", () => {
  it("lists every exercise in order with its optimizer", async () => {
    const list = await listExercises();
    expect(list.map((e) => e.slug)).toEqual([...EXERCISE_SLUGS]);
    expect(list.find((e) => e.slug === "adam")?.optimizer).toBe("adam");
  });

  it("never sends the reference solution or the hidden suite", async () => {
    for (const slug of EXERCISE_SLUGS) {
      const exercise = await getExercise(slug);
      expect(exercise).not.toBeNull();
      expect(Object.keys(exercise ?? {}).sort()).toEqual([
        "hyperNames",
        "order",
        "slug",
        "starter",
        "summary",
        "taskMdx",
        "title",
        "typesDts",
        "visibleTests",
      ]);
      expect(exercise?.taskMdx).toContain("<WorkedFirstStep />");
      expect(exercise?.typesDts).toContain("interface Hyper");
    }
    expect(await getExercise("nope")).toBeNull();
  });
});
