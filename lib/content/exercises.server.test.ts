import { describe, expect, it } from "vitest";

const { listCodeExerciseSlugs, listExerciseSlugs } = await import("./registry");
const { getExercise, listExercises } = await import("./exercises.server");

describe("exercises content", () => {
  it("lists every exercise in order with its optimizer", async () => {
    const list = await listExercises();
    expect(list.map((e) => e.slug).sort()).toEqual(listExerciseSlugs());
    expect(list.map((e) => e.order)).toEqual([...list.map((e) => e.order)].sort((a, b) => a - b));
    expect(list.find((e) => e.slug === "adam")?.optimizer).toBe("adam");
  });

  it("lists the exercises of judgment with their kind, and only coded ones have an editor page", async () => {
    const list = await listExercises();
    expect(list.find((e) => e.slug === "tune-adam-rosenbrock")).toMatchObject({
      kind: "tune",
      optimizer: "adam",
    });
    expect(list.find((e) => e.slug === "read-the-loss-curve")).toMatchObject({
      kind: "diagnose",
      optimizer: null,
    });
    expect(list.find((e) => e.slug === "adam")?.kind).toBe("code");
    const code = listCodeExerciseSlugs();
    expect(code).toContain("adam");
    for (const slug of listExerciseSlugs().filter((s) => !code.includes(s)))
      expect(await getExercise(slug)).toBeNull();
  });

  it("never sends the reference solution or the hidden suite", async () => {
    for (const slug of listCodeExerciseSlugs()) {
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
