import { describe, expect, it } from "vitest";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { listExercises } from "@/lib/content/exercises.server";
import { type ExerciseEntry, getExerciseStatus, groupExercisesByLesson } from "./exercise-groups";

const entry = (slug: string, order: number): ExerciseEntry => ({
  slug,
  order,
  title: slug,
  summary: "",
  kind: "code",
  difficulty: "core",
  status: "not-started",
  verdict: null,
});

describe("the exercise list", () => {
  it("puts each exercise under the first lesson naming it, and the others last", () => {
    const lessons = [
      { slug: "one", title: "One", order: 1, exercises: ["b"] },
      { slug: "two", title: "Two", order: 2, exercises: ["a", "b"] },
    ];
    const groups = groupExercisesByLesson(lessons, [entry("a", 1), entry("b", 2), entry("c", 3)]);
    expect(groups.map((g) => [g.lesson?.slug ?? null, g.exercises.map((e) => e.slug)])).toEqual([
      ["one", ["b"]],
      ["two", ["a"]],
      [null, ["c"]],
    ]);
  });

  it("reads a status from the best verdict", () => {
    expect(getExerciseStatus(undefined)).toBe("not-started");
    expect(getExerciseStatus("passed")).toBe("passed");
    expect(getExerciseStatus("compile-error")).toBe("failed");
  });

  it("numbers the course's exercises 1, 2, 3… in the order the grouped list shows them", async () => {
    const exercises = (await listExercises()).map((e) => entry(e.slug, e.order));
    const shown = groupExercisesByLesson(readLessonSummaries(), exercises).flatMap((g) => g.exercises);
    expect(shown.map((e) => e.order)).toEqual(shown.map((_, index) => index + 1));
  });
});
