import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Route } from "@playwright/test";
import { editorCode, editorErrors, expect, setEditorCode, test } from "../playwright-utils";

// The exercise page's two editors (docs/decisions/062-two-stage-editor.md): the light editor (a
// textarea over the highlighted code) is usable with the page's first JavaScript; Monaco loads after
// it and takes over the same text, selection, scroll position and focus.

const starter = readFileSync("content/exercises/momentum/starter.ts", "utf8");
const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const DRAFT_KEY = "descent:exercise-draft:momentum";

type Gate = { release: () => void; held: string[] };
function gate(): Gate & { wait: Promise<void> } {
  let release = () => {};
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { release, wait, held: [] };
}

/**
 * Holds the page's scripts: those that contain Monaco until `monaco.release()`, and, when `all` is
 * given, every other script until `all.release()` (the page then shows its server markup, and what
 * ran inline, without React).
 */
async function holdScripts(page: Page, options: { all?: boolean } = {}) {
  const monaco = gate();
  const all = gate();
  if (!options.all) all.release();
  await page.route(/\/_next\/static\/.+\.js(\?.*)?$/, async (route) => {
    try {
      const response = await fetchWithRetry(route);
      const body = await response.text();
      if (body.includes("monaco-editor")) {
        monaco.held.push(route.request().url());
        await monaco.wait;
      } else {
        all.held.push(route.request().url());
        await all.wait;
      }
      await route.fulfill({ response, body });
    } catch (error) {
      // The test may end with scripts still held; the page is gone by then. A route dropped by
      // unrouteAll({ behavior: "ignoreErrors" }) while its script was in flight has its response
      // disposed: ignored too, as that call asks.
      if (!page.isClosed() && !/Response has been disposed/.test(String(error))) throw error;
    }
  });
  return { monaco, all };
}

/**
 * goto options while Monaco is held: on a slow machine the page asks for Monaco (idle timeout)
 * before its load event, and a held script would keep "load" from ever firing.
 */
const HELD = { waitUntil: "domcontentloaded" } as const;

/** route.fetch, again when the server closed a kept-alive socket under it (ECONNRESET). */
async function fetchWithRetry(route: Route) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await route.fetch();
    } catch (error) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(error))) throw error;
    }
  }
}

const frame = (page: Page) => page.locator("[data-editor-frame]");
const codeBox = (page: Page) => page.getByRole("textbox", { name: /Your solution/ });

