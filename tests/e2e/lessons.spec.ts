import { expect, test } from "../playwright-utils";

const FIRST = "/learn/optimization-problem";
const SECOND = "/learn/stochastic-gradient-descent";

test("the course index lists the lessons in order with minutes and summaries", async ({ page }) => {
  await page.goto("/learn");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The course");
  const titles = await page.locator("[data-lesson] h2").allTextContents();
  expect(titles.slice(0, 4)).toEqual([
    "The optimization problem",
    "Stochastic and mini-batch gradient descent",
    "Momentum",
    "Nesterov accelerated gradient",
  ]);
  await expect(page.locator('[data-lesson="momentum"]')).toContainText("min");
});

test("a lesson renders KaTeX with MathML, a worked example and a deep-linking table of contents", async ({
  page,
}) => {
  await page.goto(FIRST);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The optimization problem");
  await expect(page.locator(".katex").first()).toBeVisible();
  expect(await page.locator(".katex-mathml math").count()).toBeGreaterThan(0);
  await expect(page.locator("table tbody tr[data-step]")).toHaveCount(6);

  const toc = page.getByRole("navigation", { name: "On this page" });
  await toc.getByRole("link", { name: "Ill-conditioning" }).click();
  await expect(page).toHaveURL(/#ill-conditioning$/);
  await expect(page.locator("#ill-conditioning")).toBeInViewport();
  // The heading's own "#" link points at itself.
  await expect(page.locator("#ill-conditioning a[href='#ill-conditioning']")).toHaveCount(1);
});

test("every lesson's interview-cards link opens a drill of that topic, not the whole deck", async ({
  page,
}) => {
  await page.goto("/learn");
  const lessons = await page
    .locator("[data-lesson]")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-lesson")));
  expect(lessons.length).toBeGreaterThan(10);
  for (const slug of lessons) {
    await page.goto(`/learn/${slug}`);
    const link = page.getByRole("link", { name: /^Interview cards: / }).first();
    await expect(link).toHaveText(/\(\d+ cards?\)$/);
    await link.click();
    await expect(page).toHaveURL(/\/cards\?topic=/);
    const topic = new URL(page.url()).searchParams.get("topic");
    const select = page.getByRole("region", { name: "Flash card drill" }).getByLabel("Topic");
    await expect(select).toHaveValue(topic ?? "");
    // The card's badge names the topic as the course does, like the chosen option.
    const name = await select.locator("option:checked").textContent();
    await expect(page.getByTestId("flash-card").locator(".badge").nth(1)).toHaveText(name ?? "");
  }
});

test("previous and next links walk the course", async ({ page }) => {
  await page.goto(FIRST);
  await page.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`${SECOND}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Stochastic and mini-batch gradient descent",
  );
  const previous = page.getByRole("navigation", { name: "Lessons" }).getByRole("link", { name: /Previous/ });
  await previous.scrollIntoViewIfNeeded();
  // Near the end the lesson's check-yourself questions arrive; the link is clicked once they have.
  await expect(page.getByText("Loading the questions…")).toHaveCount(0);
  await previous.click();
  await expect(page).toHaveURL(new RegExp(`${FIRST}$`));
});

test("mark as read works from the keyboard, persists after reload and shows on the index", async ({
  page,
}) => {
  await page.goto(SECOND);
  const button = page.getByRole("button", { name: "Mark as read" });
  await expect(button).toBeEnabled();
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await page.goto("/learn");
  await expect(page.locator('[data-lesson="stochastic-gradient-descent"]')).toHaveAttribute(
    "data-read",
    "true",
  );
  await expect(page.locator('[data-lesson="stochastic-gradient-descent"]')).toContainText("✓");
  await expect(page.locator('[data-lesson="momentum"]')).toHaveAttribute("data-read", "false");
  // And it can be undone.
  await page.goto(SECOND);
  await page.getByRole("button", { name: "Mark as unread" }).click();
  await expect(page.getByRole("button", { name: "Mark as read" })).toBeVisible();
});

test("the read API refuses cross-site requests and unknown lessons", async ({ page }) => {
  await page.goto("/learn");
  const crossSite = await page.request.post("/api/lessons/momentum/read", {
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const unknown = await page.request.post("/api/lessons/no-such-lesson/read", {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(unknown.status()).toBe(404);
});

test("a lesson page loads no Monaco", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/learn/momentum");
  await expect(page.locator(".katex").first()).toBeVisible();
  await page.waitForTimeout(1000);
  expect(requests.filter((url) => /monaco/i.test(url))).toEqual([]);
});
