import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  editorCode,
  editorErrors,
  editorReady,
  expect,
  focusEditor,
  setEditorCode,
  test,
} from "../playwright-utils";

// The Python track on an exercise page: the language choice (remembered in this browser and for the
// learner on the server), the Python starter and task text, Ruff's markers in the editor, Run on the
// server's sandbox and Submit.

const starter = readFileSync("content/exercises/adam/starter.py", "utf8");
const solution = readFileSync("content/exercises/adam/solution.py", "utf8");
const LANGUAGE_KEY = "descent:exercise-language";

/** The text only the Python task says, and only the TypeScript one. */
const pythonTask = (page: Page) => page.getByText("Implement the module-level functions");
const typescriptTask = (page: Page) => page.getByText(/^Implement init\(params\) and step/);

async function choosePython(page: Page) {
  await page.getByRole("radio", { name: "Python" }).check();
  await expect(page.getByRole("radio", { name: "Python" })).toBeChecked();
  await expect.poll(() => editorCode(page)).toBe(starter);
}

test("Python: the starter has no marker, a typo has one on its line, the solution passes and is remembered", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(request.url()));
  await page.goto("/exercises/adam");
  await editorReady(page);
  await expect(page.getByRole("radio", { name: "TypeScript" })).toBeChecked();
  await expect(typescriptTask(page)).toBeVisible();
  await expect(pythonTask(page)).toBeHidden();
  // A TypeScript learner downloads nothing of Python's.
  expect(fetched.filter((url) => /\.wasm|ruff/i.test(url))).toEqual([]);

  await choosePython(page);
  await expect(pythonTask(page)).toBeVisible();
  await expect(typescriptTask(page)).toBeHidden();
  await expect(page.getByRole("textbox", { name: /Your solution \(Python\)/ })).toBeAttached();

  // A name typed wrong, by keyboard on a new last line: one marker, on that line, from Ruff.
  await focusEditor(page);
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("print(gradd)", { delay: 5 });
  const typoLine = (await editorCode(page))?.split("\n").findIndex((line) => line.includes("gradd")) ?? -1;
  expect(typoLine).toBeGreaterThan(0);
  await expect
    .poll(() => editorErrors(page), { timeout: 30_000 })
    .toEqual([`${typoLine + 1}: Undefined name \`gradd\``]);
  // Ruff runs in a worker on the page's own WebAssembly file, fetched only now.
  const wasm = fetched.filter((url) => url.endsWith(".wasm"));
  expect(wasm).toHaveLength(1);
  expect(new URL(wasm[0] ?? "").origin).toBe(new URL(page.url()).origin);

  // The starter itself: no marker.
  await setEditorCode(page, starter);
  await expect.poll(() => editorErrors(page)).toEqual([]);

  // The reference solution: no marker; Run (visible tests, on the server) and Submit both pass.
  await setEditorCode(page, solution);
  await expect.poll(() => editorErrors(page)).toEqual([]);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("server-run-summary")).toBeVisible({ timeout: 60_000 });
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByTestId("server-run-summary")).toBeHidden();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 60_000 });
  await expect(page.locator("[data-verdict]")).toContainText("Passed");

  // The dashboard counts it.
  await page.goto("/dashboard");
  await expect(page.getByTestId("exercises-passed")).toHaveText("1");

  // Back on the page, and after a reload: Python, with the draft, before and after hydration.
  await page.goto("/exercises/adam");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Python" })).toBeChecked();
  await expect(pythonTask(page)).toBeVisible();
  await expect(typescriptTask(page)).toBeHidden();
  await editorReady(page);
  await expect.poll(() => editorCode(page)).toBe(solution);

  // The TypeScript draft is its own: switching back shows the TypeScript starter, then Python again.
  await page.getByRole("radio", { name: "TypeScript" }).check();
  await expect.poll(() => editorCode(page)).toBe(readFileSync("content/exercises/adam/starter.ts", "utf8"));
  await expect(typescriptTask(page)).toBeVisible();
  await page.getByRole("radio", { name: "Python" }).check();
  await expect.poll(() => editorCode(page)).toBe(solution);

  // The choice is the learner's, on the server: this browser forgetting it does not lose it.
  await expect
    .poll(() => page.evaluate(() => fetch("/api/me/language").then((r) => r.json())))
    .toEqual({ language: "python" });
  await page.evaluate((key) => localStorage.removeItem(key), LANGUAGE_KEY);
  await page.reload();
  await editorReady(page);
  await expect(page.getByRole("radio", { name: "Python" })).toBeChecked();
  await expect(pythonTask(page)).toBeVisible();
  await expect.poll(() => editorCode(page)).toBe(solution);
});

test("the language choice is a keyboard-usable radio group", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await editorReady(page);
  const typescript = page.getByRole("radio", { name: "TypeScript" });
  await typescript.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Python" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Python" })).toBeFocused();
  await expect
    .poll(() => editorCode(page))
    .toBe(readFileSync("content/exercises/momentum/starter.py", "utf8"));
  await page.keyboard.press("ArrowLeft");
  await expect(typescript).toBeChecked();
  await expect
    .poll(() => editorCode(page))
    .toBe(readFileSync("content/exercises/momentum/starter.ts", "utf8"));
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`an exercise with Python chosen has no serious or critical axe finding, ${colorScheme} @phone`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto("/exercises/adam");
    await editorReady(page);
    await choosePython(page);
    await expect(page.locator(".monaco-editor .view-lines")).toBeVisible();
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).analyze();
    const findings = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.nodes.length}) ${violation.nodes
            .slice(0, 5)
            .map((node) => node.target.join(" "))
            .join(" | ")}`,
      );
    expect(findings).toEqual([]);
  });
}
