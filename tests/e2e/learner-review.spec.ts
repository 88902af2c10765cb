import type { Page } from "@playwright/test";
import { expect, test } from "../playwright-utils";

// What a learner walking through the course ran into (lessons, figures, drill, dashboard), each
// checked the way it was seen: focus, layout, wording and numbers on the page.

async function reveal(page: Page) {
  // Retried: a key pressed before hydration has no listener yet.
  await expect(async () => {
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test("keyboard focus inside a figure's server-drawn frame survives its code arriving", async ({ page }) => {
  // Hold back the JavaScript that loads after the page has settled: the figure's own chunk.
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding = false;
  let held = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    if (holding) {
      held++;
      await gate;
    }
    await route.continue();
  });
  await page.goto("/learn/momentum");
  await page.waitForLoadState("networkidle");
  holding = true;

  const island = page.locator('[data-figure="Playground"]');
  await expect(island).not.toHaveAttribute("data-figure-ready", "true");
  const play = island.getByRole("button", { name: "Play" });
  // Focusing scrolls the figure into view, which starts loading its code (held back above).
  await play.focus();
  await expect.poll(() => held).toBeGreaterThan(0);
  await expect(play).toBeFocused();
  await expect(island).not.toHaveAttribute("data-figure-ready", "true");

  release();
  await expect(island).toHaveAttribute("data-figure-ready", "true");
  // The live figure's Play button has the focus, not the page's body, and Tab goes on from it.
  await expect(island.getByRole("button", { name: "Play" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(island.getByRole("button", { name: "Step" })).toBeFocused();
});

test("the playground's caption reads as a sentence and counts the minima", async ({ page }) => {
  await page.goto("/learn/momentum");
  const caption = page.locator('[data-figure="Playground"] figcaption');
  await expect(caption).toContainText("SGD vs SGD + momentum on the ill-conditioned quadratic function");
  await expect(caption).toContainText("▲ marks the minimum.");
  await expect(
    page.getByRole("img", { name: /^Contour plot of the ill-conditioned quadratic function/ }),
  ).toBeVisible();

  await page.goto("/learn/adam");
  const adam = page.locator('[data-figure="Playground"]');
  await expect(adam.locator("figcaption")).toContainText("vs RMSprop vs Adam on the Rosenbrock function");
  await expect(adam.getByRole("group", { name: "RMSprop" })).toBeVisible();
});

test("the schedule menu shows the whole name of the chosen schedule", async ({ page }) => {
  await page.goto("/learn/learning-rate-schedules");
  const select = page.locator('[data-figure="SchedulePlotter"] select');
  await expect(select).toHaveValue("warmup-cosine");
  const room = await select.evaluate((element: HTMLSelectElement) => {
    const probe = document.createElement("span");
    probe.style.font = getComputedStyle(element).font;
    probe.style.whiteSpace = "nowrap";
    // Out of the page's flow, so its box is as wide as its text (the body is a grid).
    probe.style.position = "absolute";
    probe.textContent = element.selectedOptions[0]?.textContent ?? "";
    document.body.append(probe);
    const text = probe.getBoundingClientRect().width;
    probe.remove();
    const style = getComputedStyle(element);
    const inside =
      element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return { text, inside };
  });
  expect(room.text).toBeGreaterThan(50);
  // The menu's arrow takes about a line-height; the name must fit beside it.
  expect(room.inside - room.text).toBeGreaterThan(12);
});

test("a lesson's practice links name the exercises by their titles", async ({ page }) => {
  await page.goto("/learn/learning-rate-schedules");
  const practice = page.getByRole("region", { name: "Practice" });
  await expect(practice.getByRole("link", { name: "Exercise: Warm-up + cosine schedule" })).toHaveAttribute(
    "href",
    "/exercises/warmup-cosine",
  );
  await expect(
    practice.getByRole("link", { name: "Exercise: SGD with weight decay and step decay" }),
  ).toBeVisible();
});

test("previous and next sit side by side under a lesson on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/learn/momentum");
  const pager = page.getByRole("navigation", { name: "Lessons" });
  const previous = await pager.getByRole("link", { name: /Previous/ }).boundingBox();
  const next = await pager.getByRole("link", { name: /Next/ }).boundingBox();
  if (!previous || !next) throw new Error("the pager links have no box");
  expect(Math.abs(previous.y - next.y)).toBeLessThan(1);
  expect(next.x).toBeGreaterThan(previous.x + previous.width);
});

test("previous and next stack within a phone's width @phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/learn/momentum");
  const pager = page.getByRole("navigation", { name: "Lessons" });
  const previous = await pager.getByRole("link", { name: /Previous/ }).boundingBox();
  const next = await pager.getByRole("link", { name: /Next/ }).boundingBox();
  if (!previous || !next) throw new Error("the pager links have no box");
  expect(next.y).toBeGreaterThan(previous.y + previous.height);
  const width = page.viewportSize()?.width ?? 0;
  expect(previous.x + previous.width).toBeLessThanOrEqual(width);
  expect(next.x + next.width).toBeLessThanOrEqual(width);
});

test("the rule between a card's question and answer spans the card", async ({ page }) => {
  await page.goto("/cards");
  await reveal(page);
  const card = page.getByTestId("flash-card");
  const rule = card.locator("hr");
  const ruleBox = await rule.boundingBox();
  const answerBox = await page.getByTestId("card-back").boundingBox();
  if (!ruleBox || !answerBox) throw new Error("no rule or answer box");
  expect(ruleBox.width).toBeGreaterThan(answerBox.width * 0.95);
  expect(await rule.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe("solid");
});

test("a card rated a minute ago is due later today: the dashboard counts it and does not send you to review it", async ({
  page,
}) => {
  await page.goto("/cards");
  const remaining = page.getByTestId("remaining");
  await expect(remaining).toHaveText(/^0 due now · 0 from mistakes · \d+ new$/);
  const first = await page.getByTestId("flash-card").getAttribute("data-card-id");
  await reveal(page);
  // Good on a new card: back in ten minutes, so due today but not now.
  await expect(page.getByRole("button", { name: /^Good/ })).toContainText("10m");
  await page.keyboard.press("3");
  await expect(page.getByTestId("flash-card")).not.toHaveAttribute("data-card-id", first ?? "");
  await expect(remaining).toHaveText(/^0 due now · /);

  await page.goto("/dashboard");
  // Nothing to review now: the next step is the course's first lesson, and the stat counts the card.
  await expect(page.getByText("Next:").locator("..")).toHaveText(/^Next: Read “/);
  await expect(page.locator("dt", { hasText: "Cards due today" }).locator("+ dd")).toHaveText("1");
});

test("the drill stats summary fits one row on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/cards/stats");
  const summary = page.getByRole("region", { name: "Summary" }).locator("p");
  await expect(summary).toHaveCount(5);
  const tops = await summary.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1);
  await expect(page.getByTestId("retention").locator("..")).toContainText("(0 reviews of cards in review)");
  // The heatmap has no axes: a sentence says how to read it.
  await expect(page.getByRole("region", { name: "Reviews per day" })).toContainText(
    "one column per week and one row per weekday (Sunday at the top)",
  );
});
