import { readFileSync } from "node:fs";
import {
  editorCode,
  editorReady,
  expect,
  focusEditor,
  patchSource,
  setEditorCode,
  test,
} from "../playwright-utils";

const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const starter = readFileSync("content/exercises/momentum/starter.ts", "utf8");
// The classic mistake: an exponential moving average instead of PyTorch's raw accumulation.
const emaMomentum = patchSource(
  solution,
  "v[i] = hp.momentum * v[i] + grad[i];",
  "v[i] = hp.momentum * v[i] + (1 - hp.momentum) * grad[i];",
);

// A compact but correct momentum step, short enough to type key by key.
const typedSolution = [
  "export function init(p: Float64Array) {",
  "  return { v: new Float64Array(p.length) };",
  "}",
  "export function step(p: Float64Array, g: Float64Array, s: { v: Float64Array }, hp: { lr: number; momentum: number }) {",
  "  for (let i = 0; i < p.length; i++) {",
  "    s.v[i] = hp.momentum * s.v[i]! + g[i]!;",
  "    p[i] = p[i]! - hp.lr * s.v[i]!;",
  "  }",
  "}",
];

test("momentum: a solution typed into the editor runs with Ctrl+Enter and passes with Ctrl+Shift+Enter", async ({
  page,
}) => {
  // Typing takes a few seconds, and up to 20 on a loaded machine: room beyond the default 60 s.
  test.setTimeout(120_000);
  await page.goto("/exercises/momentum");
  await editorReady(page);
  // Configuration only: Monaco's typing aids (closing brackets and quotes, indentation on Enter,
  // suggestions accepted by Enter) would rewrite keystrokes. The code itself goes in by keyboard.
  await page.evaluate(() =>
    window.descentEditor?.updateOptions({
      autoClosingBrackets: "never",
      autoClosingQuotes: "never",
      autoClosingComments: "never",
      autoSurround: "never",
      autoIndent: "none",
      formatOnType: false,
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      acceptSuggestionOnEnter: "off",
      wordBasedSuggestions: "off",
      parameterHints: { enabled: false },
    }),
  );
  await focusEditor(page);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await expect.poll(() => editorCode(page)).toBe("");
  for (const [index, line] of typedSolution.entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line, { delay: 5 });
  }
  await expect.poll(() => editorCode(page)).toBe(typedSolution.join("\n"));

  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("run-summary")).toContainText("2 of 2 passed");
  await page.keyboard.press("Control+Shift+Enter");
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  await expect(page.getByTestId("trajectory-plot").locator("path").first()).toBeAttached();

  // Code from outside the keyboard still reaches the editor: Reset, then Restore the submission.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reset to starter" }).click();
  await expect.poll(() => editorCode(page)).toBe(starter);
  await page.getByRole("button", { name: "Restore into editor" }).click();
  await expect.poll(() => editorCode(page)).toBe(typedSolution.join("\n"));
});

test("momentum: run the visible tests, submit, see the verdict and the trajectory; the draft survives reload", async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "http://127.0.0.1") && !request.url().startsWith("data:")) {
      foreign.push(request.url());
    }
  });
  await page.goto("/exercises/momentum");
  await expect(page.getByRole("heading", { level: 1, name: "SGD with momentum" })).toBeVisible();
  await setEditorCode(page, solution);

  // Ctrl+Enter inside the editor runs the visible tests in the browser.
  await focusEditor(page);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("run-summary")).toContainText("2 of 2 passed");

  // The submission is held until the grading status has been seen: a warm grader answers within
  // a few milliseconds, too fast to catch that status reliably otherwise.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/exercises/momentum/submissions", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.fallback();
  });
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("Grading… running hidden tests")).toBeVisible();
  release();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  await expect(page.getByTestId("trajectory-plot").locator("path").first()).toBeAttached();
  await expect(page.getByRole("button", { name: "Restore into editor" })).toHaveCount(1);

  await page.reload();
  await editorReady(page);
  expect(await editorCode(page)).toBe(solution);
  expect(foreign, "requests leaving the site").toEqual([]);
});

