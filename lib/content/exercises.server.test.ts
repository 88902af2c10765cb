import { describe, expect, it } from "vitest";

const { EXERCISE_SLUGS, getExercise, getWorkedFirstStep, listExercises } = await import("./exercises.server");

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

  it("computes the worked first step with the core (momentum: x1 = x0 - lr * g)", async () => {
    const step = await getWorkedFirstStep("momentum");
    const lr = step?.hp.lr as number;
    expect(step?.x1[0]).toBeCloseTo((step?.x0[0] as number) - lr * (step?.grad[0] as number), 12);
  });

  it("uses the schedule's first rate in the worked step (warm-up: lr / W)", async () => {
    const step = await getWorkedFirstStep("warmup-cosine");
    const lr = (step?.hp.lr as number) / (step?.hp.warmupSteps as number);
    expect(step?.x1[0]).toBeCloseTo((step?.x0[0] as number) - lr * (step?.grad[0] as number), 12);
  });
});
