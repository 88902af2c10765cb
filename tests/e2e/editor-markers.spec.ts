import { expect as baseExpect, type Page } from "@playwright/test";
import { IDIOMATIC_SOLUTIONS } from "../fixtures/idiomatic-solutions";
import { editorCode, editorErrors, expect, focusEditor, setEditorCode, test } from "../playwright-utils";

// The editor never cries wolf: correct code written the way learners write it (plain indexing,
// forEach, for-of over the indices; no `as number` casts) shows no marker, and
// the grader passes it. And the advertised way out of the editor, Escape then Tab, works in Monaco.

/** Waits until TypeScript's checker has answered for the editor at least once (a known error is marked). */
async function checkerAnswering(page: Page) {
  await setEditorCode(page, 'export const wrong: number = "a string";\n');
  await expect.poll(() => editorErrors(page), { timeout: 30_000 }).not.toEqual([]);
}

for (const { slug, name, code } of IDIOMATIC_SOLUTIONS) {
  test(`${slug}: a correct ${name} shows no marker in the editor and passes Submit`, async ({ page }) => {
    await page.goto(`/exercises/${slug}`);
    await checkerAnswering(page);
    await setEditorCode(page, code);
    // The known error's marker goes, and no other comes (noUncheckedIndexedAccess put 8 or more here).
    await expect.poll(() => editorErrors(page), { timeout: 20_000 }).toEqual([]);
    await page.waitForTimeout(1_500);
    baseExpect(await editorErrors(page)).toEqual([]);

    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", "passed", {
      timeout: 45_000,
    });
  });
}

test("keyboard: in Monaco, Tab indents, and Escape then Tab leaves the editor, as the page says", async ({
  page,
}) => {
  await page.goto("/exercises/momentum");
  await expect(page.getByTestId("editor-keys")).toContainText("Esc then Tab leaves the editor");
  await focusEditor(page);
  await page.keyboard.press("ControlOrMeta+Home");
  const before = await editorCode(page);
  await page.keyboard.press("Tab");
  await expect.poll(() => editorCode(page)).toBe(`  ${before}`);
  await expect.poll(() => page.evaluate(() => window.descentEditor?.hasTextFocus())).toBe(true);

  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Run visible tests" })).toBeFocused();
  // The Tab that left inserted nothing.
  expect(await editorCode(page)).toBe(`  ${before}`);

  // Back in the editor, Tab indents again: Escape opened the way out for one key only.
  await focusEditor(page);
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Tab");
  await expect.poll(() => editorCode(page)).toBe(`    ${before}`);
});
