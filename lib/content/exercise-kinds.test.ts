import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { EXERCISE_KINDS, type ExerciseKind, unknownKind } from "./exercise-schema";
import type { JudgmentKind } from "./judgment-schema";
import {
  isCodeKind,
  listCodeExerciseSlugs,
  listExerciseSlugs,
  loadExerciseDefinition,
  parseExerciseDefinition,
} from "./registry";

// The exercise kinds are one discriminated union (ExerciseDefinitionSchema); each switch on the kind
// (the page, the submissions route, the registry, the grading of judgment) ends in unknownKind, whose
// `never` parameter makes a kind added to the union a type error there until it is handled.
describe("the exercise kinds", () => {
  it("are the coded exercise and the exercises of judgment, each once", () => {
    expect(EXERCISE_KINDS).toEqual(["code", "tune", "diagnose", "predict"]);
    expectTypeOf<ExerciseKind>().toEqualTypeOf<"code" | JudgmentKind>();
  });

  it("place every exercise of the course: code in the sandbox, the rest graded as answers", async () => {
    const kinds = await Promise.all(
      listExerciseSlugs().map(async (slug) => [slug, (await loadExerciseDefinition(slug)).kind] as const),
    );
    expect(new Set(kinds.map(([, kind]) => kind))).toEqual(new Set(EXERCISE_KINDS));
    expect(listCodeExerciseSlugs()).toEqual(
      kinds.filter(([, kind]) => isCodeKind(kind)).map(([slug]) => slug),
    );
  });

  it("read a missing kind as code and refuse an unknown one, naming the file", () => {
    const base = { title: "T", summary: "S", order: 1, difficulty: "intro" };
    expect(() => parseExerciseDefinition(JSON.stringify({ ...base, kind: "estimate" }), "x.json")).toThrow(
      /^x\.json: field "kind"/,
    );
    expect(() => parseExerciseDefinition(JSON.stringify(base), "y.json")).toThrow(
      /^y\.json: field "optimizer"/,
    );
  });

  it("fail at run time too when a value of no known kind reaches a switch", () => {
    expect(() => unknownKind({ kind: "estimate" } as never)).toThrow(
      'No case for the exercise kind "estimate".',
    );
    expect(() => isCodeKind("estimate" as ExerciseKind)).toThrow(/"estimate"/);
  });
});

describe("the kind read without validating the rest (listCodeExerciseSlugs)", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "descent-kinds-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (slug: string, json: object) => {
    mkdirSync(path.join(root, "exercises", slug), { recursive: true });
    writeFileSync(path.join(root, "exercises", slug, "exercise.json"), JSON.stringify(json));
  };

  it("is code when absent, and an unknown kind is an error naming the file", () => {
    write("adam", { title: "Adam" });
    write("tune-it", { kind: "tune" });
    expect(listCodeExerciseSlugs(root)).toEqual(["adam"]);
    write("zz-new", { kind: "estimate" });
    expect(() => listCodeExerciseSlugs(root)).toThrow(/zz-new.exercise\.json: field "kind"/);
  });
});
