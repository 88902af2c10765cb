import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findReferenceProblems, formatReferenceProblems } from "./references";
import { assertContentReferences, listStaticRoutes, readContentIndex } from "./references.server";

const broken = { content: path.resolve("tests/fixtures/content-broken"), app: path.resolve("app") };

describe("content cross-references", () => {
  it("all resolve in the course as written", () => {
    expect(() => assertContentReferences()).not.toThrow();
  });

  it("every lesson's cards name at least one real card", () => {
    const index = readContentIndex();
    const names = new Set(index.cards.flatMap((card) => [card.topic, card.id]));
    for (const lesson of index.lessons) {
      expect(lesson.cards.length, lesson.file).toBeGreaterThan(0);
      for (const value of lesson.cards) expect(names.has(value), `${lesson.file}: ${value}`).toBe(true);
    }
  });

  it("names the file and the value of every broken reference in a broken fixture", () => {
    const problems = findReferenceProblems(readContentIndex(broken)).map(
      (p) => `${p.file} ${p.field} ${p.value}`,
    );
    const lesson = "tests/fixtures/content-broken/lessons/01-first.mdx";
    expect(problems).toEqual(
      expect.arrayContaining([
        `${lesson} cards ewma`,
        `${lesson} exercises nope`,
        "tests/fixtures/content-broken/exercises/good/exercise.json diagnoses not-a-diagnosis",
        "tests/fixtures/content-broken/cards/basics.json basics-two.lesson ghost",
        "tests/fixtures/content-broken/cards/basics.json basics-two.mistakes bogus",
        `${lesson} link /learn/nowhere`,
        `${lesson} link /learn/second#no-such-heading`,
        `${lesson} link /cards?topic=zzz`,
        `${lesson} link /exercises/bad`,
        `${lesson} link /pricing`,
        "tests/fixtures/content-broken/lessons/02-second.mdx link ../relative",
        "tests/fixtures/content-broken/exercises/good/task.mdx link /learn/third",
        "tests/fixtures/content-broken/cards/basics.json link /learn/ghost",
        // A second exercise folder and a second card file, found by listing the folders.
        "tests/fixtures/content-broken/exercises/another/exercise.json diagnoses sign-eror",
        "tests/fixtures/content-broken/cards/more.json more-one.lesson third",
      ]),
    );
    // What resolves is not reported: a topic, a card id, headings, static pages, code spans, external
    // links, links to the discovered exercises.
    expect(problems).toHaveLength(15);
  });

  it("reports every problem at once, one line each", () => {
    const message = formatReferenceProblems(findReferenceProblems(readContentIndex(broken)));
    expect(message.split("\n")).toHaveLength(16);
    expect(message).toContain('01-first.mdx: cards "ewma" is neither a card topic nor a card id');
  });

  it("knows the app's static routes, route groups removed and dynamic ones left out", () => {
    const routes = listStaticRoutes(path.resolve("app"));
    expect(routes).toEqual(
      expect.arrayContaining(["/", "/learn", "/exercises", "/cards", "/cards/stats", "/signin"]),
    );
    expect(routes.some((route) => route.includes("[") || route.includes("("))).toBe(false);
  });

  it("fails the build step naming the file and the value", async () => {
    const failure = await promisify(execFile)("npx", [
      "tsx",
      "--conditions=react-server",
      "scripts/check-content.ts",
      "--content",
      broken.content,
    ]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'tests/fixtures/content-broken/exercises/good/exercise.json: diagnoses "not-a-diagnosis" is no grader diagnosis id',
    );
  });
});
