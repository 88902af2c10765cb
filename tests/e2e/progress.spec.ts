import { expect, test } from "../playwright-utils";

// Progress that notices: a lesson read to its end, for long enough, counts as read without the
// button (app/learn/reading-rule.ts: the end in view and 40% of the stated minutes on the page while
// visible); the button undoes it; the home page of a returning learner continues from there.

const LESSON = "/learn/optimization-problem"; // 11 minutes: 4.4 minutes of visible time
const SLUG = "optimization-problem";

async function readSlugs(page: import("@playwright/test").Page): Promise<string[]> {
  const body = (await (await page.request.get("/api/lessons/read")).json()) as {
    lessons: { slug: string }[];
  };
  return body.lessons.map((lesson) => lesson.slug);
}

test("a lesson read to its end for long enough counts as read by itself, and unmarking it sticks", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.goto(LESSON);
  const markRead = page.getByRole("button", { name: "Mark as read" });
  await expect(markRead).toBeEnabled();

  // Skimming to the end is not reading: a minute later it is still unread.
  await page.locator("[data-lesson-end]").scrollIntoViewIfNeeded();
  await page.clock.runFor(60_000);
  await expect(markRead).toBeVisible();
  expect(await readSlugs(page)).not.toContain(SLUG);

  // Past 40% of the 11 stated minutes on the page, with its end seen: read, and saved.
  await page.clock.runFor(3.6 * 60_000);
  const markUnread = page.getByRole("button", { name: "Mark as unread" });
  await expect(markUnread).toBeVisible();
  await expect(page.getByTestId("read-status")).toContainText("Counted as read");
  await expect.poll(() => readSlugs(page)).toContain(SLUG);

  // The rule is written next to the button.
  await expect(page.locator("#read-rule")).toContainText("at least 4.4 minutes");
  await expect(page.locator("#read-rule")).toContainText("40% of its 11-minute reading time");

  // Undone by hand, it stays undone however long the page stays open.
  await markUnread.click();
  await expect(markRead).toBeVisible();
  await page.clock.runFor(6 * 60_000);
  await expect(markRead).toBeVisible();
  expect(await readSlugs(page)).not.toContain(SLUG);
});

test("a returning learner's home page continues where they left off; a first visit's is unchanged", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Start with lesson 1" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toHaveCount(0);

  const headers = { origin: baseURL ?? "" };
  expect((await page.request.post(`/api/lessons/${SLUG}/read`, { headers })).ok()).toBe(true);
  const answer = {
    "first-coordinate": 0.9,
    "second-coordinate": 0,
    "loss-after-step": 0.81,
    overshoot: -1.5,
  };
  const submitted = await page.request.post("/api/exercises/first-step-by-hand/submissions", {
    headers,
    data: { answer },
  });
  expect(submitted.ok()).toBe(true);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back");
  await expect(page.getByRole("link", { name: "Start with lesson 1" })).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: "Continue with “Stochastic and mini-batch gradient descent”" }),
  ).toHaveAttribute("href", "/learn/stochastic-gradient-descent");
  await expect(page.locator('[data-resume="exercise"]')).toContainText("The first step, by hand: Failed");
  await expect(page.getByRole("link", { name: "Back to “The first step, by hand”" })).toHaveAttribute(
    "href",
    "/exercises/first-step-by-hand",
  );
  await expect(page.locator('[data-resume="cards"]').getByRole("link")).toHaveAttribute("href", "/cards");
  await expect(page.getByRole("main")).toContainText(/1 of \d+ lessons read/);
});
