import { expect, test } from "../playwright-utils";

// Past answers to the exercises of judgment read back in the form's words, not the ids they are
// stored under: the tuning exercise names its hyper-parameters by their labels, a diagnosis names
// each run and the cause chosen, a prediction numbers its answers as the form numbers its
// questions. The same words on the exercise page's history and on the dashboard.

const ANSWERS = [
  {
    slug: "tune-adam-rosenbrock",
    answer: { lr: 0.003, beta1: 0.9, beta2: 0.999 },
    words: "learning rate η 0.003, β1 (momentum) 0.9, β2 (second moment) 0.999",
    storedKey: "beta1",
  },
  {
    slug: "read-the-loss-curve",
    answer: {
      "run-a": "lr-too-high",
      "run-b": "lr-too-low",
      "run-c": "overfitting",
      "run-d": "healthy",
      "run-e": "healthy",
      "run-f": "no-warmup",
    },
    words:
      "Run A: Learning rate too high; Run B: Learning rate too low; Run C: Overfitting; " +
      "Run D: Nothing wrong; Run E: Nothing wrong; Run F: Large learning rate without warm-up",
    storedKey: "lr-too-high",
  },
  {
    slug: "first-step-by-hand",
    answer: { "first-coordinate": 0.9, "second-coordinate": 0, "loss-after-step": 0.81, overshoot: -1.5 },
    words: "Q1 0.9, Q2 0, Q3 0.81, Q4 −1.5",
    storedKey: "first-coordinate",
  },
] as const;

test("past answers to the exercises of judgment read as the form words them, on the page and the dashboard", async ({
  page,
  baseURL,
}) => {
  for (const { slug, answer } of ANSWERS) {
    const response = await page.request.post(`/api/exercises/${slug}/submissions`, {
      headers: { origin: baseURL ?? "" },
      data: { answer },
    });
    expect(response.ok(), slug).toBe(true);
  }

  for (const { slug, words, storedKey } of ANSWERS) {
    await page.goto(`/exercises/${slug}`);
    const past = page.getByTestId("past-answer").first();
    await expect(past).toContainText(`Your answer: ${words}`);
    // No stored id shows through ("beta1 = 0.9", "lr-too-high", "first-coordinate = 0.9").
    await expect(past).not.toContainText(storedKey);
  }

  await page.goto("/dashboard");
  const recent = page.getByRole("region", { name: "Recent submissions" });
  for (const { words } of ANSWERS)
    await expect(recent.getByTestId("recent-answer").filter({ hasText: words })).toHaveText(
      `Your answer: ${words}`,
    );
});
