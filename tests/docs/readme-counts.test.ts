// What README.md counts and lists (optimizers, objectives, exercises, lessons, cards, golden
// cases) is what the code and the content registry hold: adding one without updating the README
// fails here, with the sentence to change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  getContentRoot,
  listCodeExerciseSlugs,
  listExerciseSlugs,
  listLessonSlugs,
  readCardFiles,
} from "@/lib/content/registry";
import { OBJECTIVE_NAMES } from "@/lib/objectives";
import { OPTIMIZER_NAMES } from "@/lib/optim";

const README = readFileSync("README.md", "utf8");

/** The text of a "## " section of README.md, without its heading. */
function section(title: string): string {
  const found = README.split(/^## /m).find((part) => part.startsWith(`${title}\n`));
  if (!found) throw new Error(`README.md has no "## ${title}" section`);
  return found.slice(title.length + 1);
}

/** The number a phrase starts with in `text` ("14 lessons" → 14), or throws naming the phrase. */
function countBefore(text: string, noun: string): number {
  const match = new RegExp(String.raw`(\d+)\s+${noun}`).exec(text.replace(/\s+/g, " "));
  if (!match?.[1]) throw new Error(`README.md no longer says how many ${noun}`);
  return Number(match[1]);
}

/** The `backticked` words of a piece of text. */
function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

/** The bullet of "Using Descent" that starts with `**label**`. */
function bullet(label: string): string {
  const found = section("Using Descent")
    .split(/\n- /)
    .find((item) => item.replace(/^- /, "").startsWith(`**${label}**`));
  if (!found) throw new Error(`"Using Descent" has no bullet **${label}**`);
  return found;
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe("README.md's numbers", () => {
  it("lists every optimizer of the core, and counts them", () => {
    const core = section("The reference optimizer core");
    expect(countBefore(core, "optimizers")).toBe(OPTIMIZER_NAMES.length);
    const paragraph = core.split("\n\n")[0] ?? "";
    for (const name of OPTIMIZER_NAMES) expect(paragraph, name).toMatch(new RegExp(String.raw`\b${name}\b`));
  });

  it("lists every test objective, and counts them", () => {
    const core = section("The reference optimizer core");
    expect(countBefore(core, "test objectives")).toBe(OBJECTIVE_NAMES.length);
    const list = /test\s+objectives\s+\(([^)]*)\)/.exec(core)?.[1] ?? "";
    expect(sorted(list.split(",").map((name) => name.trim()))).toEqual(sorted(OBJECTIVE_NAMES));
  });

  it("lists every coded exercise, and counts them", () => {
    const text = bullet("Exercises");
    // The list is the first sentence: `slug`s up to "Export".
    const list = text.slice(0, text.indexOf(" Export"));
    const slugs = listCodeExerciseSlugs();
    expect(countBefore(list, "coded exercises")).toBe(slugs.length);
    expect(sorted(backticked(list).filter((word) => word !== "/exercises"))).toEqual(sorted(slugs));
  });

  it("lists every exercise of judgment, and counts them", () => {
    const text = bullet("Exercises of judgment");
    const list = /^\*\*Exercises of judgment\*\* \(([^)]*)\)/.exec(text.replace(/^- /, ""))?.[1] ?? "";
    const code = new Set<string>(listCodeExerciseSlugs());
    const judgment = listExerciseSlugs().filter((slug) => !code.has(slug));
    expect(countBefore(list, "on the same list")).toBe(judgment.length);
    expect(sorted(backticked(list))).toEqual(sorted(judgment));
  });

  it("says how many curves the diagnosis exercise shows and how many steps the tuning run has", () => {
    const text = bullet("Exercises of judgment").replace(/\s+/g, " ");
    const exercise = (slug: string) =>
      JSON.parse(readFileSync(path.join(getContentRoot(), "exercises", slug, "exercise.json"), "utf8"));
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const curves = exercise("read-the-loss-curve").curves.length;
    expect(text).toContain(`*Diagnose* ${words[curves] ?? curves} real loss curves`);
    expect(text).toContain(`within ${exercise("tune-adam-rosenbrock").steps} steps`);
  });

  it("counts the lessons and the cards", () => {
    expect(countBefore(bullet("Course"), "lessons")).toBe(listLessonSlugs().length);
    const cards = readCardFiles().reduce((sum, { raw }) => sum + (Array.isArray(raw) ? raw.length : 0), 0);
    expect(countBefore(bullet("Drills"), "interview cards")).toBe(cards);
  });

  it("gives the number of cases of the public golden file", () => {
    const golden = JSON.parse(readFileSync("tests/fixtures/golden/torch-public.json", "utf8"));
    const claim = `"${golden.cases.length} passed, 0 failed"`;
    expect(README).toContain(claim);
    expect(readFileSync("lib/optim/README.md", "utf8")).toContain(claim.replaceAll('"', "`"));
  });
});
