// The interview question bank (content/interview/*.json) as content: enough items, every lesson,
// dimension and type present, explain rubrics of 3-5 points, numeric items only through the
// engine's computations, formula items whose accepted forms agree with the answer and whose
// look-alikes do not, and 3-5 "Check yourself" items per lesson drawn from the lesson's own items.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { evaluate } from "mathjs";
import { describe, expect, it } from "vitest";
import {
  COMPUTE_NAMES,
  INTERVIEW_DIMENSIONS,
  INTERVIEW_ITEM_TYPES,
  type InterviewItem,
  type InterviewItemOf,
  parseInterviewFile,
} from "@/lib/content/interview-schema";

const root = path.resolve(process.env.CONTENT_DIR ?? "content");
const bankDir = path.join(root, "interview");
const items: InterviewItem[] = readdirSync(bankDir)
  .filter((name) => name.endsWith(".json"))
  .flatMap((name) =>
    parseInterviewFile(JSON.parse(readFileSync(path.join(bankDir, name), "utf8")), `interview/${name}`),
  );
const lessonSlugs = readdirSync(path.join(root, "lessons"))
  .filter((name) => name.endsWith(".mdx"))
  .map((name) => name.replace(/^\d+-/, "").replace(/\.mdx$/, ""));
const ofType = <T extends InterviewItem["type"]>(type: T) =>
  items.filter((item): item is InterviewItemOf<T> => item.type === type);

describe("the interview bank's coverage", () => {
  it("has at least 80 items with unique ids", () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it("covers every lesson with at least five items", () => {
    for (const slug of lessonSlugs)
      expect(items.filter((item) => item.lesson === slug).length, slug).toBeGreaterThanOrEqual(5);
  });

  it("has every dimension, type and difficulty", () => {
    for (const dimension of INTERVIEW_DIMENSIONS)
      expect(
        items.some((item) => item.dimension === dimension),
        dimension,
      ).toBe(true);
    for (const type of INTERVIEW_ITEM_TYPES)
      expect(
        items.some((item) => item.type === type),
        type,
      ).toBe(true);
    for (const difficulty of [1, 2, 3])
      expect(
        items.some((item) => item.difficulty === difficulty),
        `difficulty ${difficulty}`,
      ).toBe(true);
  });

  it("has single-answer and select-all choice items", () => {
    const choices = ofType("choice");
    expect(choices.some((item) => item.correct.length === 1)).toBe(true);
    expect(choices.some((item) => item.correct.length > 1)).toBe(true);
  });

  it("gives every explain item 3 to 5 key points, each with lowercase phrases", () => {
    for (const item of ofType("explain")) {
      expect(item.keyPoints.length, item.id).toBeGreaterThanOrEqual(3);
      expect(item.keyPoints.length, item.id).toBeLessThanOrEqual(5);
      for (const point of item.keyPoints)
        for (const phrase of point.phrases)
          if (!phrase.startsWith("/")) expect(phrase, `${item.id}.${point.id}`).toBe(phrase.toLowerCase());
    }
  });

  it("names only the engine's computations in numeric items", () => {
    const names: readonly string[] = COMPUTE_NAMES;
    for (const item of ofType("numeric")) expect(names, item.id).toContain(item.compute.name);
  });

  it("chains the three code follow-ups the course promises", () => {
    const chains = ofType("code").map((item) => `${item.exercise}->${item.followUpExercise ?? ""}`);
    for (const chain of ["momentum->nesterov", "adam->adamw", "adam->amsgrad"])
      expect(chains).toContain(chain);
  });
});

// A seeded generator, so a failure names the same points on every run.
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

const POINTS = 64;
function samplePoints(item: InterviewItemOf<"formula">): Array<Record<string, number>> {
  const random = seeded(item.id.length * 7919 + 17);
  return Array.from({ length: POINTS }, () =>
    Object.fromEntries(
      Object.entries(item.variables).map(([name, { min, max }]) => [name, min + (max - min) * random()]),
    ),
  );
}
function value(expression: string, scope: Record<string, number>): number {
  const result: unknown = evaluate(expression, { ...scope });
  return typeof result === "number" ? result : Number.NaN;
}
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("formula items", () => {
  const formulas = ofType("formula");

  it.each(formulas.map((item) => [item.id, item] as const))(
    "%s: the answer is finite, the accepted forms agree and every look-alike disagrees",
    (_id, item) => {
      const points = samplePoints(item);
      for (const point of points) expect(Number.isFinite(value(item.answer, point))).toBe(true);
      for (const accepted of item.accepts)
        for (const point of points)
          expect(
            close(value(accepted, point), value(item.answer, point)),
            `${accepted} at ${JSON.stringify(point)}`,
          ).toBe(true);
      for (const lookalike of item.lookalikes) {
        // Disagreeing at a handful of points is not enough for a learner to be told apart: ask for
        // a clear share of the sample.
        const differing = points.filter(
          (point) => !close(value(lookalike, point), value(item.answer, point)),
        );
        expect(differing.length, lookalike).toBeGreaterThanOrEqual(POINTS / 8);
      }
    },
  );

  it("uses only variables it declares", () => {
    for (const item of formulas) {
      const declared = new Set(Object.keys(item.variables));
      const known = new Set(["sqrt", "cos", "sin", "abs", "min", "max", "sign", "exp", "log", "pi"]);
      for (const expression of [item.answer, ...item.accepts, ...item.lookalikes])
        for (const name of expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])
          expect(declared.has(name) || known.has(name), `${item.id}: ${name} in ${expression}`).toBe(true);
    }
  });
});

describe("check yourself", () => {
  const lists = JSON.parse(
    readFileSync(path.join(bankDir, "check-yourself", "lessons.json"), "utf8"),
  ) as Record<string, string[]>;
  const byId = new Map(items.map((item) => [item.id, item]));

  it("lists 3 to 5 of each lesson's own items", () => {
    expect(Object.keys(lists).sort()).toEqual([...lessonSlugs].sort());
    for (const [slug, ids] of Object.entries(lists)) {
      expect(ids.length, slug).toBeGreaterThanOrEqual(3);
      expect(ids.length, slug).toBeLessThanOrEqual(5);
      expect(new Set(ids).size, slug).toBe(ids.length);
      for (const id of ids) expect(byId.get(id)?.lesson, `${slug}: ${id}`).toBe(slug);
    }
  });
});
