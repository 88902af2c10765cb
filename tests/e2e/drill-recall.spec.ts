import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { editorCode, editorReady, expect, setEditorCode, test } from "../playwright-utils";

// A passed exercise comes back in the drill as "re-implement from memory": the item opens the
// exercise with its starter (the learner's draft kept apart), the submission goes through the real
// grader, and a pass rates the item so it leaves the drill.

const solution = readFileSync("content/exercises/momentum/solution.ts", "utf8");
const starter = readFileSync("content/exercises/momentum/starter.ts", "utf8");
const DRAFT_KEY = "descent:exercise-draft:momentum";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

/**
 * Time passing for one schedule row: the server has no clock to move, so the row the app wrote is
 * made due by setting its due date to a second after its last review (the pass), as if the interval
 * had elapsed; the caller waits for that second to pass (same machine, same clock). The date keeps the stored form (ISO text with "+00:00", as the app writes it).
 */
function makeDue(submissionId: string): number {
  const db = new Database(databaseUrl.slice("file:".length));
  try {
    const where = `"cardId" = 'exercise:momentum' AND "learnerId" = (SELECT "learnerId" FROM "Submission" WHERE "id" = ?)`;
    const row = db.prepare(`SELECT "lastReview" FROM "CardState" WHERE ${where}`).get(submissionId) as
      | { lastReview: string }
      | undefined;
    expect(row?.lastReview).toMatch(/\+00:00$/);
    const dueMs = Date.parse(row?.lastReview ?? "") + 1000;
    const due = new Date(dueMs).toISOString().replace("Z", "+00:00");
    expect(db.prepare(`UPDATE "CardState" SET "due" = ? WHERE ${where}`).run(due, submissionId).changes).toBe(
      1,
    );
    return dueMs;
  } finally {
    db.close();
  }
}

test("a passed exercise comes back in the drill, opens with its starter and is rated by a passing recall", async ({
  page,
  baseURL,
}) => {
  test.skip(!databaseUrl.startsWith("file:"), "moves a row of the SQLite database");
  const origin = { origin: baseURL ?? "" };
  const pass = await page.request.post("/api/exercises/momentum/submissions", {
    headers: origin,
    data: { code: solution, language: "typescript" },
  });
  expect(pass.ok()).toBe(true);
  const { submission, result } = await pass.json();
  expect(result.verdict).toBe("passed");

  // Not due yet: the drill has no exercise item.
  await page.goto("/cards");
  await expect(page.getByTestId("remaining")).toBeVisible();
  await expect(page.getByTestId("exercise-items")).toHaveCount(0);

  const dueMs = makeDue(submission.id);
  await page.waitForTimeout(Math.max(0, dueMs - Date.now() + 100));
  // The learner's own draft, which the recall attempt must leave alone.
  await page.evaluate((key) => localStorage.setItem(key, "// my draft"), DRAFT_KEY);
  await page.goto("/cards");
  const item = page.getByTestId("exercise-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Re-implement SGD with momentum from memory");
  await expect(item).toContainText("TypeScript");

  // Opening the recall page tells the server when the attempt began.
  const opening = page.waitForResponse((response) =>
    response.url().endsWith("/api/exercises/momentum/recall"),
  );
  await item.getByRole("link").click();
  expect((await opening).ok()).toBe(true);
  await expect(page).toHaveURL(/\/exercises\/momentum\?recall=1$/);
  await expect(page.getByTestId("recall-notice")).toContainText("Recall attempt");
  await editorReady(page);
  expect(await editorCode(page)).toBe(starter);

  await setEditorCode(page, solution);
  const submitted = page.waitForResponse((response) =>
    response.url().endsWith("/api/exercises/momentum/submissions?recall=1"),
  );
  await page.getByRole("button", { name: "Submit" }).click();
  const answer = await submitted;
  expect(answer.ok()).toBe(true);
  // Passed on the first try within five minutes of opening: rated Easy.
  expect((await answer.json()).submission.schedule).toBe("easy");
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", { timeout: 30_000 });
  expect(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).toBe("// my draft");

  // Rated: the item is scheduled again, days away, and has left the drill.
  await page.goto("/cards");
  await expect(page.getByTestId("remaining")).toBeVisible();
  await expect(page.getByTestId("exercise-items")).toHaveCount(0);
});
