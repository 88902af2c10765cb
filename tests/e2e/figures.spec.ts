import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// The interactive figures, exercised where learners meet them: in the lessons.

async function getFigure(page: Page, slug: string, caption: RegExp): Promise<Locator> {
  await page.goto(`/learn/${slug}`);
  const figure = page
    .locator("figure")
    .filter({ has: page.locator("figcaption", { hasText: caption }) })
    .first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toBeVisible();
  // The server drew the first frame; the figure's code loads as it nears the viewport (FigureIsland).
  await expect(figure.locator("xpath=..")).toHaveAttribute("data-figure-ready", "true");
  return figure;
}

async function getAttr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? "";
}

test.describe("Playground", () => {
  test("draws contours and trajectories that play, step and reset", async ({ page }) => {
    const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
    const contour = figure.getByRole("img", { name: /Contour plot of the Rosenbrock function/ });
    expect(await contour.locator("path").count()).toBeGreaterThan(10);
    await expect(figure.getByRole("img", { name: /Loss versus step/ })).toBeVisible();
    const counter = figure.getByTestId("step-counter");
    await expect(counter).toHaveText(/^Step 0 \/ \d+$/);

    await figure.getByRole("button", { name: "Step" }).click();
    await figure.getByRole("button", { name: "Step" }).click();
    await expect(counter).toHaveText(/^Step 2 \//);
    await figure.getByRole("button", { name: "Reset" }).click();
    await expect(counter).toHaveText(/^Step 0 \//);

    await figure.getByRole("button", { name: "Play" }).click();
    await expect(counter).not.toHaveText(/^Step 0 \//);
    await figure.getByRole("button", { name: "Pause" }).click();
    const paused = await counter.textContent();
    await page.waitForTimeout(300);
    await expect(counter).toHaveText(paused ?? "");
  });

  test("clicking or using the keyboard on the contour plot moves the start", async ({ page }) => {
    const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
    const contour = figure.getByTestId("contour-plot");
    const marker = contour.getByTestId("start-marker");
    const before = await getAttr(marker, "cx");
    const box = await contour.boundingBox();
    if (!box) throw new Error("contour plot has no box");
    await contour.click({ position: { x: box.width * 0.7, y: box.height * 0.4 } });
    await expect.poll(() => getAttr(marker, "cx")).not.toBe(before);

    const clicked = await getAttr(marker, "cx");
    await contour.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(contour.getByTestId("start-cursor")).toBeVisible();
    await expect(marker).toHaveAttribute("cx", clicked);
    await page.keyboard.press("Enter");
    await expect.poll(async () => Number(await getAttr(marker, "cx"))).toBeLessThan(Number(clicked));
    await expect(contour.getByTestId("start-cursor")).toHaveCount(0);
  });

  test("hyper-parameter sliders change the trajectory and bad values show the core's message", async ({
    page,
  }) => {
    const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
    for (let i = 0; i < 5; i++) await figure.getByRole("button", { name: "Step" }).click();
    const path = figure.getByTestId("contour-plot").locator("[data-trajectory] path").first();
    const before = await getAttr(path, "d");
    const lr = figure.getByRole("slider", { name: /learning rate/ }).first();
    await lr.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => getAttr(path, "d")).not.toBe(before);

    const typed = figure.getByRole("spinbutton", { name: /lr \(type\)/ }).first();
    await typed.fill("-1");
    await expect(figure.getByRole("alert")).toContainText(/Invalid lr/);
    await typed.fill("0.001");
    await expect(figure.getByRole("alert")).toHaveCount(0);
  });

  test("with reduced motion, play jumps to the last step", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
    await figure.getByRole("button", { name: "Play" }).click();
    await expect(figure.getByTestId("step-counter")).toHaveText(/^Step (\d+) \/ \1$/);
  });

  test("a diverging run is stopped and labelled", async ({ page }) => {
    const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
    await figure
      .getByRole("spinbutton", { name: /lr \(type\)/ })
      .first()
      .fill("0.5");
    // Reduced motion is not forced here: play to the end, then the legend names the divergence.
    await figure.getByRole("button", { name: "Play" }).click();
    await expect(figure.getByText("diverged", { exact: true })).toBeVisible({ timeout: 15_000 });
  });
});

test("MovingAverageExplorer redraws the averages when β changes", async ({ page }) => {
  const figure = await getFigure(page, "momentum", /Exponential moving average/);
  const ema = figure.locator('path[data-series="ema"]');
  const corrected = figure.locator('path[data-series="ema-corrected"]');
  await expect(ema).toHaveAttribute("d", /^M/);
  await expect(corrected).toHaveAttribute("d", /^M/);
  const before = await getAttr(ema, "d");
  const window = figure.getByTestId("effective-window");
  const windowBefore = await window.textContent();
  const beta = figure.getByRole("slider", { name: /β/ });
  await beta.focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => getAttr(ema, "d")).not.toBe(before);
  await expect(window).not.toHaveText(windowBefore ?? "");
});

test("SchedulePlotter plots lr(t) and follows the schedule and its parameters", async ({ page }) => {
  const figure = await getFigure(page, "learning-rate-schedules", /schedule from a base learning rate/);
  const path = figure.locator("path[data-series]");
  const first = await getAttr(path, "d");
  expect(first).toMatch(/^M/);
  await figure.getByRole("combobox", { name: "schedule" }).selectOption("step");
  await expect.poll(() => getAttr(path, "d")).not.toBe(first);
  const stepped = await getAttr(path, "d");
  const gamma = figure.getByRole("slider", { name: /γ/ });
  await gamma.focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => getAttr(path, "d")).not.toBe(stepped);
});

test("WeightDecayComparison runs Adam + L2 and AdamW side by side and follows the decay", async ({
  page,
}) => {
  const figure = await getFigure(page, "weight-decay", /AdamW shrinks x/);
  const plots = figure.getByTestId("contour-plot");
  await expect(plots).toHaveCount(2);
  const adamPath = plots.nth(0).locator("[data-trajectory] path");
  const adamwPath = plots.nth(1).locator("[data-trajectory] path");
  const before = [await getAttr(adamPath, "d"), await getAttr(adamwPath, "d")];
  expect(before[0]).not.toBe(before[1]);
  const norm = figure.locator('path[data-series="adamw"]');
  const normBefore = await getAttr(norm, "d");
  const wd = figure.getByRole("slider", { name: /weight_decay/ });
  await wd.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => getAttr(adamwPath, "d")).not.toBe(before[1]);
  await expect.poll(() => getAttr(norm, "d")).not.toBe(normBefore);
});

test("figures fit a phone screen @phone", async ({ page }) => {
  const figure = await getFigure(page, "optimization-problem", /on the Rosenbrock function/);
  await expect(figure.getByTestId("contour-plot")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the server draws each figure's first frame, and its code keeps the figure's size", async ({
  browser,
  page,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    const staticPage = await noScript.newPage();
    await staticPage.goto("/learn/optimization-problem");
    const contour = staticPage.getByTestId("contour-plot").first();
    expect(await contour.locator("path").count()).toBeGreaterThan(10);
    await expect(contour.locator("[data-trajectory] circle").first()).toBeAttached();
  } finally {
    await noScript.close();
  }
  await page.goto("/learn/weight-decay");
  const island = page.locator('[data-figure="WeightDecayComparison"]');
  const before = await island.evaluate((node) => node.getBoundingClientRect().height);
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute("data-figure-ready", "true");
  const after = await island.evaluate((node) => node.getBoundingClientRect().height);
  expect(Math.abs(after - before)).toBeLessThan(1);
});
