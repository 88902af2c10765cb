import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { editorErrors, editorReady, expect, setEditorCode, test } from "../playwright-utils";

// What a learner sees, not only what is in the DOM: math drawn once (KaTeX's MathML copy is for
// screen readers and must be visually hidden), equations that look like the stored reference
// images, and an editor that flags a typo but not correct code.

/** Waits until every font the page uses has loaded (KaTeX's load on demand). */
async function fontsLoaded(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** Every `.katex-mathml` in `scope` is clipped away, 1 px in size and out of the flow: only screen readers get it. */
async function expectMathMlHidden(scope: Locator) {
  const styles = await scope.locator(".katex-mathml").evaluateAll((nodes) =>
    nodes.map((node) => {
      const style = getComputedStyle(node);
      const box = node.getBoundingClientRect();
      return {
        position: style.position,
        // Clipped to nothing by either spelling (KaTeX 0.16 uses clip-path; older CSS used clip).
        clipped:
          /^inset\(50%\)$/.test(style.clipPath) || /^rect\((0|1)px, \1px, \1px, \1px\)$/.test(style.clip),
        overflow: style.overflow,
        size: `${Math.round(box.width)}x${Math.round(box.height)}`,
      };
    }),
  );
  expect(styles.length, "equations on the page").toBeGreaterThan(0);
  for (const style of styles) {
    expect(style).toEqual({
      position: "absolute",
      clipped: true,
      overflow: "hidden",
      size: "1x1",
    });
  }
}

/** One equation, compared with its stored image: light theme, fixed viewport, fonts loaded, no animation. */
async function expectEquationLooksRight(equation: Locator, name: string) {
  await equation.scrollIntoViewIfNeeded();
  await fontsLoaded(equation.page());
  await expect(equation).toHaveScreenshot(name, { animations: "disabled", maxDiffPixelRatio: 0.02 });
}

test.describe("math is drawn once and looks like its reference", () => {
  test.use({ viewport: { width: 1280, height: 900 }, colorScheme: "light", reducedMotion: "reduce" });

  test("a lesson", async ({ page }) => {
    await page.goto("/learn/momentum");
    await expectMathMlHidden(page.locator("main"));
    await expectEquationLooksRight(page.locator("main .katex-display").first(), "lesson-equation.png");
  });

  test("an exercise task", async ({ page }) => {
    await page.goto("/exercises/adam");
    await expectMathMlHidden(page.locator("main article"));
    await expectEquationLooksRight(
      page.locator("main article .katex-display").first(),
      "exercise-equation.png",
    );
  });

  test("a card", async ({ page }) => {
    // The answer of a topic's first card, which has math.
    await page.goto("/cards?topic=adam");
    await page.getByRole("button", { name: /Show answer/ }).click();
    const card = page.getByTestId("flash-card");
    await expect(card.locator(".katex").first()).toBeVisible();
    await expectMathMlHidden(card);
    await expectEquationLooksRight(card.locator(".katex").first(), "card-equation.png");
  });
});

/** `code` with its first `Float64Array` misspelt, and the 1-based line of that typo. */
function withTypo(code: string): { code: string; line: number } {
  const index = code.indexOf("Float64Array");
  expect(index, "the code names Float64Array").toBeGreaterThanOrEqual(0);
  return {
    code: `${code.slice(0, index)}Float64Aray${code.slice(index + "Float64Array".length)}`,
    line: code.slice(0, index).split("\n").length,
  };
}

test.describe("the editor's TypeScript", () => {
  // One test per exercise folder; the first test checks that the site lists exactly these.
  const slugs = readExerciseFolders();
  test("the exercise index lists every exercise folder", async ({ page }) => {
    expect(await listedExercises(page)).toEqual(slugs);
  });

  // Exercises of judgment (tune, diagnose, predict) have no editor: no starter.ts.
  for (const slug of slugs.filter((slug) => existsSync(`content/exercises/${slug}/starter.ts`))) {
    test(`${slug}: the starter and the reference solution show no errors; a typo shows one, on its line`, async ({
      page,
    }) => {
      const starter = readFileSync(`content/exercises/${slug}/starter.ts`, "utf8");
      const solution = readFileSync(`content/exercises/${slug}/solution.ts`, "utf8");
      await page.goto(`/exercises/${slug}`);
      await editorReady(page);

      // Each check follows a state with one error, so an empty list is a fresh verdict of the
      // worker, not diagnostics that have not arrived yet.
      for (const code of [starter, solution]) {
        const typo = withTypo(code);
        await setEditorCode(page, typo.code);
        await expect
          .poll(() => editorErrors(page), { timeout: 30_000 })
          .toEqual([expect.stringMatching(new RegExp(`^${typo.line}: Cannot find name 'Float64Aray'`))]);
        await setEditorCode(page, code);
        await expect.poll(() => editorErrors(page), { timeout: 30_000 }).toEqual([]);
      }
    });
  }
});

/** The exercises the course lists, read from the exercise index page. */
async function listedExercises(page: Page): Promise<string[]> {
  await page.goto("/exercises");
  const hrefs = await page
    .locator('main a[href^="/exercises/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((href) => href.slice("/exercises/".length)))].sort();
}

/** The exercise folders the site is built from. */
function readExerciseFolders(): string[] {
  return readdirSync("content/exercises", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

test("on a phone, an equation wider than the text scrolls inside it and the page keeps its width @phone", async ({
  page,
}) => {
  // Twenty-odd pages in one test: a loaded machine needs more than the default minute.
  test.setTimeout(180_000);
  let withEquations = 0;
  for (const path of ["/learn/adam", ...readExerciseFolders().map((slug) => `/exercises/${slug}`)]) {
    await page.goto(path);
    const displays = await page.locator(".katex-display").evaluateAll((nodes) =>
      nodes.map((node) => ({
        overflowing: node.scrollWidth > node.clientWidth + 1,
        scrolls: getComputedStyle(node).overflowX === "auto",
        focusable: (node as HTMLElement).tabIndex === 0,
      })),
    );
    // Judgment exercises (tune, diagnose, predict) may have no display equation; the lesson must.
    if (path === "/learn/adam") expect(displays.length, `${path}: display equations`).toBeGreaterThan(0);
    if (displays.length > 0) withEquations += 1;
    for (const display of displays) {
      if (display.overflowing)
        expect(display, path).toEqual({ overflowing: true, scrolls: true, focusable: true });
    }
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, `${path}: page width`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  }
  // Most code exercises show their update rule as a display equation: the check saw real ones.
  expect(withEquations).toBeGreaterThan(10);
});

/** The lesson slugs the site is built from (content/lessons/NN-slug.mdx). */
function readLessonSlugs(): string[] {
  return readdirSync("content/lessons")
    .filter((name) => /^\d{2}-.+\.mdx$/.test(name))
    .map((name) => name.slice(3, -".mdx".length));
}

test("on a phone, no lesson is wider than the screen: code blocks scroll inside the text and are tab stops @phone", async ({
  page,
}) => {
  test.setTimeout(180_000);
  let codeBlocks = 0;
  for (const slug of readLessonSlugs()) {
    await page.goto(`/learn/${slug}`);
    const blocks = await page.locator("main pre").evaluateAll((nodes) =>
      nodes.map((node) => ({
        scrolls: getComputedStyle(node).overflowX === "auto",
        focusable: (node as HTMLElement).tabIndex === 0,
        insideText: node.getBoundingClientRect().right <= document.documentElement.clientWidth,
      })),
    );
    codeBlocks += blocks.length;
    for (const block of blocks)
      expect(block, slug).toEqual({ scrolls: true, focusable: true, insideText: true });
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, `/learn/${slug}: page width`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  }
  expect(codeBlocks, "lessons with code blocks (10 and 13 have some)").toBeGreaterThan(0);
});

test("a Markdown table in a lesson is a table, not pipes, and on a phone it fits or scrolls inside its box @phone", async ({
  page,
}) => {
  await page.goto("/learn/adam");
  const table = page.locator("main table").filter({ hasText: "Hyperparameter" });
  await expect(table).toBeVisible();
  await expect(table.locator("th").first()).toHaveText("Hyperparameter");
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(page.locator("main p").filter({ hasText: "|---|" })).toHaveCount(0);
  const box = await table.locator("xpath=..").evaluate((node) => ({
    tabIndex: (node as HTMLElement).tabIndex,
    overflowX: getComputedStyle(node).overflowX,
    right: node.getBoundingClientRect().right,
  }));
  expect(box.tabIndex).toBe(0);
  expect(box.overflowX).toBe("auto");
  const width = page.viewportSize()?.width ?? 0;
  expect(box.right).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
});
