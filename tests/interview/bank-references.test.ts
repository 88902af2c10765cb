import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInterviewFile } from "@/lib/content/interview-schema";
import { type ContentIndex, findReferenceProblems } from "@/lib/content/references";
import { findBankProblems } from "@/lib/interview/check-bank";
import { fixtureItems } from "./fixtures";

const file = "tests/fixtures/interview/broken-items.json";
const brokenItems = parseInterviewFile(JSON.parse(readFileSync(file, "utf8")), file);
/** A small course: one lesson with one heading, two cards, a coded exercise and one of judgment. */
const index: ContentIndex = {
  lessons: [{ file: "01-first.mdx", slug: "first", cards: [], exercises: [], headingIds: ["real-heading"] }],
  exercises: [
    { file: "good/exercise.json", slug: "good", kind: "code", diagnoses: [] },
    { file: "curve/exercise.json", slug: "curve", kind: "diagnose", diagnoses: [] },
  ],
  cards: [{ file: "basics.json", id: "basics-one", topic: "basics", lesson: "first", mistakes: [] }],
  diagnosisIds: [],
  staticRoutes: [],
  links: [],
  interview: brokenItems.map((item) => ({ file, item })),
};

describe("the question bank's checks", () => {
  it("name the file, item and value of every broken reference", () => {
    const problems = findReferenceProblems(index).map((p) => `${p.file} ${p.field} ${p.value}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file} fine.followUps.item ghost-item`,
        `${file} fine.followUps.ifMissed zzz`,
        `${file} fine-code.topic nowhere`,
        `${file} fine-code.lesson ghost`,
        `${file} fine-code.cards no-card`,
        `${file} fine-code.exercise nope`,
        `${file} bad-section.section no-such-heading`,
        `${file} bad-section.exercise good`,
        `${file} fine.id fine`,
      ]),
    );
  });

  it("name a computation its arguments break", () => {
    expect(findBankProblems(index.interview ?? [])).toEqual([
      expect.stringMatching(/broken-items.json: fine: compute "ema-window": args.beta/),
    ]);
  });

  it("find nothing wrong in the test bank's numbers and formulas", () => {
    expect(findBankProblems(fixtureItems.map((item) => ({ file: "bank.json", item })))).toEqual([]);
  });

  it("refuse an item of the wrong shape, naming file, item and field", () => {
    expect(() => parseInterviewFile([{ ...fixtureItems[0], correct: ["missing"] }], "x.json")).toThrow(
      /x.json: item 0 "adam-bias-why": field "correct": every correct id must be an option id/,
    );
    expect(() => parseInterviewFile([{ ...fixtureItems[0], type: "essay" }], "x.json")).toThrow(
      /field "type"/,
    );
    expect(() => parseInterviewFile({}, "x.json")).toThrow(/x.json: must be a JSON array/);
  });
});
