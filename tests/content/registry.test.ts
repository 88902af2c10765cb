// Content is data: a newcomer adds a lesson, an exercise and a card file to content/ and
// nothing else. The course is copied to a temporary folder, the fixture files of
// tests/fixtures/content-added are added to it, and CONTENT_DIR points the app, the grader and the
// scripts at it.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCardIdsForMistake, getDeck } from "@/lib/cards/deck";
import { getExercise, listExercises } from "@/lib/content/exercises.server";
import { readLessonSummaries } from "@/lib/content/lessons.server";
import { assertContentReferences } from "@/lib/content/references.server";
import {
  getContentRoot,
  isExerciseSlug,
  listExerciseSlugs,
  listLessonSlugs,
  loadExerciseConfig,
} from "@/lib/content/registry";
import { getExerciseView } from "@/lib/exercises/exercise-view.server";
import { GradeResultSchema } from "@/lib/grader/result";

const run = promisify(execFile);
const added = path.resolve("tests/fixtures/content-added");
const app = path.resolve("app");

/** A copy of the real course with the fixture files added. */
function makeCourse(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "descent-content-"));
  cpSync(path.resolve("content"), root, { recursive: true });
  cpSync(added, root, { recursive: true });
  return root;
}

/** Runs a script of scripts/ with CONTENT_DIR set; resolves with its exit code and output. */
async function runScript(
  root: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return run("npx", ["tsx", "--conditions=react-server", ...args], {
    env: { ...process.env, CONTENT_DIR: root },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("a lesson, an exercise and a card added as files only", () => {
  let root = "";
  beforeAll(() => {
    root = makeCourse();
    vi.stubEnv("CONTENT_DIR", root);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(root, { recursive: true, force: true });
  });

  it("are discovered from the folders", async () => {
    expect(getContentRoot()).toBe(root);
    expect(listLessonSlugs()).toContain("heavy-ball-recap");
    expect(listExerciseSlugs()).toContain("heavy-ball");
    expect(isExerciseSlug("heavy-ball")).toBe(true);
    expect(isExerciseSlug("heavy-ball", path.resolve("content"))).toBe(false);

    const lesson = readLessonSummaries().find((entry) => entry.slug === "heavy-ball-recap");
    expect(lesson).toMatchObject({ title: "Heavy ball in one page", exercises: ["heavy-ball"] });
    expect((await listExercises()).at(-1)).toMatchObject({ slug: "heavy-ball", order: 90 });
    expect(getDeck().find((card) => card.id === "heavy-ball-recap-rule")?.backHtml).toContain("katex");
    expect(getCardIdsForMistake("sign-error")).toContain("heavy-ball-recap-rule");
  });

  it("pass the reference check and give the exercise page its data", async () => {
    expect(() => assertContentReferences({ content: root, app })).not.toThrow();
    const view = await getExerciseView("heavy-ball");
    expect(view?.visibleTests[0]?.expected).toHaveLength(6);
    expect(view?.taskCode).toContain("WorkedFirstStep");
    expect(await getExercise("nope")).toBeNull();
    expect(await getExerciseView("../heavy-ball")).toBeNull();
  });

  it("are graded by npm run grade: the solution passes, a sign error is named", async () => {
    const solutionFile = path.join(root, "exercises/heavy-ball/solution.ts");
    const passed = await runScript(root, ["scripts/grade.ts", "heavy-ball", solutionFile]);
    expect(GradeResultSchema.parse(JSON.parse(passed.stdout)).verdict).toBe("passed");
    expect(passed.code).toBe(0);

    const wrongFile = path.join(root, "wrong.ts");
    writeFileSync(wrongFile, readFileSync(solutionFile, "utf8").replace("- hp.lr", "+ hp.lr"));
    const failed = await runScript(root, ["scripts/grade.ts", "heavy-ball", wrongFile]);
    const result = GradeResultSchema.parse(JSON.parse(failed.stdout));
    expect(result.verdict).toBe("failed");
    expect(result.diagnosis?.id).toBe("sign-error");
    expect(failed.code).toBe(1);
  }, 180_000);
});

describe("a broken reference in added files", () => {
  let root = "";
  beforeAll(() => {
    root = makeCourse();
    const edit = (file: string, from: string, to: string) => {
      const full = path.join(root, file);
      const text = readFileSync(full, "utf8");
      expect(text).toContain(from);
      writeFileSync(full, text.replace(from, to));
    };
    edit("lessons/90-heavy-ball-recap.mdx", 'exercises: ["heavy-ball"]', 'exercises: ["heavy-bal"]');
    edit("lessons/90-heavy-ball-recap.mdx", "(/learn/momentum)", "(/learn/momentun)");
    edit("cards/heavy-ball-recap.json", '"lesson": "heavy-ball-recap"', '"lesson": "heavy-ball-recp"');
    edit("exercises/heavy-ball/exercise.json", '["sign-error"]', '["sign-eror"]');
    edit("exercises/heavy-ball/task.mdx", "#the-rule", "#the-rules");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("fails check:content with one precise line per problem", async () => {
    const result = await runScript(root, ["scripts/check-content.ts"]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    const at = (file: string) => path.join(root, file);
    expect(lines).toEqual([
      "Broken content references:",
      `  ${at("lessons/90-heavy-ball-recap.mdx")}: exercises "heavy-bal" is no exercise`,
      `  ${at("exercises/heavy-ball/exercise.json")}: diagnoses "sign-eror" is no grader diagnosis id`,
      `  ${at("cards/heavy-ball-recap.json")}: heavy-ball-recap-rule.lesson "heavy-ball-recp" is no lesson`,
      `  ${at("lessons/90-heavy-ball-recap.mdx")}: link "/learn/momentun" links to no lesson`,
      `  ${at("exercises/heavy-ball/task.mdx")}: link "/learn/heavy-ball-recap#the-rules" links to no heading "#the-rules" of that lesson`,
    ]);
  }, 120_000);

  it("names the file and field when the exercise is loaded", async () => {
    await expect(loadExerciseConfig("heavy-ball" as never, root)).rejects.toThrow(
      `${path.join(root, "exercises/heavy-ball/exercise.json")}: field "diagnoses.0"`,
    );
  });
});