test("momentum: an EMA-style velocity fails with a diagnosis and a first divergence", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, emaMomentum);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("run-summary")).toContainText("0 of 2 passed");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "failed", { timeout: 30_000 });
  await expect(page.getByRole("complementary", { name: "Diagnosis" })).toBeVisible();
  const firstTest = page.locator("section[aria-labelledby='grade-verdict'] ol > li").first();
  await expect(firstTest).toContainText(/Diverged from the reference at step \d+, coordinate \d+: expected/);
  // Said once: the structured repeat of the same step and values is not drawn under the message.
  await expect(firstTest.getByText(/First divergence at step/)).toHaveCount(0);

  // The diagnosed mistake puts the cards that teach it at the head of this learner's drill queue.
  const drill = (await (await page.request.get("/api/cards/queue")).json()) as {
    current: { reason: string } | null;
    remaining: { mistake: number };
  };
  expect(drill.remaining.mistake).toBeGreaterThan(0);
  expect(drill.current?.reason).toBe("mistake");
});

test("momentum: an endless loop in Run is stopped after 2 s and the page stays usable", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await setEditorCode(page, patchSource(solution, "for (let i = 0;", "while (true) {}\n  for (let i = 0;"));
  await page.getByRole("button", { name: "Run visible tests" }).click();
  // The 2 s clock starts once the worker has loaded, so the page answers within a few seconds.
  await expect(page.getByText(/Stopped after 2 s/)).toBeVisible({ timeout: 20_000 });
  // The main thread was never blocked: the correct code runs right after.
  await setEditorCode(page, solution);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("run-summary")).toContainText("2 of 2 passed");
});

test("a lesson page does not load Monaco; the exercise list shows the best verdict", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  await page.goto("/learn");
  const lessonLink = page.locator('a[href^="/learn/"]').first();
  await lessonLink.click();
  await page.waitForLoadState("networkidle");
  const bodies = await Promise.all(
    scripts.map(async (url) => (await (await page.request.get(url)).text()).includes("monaco-editor")),
  );
  expect(bodies.some(Boolean), "a lesson page loaded Monaco").toBe(false);

  await page.goto("/exercises");
  await expect(page.getByRole("link", { name: /SGD with momentum/ })).toBeVisible();
  await expect(page.getByRole("listitem").getByText("Not started", { exact: true }).first()).toBeVisible();
});

test("the exercise page fits a phone: the editor stacks above the results @phone", async ({ page }) => {
  await page.goto("/exercises/momentum");
  await editorReady(page);
  const editor = await page.locator(".monaco-editor").boundingBox();
  const run = await page.getByRole("button", { name: "Run visible tests" }).boundingBox();
  expect(editor && run && editor.y < run.y).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("submissions: another learner's id answers 404, and a 7th submission in a minute answers 429", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/exercises/momentum");
  const post = () =>
    page.request.post("/api/exercises/momentum/submissions", {
      headers: { origin: baseURL ?? "", "content-type": "application/json" },
      data: { code: "export function init( {" },
    });
  const first = await post();
  expect(first.status()).toBe(200);
  const { submission, result } = (await first.json()) as {
    submission: { id: string };
    result: { verdict: string };
  };
  expect(result.verdict).toBe("compile-error");
  expect((await page.request.get(`/api/submissions/${submission.id}`)).status()).toBe(200);

  const other = await browser.newContext({ baseURL });
  const stranger = await other.newPage();
  await stranger.goto("/");
  expect((await stranger.request.get(`/api/submissions/${submission.id}`)).status()).toBe(404);
  await other.close();

  for (let i = 0; i < 5; i++) expect((await post()).status()).toBe(200);
  const limited = await post();
  expect(limited.status()).toBe(429);
  expect(((await limited.json()) as { error: string }).error).toMatch(/Too many submissions/);
});