test("the code can be read, edited and run before Monaco arrives; Monaco takes over text, caret and focus in place", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { monaco } = await holdScripts(page);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("/exercises/momentum", HELD);
  await expect(frame(page)).toHaveAttribute("data-editor-usable", "true");
  await expect(codeBox(page)).toHaveValue(starter);
  // The light editor has the code, highlighted, while Monaco is still held back.
  await expect(frame(page).locator("pre")).toContainText("export function step");
  // Monaco is requested once the editor is usable (on idle), and held here.
  await expect.poll(() => monaco.held.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  // Edit and run with the keyboard before any diagnostics exist.
  const box = codeBox(page);
  await box.fill(solution);
  await box.press("ControlOrMeta+End");
  await page.keyboard.type("// typed before Monaco");
  const typed = `${solution}// typed before Monaco`;
  await expect(box).toHaveValue(typed);
  // No worker yet (Monaco's TypeScript worker comes with Monaco), and Run starts its own.
  expect(workers).toEqual([]);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("run-summary")).toContainText("2 of 2 passed");
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(typed);

  // A selection on line 3 (backwards: the caret at its start), then Monaco arrives.
  const lineStart = typed.split("\n").slice(0, 2).join("\n").length + 1;
  await box.evaluate(
    (el: HTMLTextAreaElement, start) => el.setSelectionRange(start + 2, start + 6, "backward"),
    lineStart,
  );
  // Typing at the end scrolled the code: Monaco must take the same scroll position.
  const scrolled = await page.locator("[data-light-editor]").evaluate((scroller) => scroller.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  const textBefore = await box.boundingBox();
  monaco.release();
  await expect(frame(page).locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(page.locator("[data-light-editor]")).toHaveCount(0);

  expect(await editorCode(page)).toBe(typed);
  const state = await page.evaluate(() => {
    const editor = window.descentEditor as unknown as {
      hasTextFocus(): boolean;
      getSelection(): {
        selectionStartLineNumber: number;
        selectionStartColumn: number;
        positionLineNumber: number;
        positionColumn: number;
      };
    };
    return { focus: editor.hasTextFocus(), selection: editor.getSelection() };
  });
  expect(state.focus).toBe(true);
  // Monaco's columns start at 1: textarea offsets 2..6 of line 3 are columns 3..7, the caret at 3.
  expect(state.selection).toMatchObject({
    selectionStartLineNumber: 3,
    selectionStartColumn: 7,
    positionLineNumber: 3,
    positionColumn: 3,
  });
  // The text did not move: Monaco's lines start where the textarea's did, at the same scroll position.
  // Line 3 is where it was in the textarea (19 px lines), and the text starts at the same x.
  const line3 = await page.locator(".monaco-editor .line-numbers", { hasText: /^3$/ }).boundingBox();
  const lines3 = await page.locator(".monaco-editor .view-lines").boundingBox();
  expect(textBefore && line3 && lines3).toBeTruthy();
  if (textBefore && line3 && lines3) {
    expect(Math.abs(lines3.x - textBefore.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(line3.y - (textBefore.y + 2 * 19))).toBeLessThanOrEqual(1);
  }
  // The keyboard goes on where it was: a keystroke replaces the selection.
  await page.keyboard.type("Z");
  const lines = (await editorCode(page))?.split("\n") ?? [];
  const original = typed.split("\n")[2] ?? "";
  expect(lines[2]).toBe(`${original.slice(0, 2)}Z${original.slice(6)}`);
});

test("a saved draft is what the first paint shows, and text typed before React is kept", async ({ page }) => {
  test.setTimeout(120_000);
  // The learner's draft, saved by the page itself, typed in the light editor (Monaco held back: on
  // an idle machine it takes over within 1.5 s and would hide the textarea under the fill).
  await holdScripts(page);
  await page.goto("/exercises/momentum", HELD);
  await expect(frame(page)).toHaveAttribute("data-editor-usable", "true");
  const draft = `${starter}\n// my draft\n`;
  await codeBox(page).fill(draft);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(draft);
  await page.unrouteAll({ behavior: "ignoreErrors" });

  // Coming back with no script but the page's inline ones: this is what is painted first.
  const { all } = await holdScripts(page, { all: true });
  await page.goto("/exercises/momentum", { waitUntil: "commit" });
  await expect(codeBox(page)).toHaveValue(draft);
  await expect(frame(page)).not.toHaveAttribute("data-editor-usable", "true");
  const shown = await codeBox(page).evaluate((el) => ({
    fill: getComputedStyle(el).webkitTextFillColor,
    color: getComputedStyle(el).color,
    highlight: el.parentElement?.querySelector("pre")
      ? getComputedStyle(el.parentElement.querySelector("pre") as HTMLElement).visibility
      : "none",
  }));
  // The textarea's own text is drawn (not transparent) and the starter's highlighted layer is hidden.
  expect(shown.fill).toBe(shown.color);
  expect(shown.highlight).toBe("hidden");
  const before = await codeBox(page).boundingBox();

  // Typing before React has hydrated: kept, shown, then saved.
  await codeBox(page).press("ControlOrMeta+End");
  await page.keyboard.type("// early");
  all.release();
  await expect(frame(page)).toHaveAttribute("data-editor-usable", "true");
  const expected = `${draft}// early`;
  await expect(codeBox(page)).toHaveValue(expected);
  await expect(frame(page)).not.toHaveAttribute("data-plain");
  // The highlighted layer now holds the same text (plus the layer's final newline) and is shown.
  await expect.poll(() => frame(page).locator("pre").textContent()).toBe(`${expected}\n`);
  await expect(frame(page).locator("pre")).toBeVisible();
  expect(await codeBox(page).boundingBox()).toEqual(before);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe(expected);
});

test("keyboard: Tab indents in the light editor, Escape then Tab leaves it", async ({ page }) => {
  await holdScripts(page);
  await page.goto("/exercises/momentum", HELD);
  await expect(frame(page)).toHaveAttribute("data-editor-usable", "true");
  const box = codeBox(page);
  await box.focus();
  await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await page.keyboard.press("Tab");
  await expect(box).toHaveValue(`  ${starter}`);
  await expect(box).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Run visible tests" })).toBeFocused();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the light editor is labelled and has no serious axe finding before Monaco arrives (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await holdScripts(page);
    await page.goto("/exercises/momentum", HELD);
    await expect(frame(page)).toHaveAttribute("data-editor-usable", "true");
    await expect(codeBox(page)).toHaveAccessibleName(/Escape then Tab leaves the editor/);
    const results = await new AxeBuilder({ page }).include("[data-editor-frame]").analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the TypeScript worker and the editor's chunks are cached for good: a warm reload downloads none of them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workers: string[] = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await page.goto("/exercises/momentum");
  await expect(frame(page).locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect.poll(() => workers.length, { timeout: 30_000 }).toBeGreaterThan(0);
  // The TypeScript worker has loaded all its code once it reports a diagnostic.
  await setEditorCode(page, `${starter}\nconst broken: number = "text";\n`);
  await expect.poll(() => editorErrors(page), { timeout: 30_000 }).not.toEqual([]);
  for (const url of workers) {
    const response = await page.request.get(url);
    expect(response.headers()["cache-control"], url).toMatch(/immutable/);
    expect(response.headers()["cache-control"], url).toMatch(/max-age=31536000/);
  }

  const downloaded: string[] = [];
  page.on("requestfinished", async (request) => {
    if (!/\.m?js(\?|$)/.test(request.url())) return;
    const sizes = await request.sizes().catch(() => null);
    if (sizes && sizes.responseBodySize > 0) downloaded.push(request.url());
  });
  await page.reload();
  await expect(frame(page).locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  expect(downloaded).toEqual([]);
});
