import { JS_BUDGET_BYTES, measureVisit, ROUTES, visitUrl } from "../page-weight";
import { expect, test } from "../playwright-utils";

// Bytes, not time: the same build always ships the same chunks, so these hold on a loaded machine.
// npm run bench:pages prints the same measurements with times, cold and warm (docs/benchmarks.md).
for (const { kind, path } of ROUTES) {
  test(`${path} (${kind}) stays under its JavaScript budget on a first visit`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    try {
      const url = await visitUrl(context, test.info().project.use.baseURL ?? "", path);
      const weight = await measureVisit(context, url, false);
      expect(weight.scripts).toBeGreaterThan(3);
      expect(weight.jsBytes, `${path}: ${Math.round(weight.jsBytes / 1024)} KiB`).toBeLessThanOrEqual(
        JS_BUDGET_BYTES[kind],
      );
      // Nothing fetched twice on the way in (the exercise page once fetched its chunks again).
      expect(weight.duplicates).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test("from the exercise list to an exercise, nothing is downloaded twice", async ({ page }) => {
  test.setTimeout(120_000);
  const pending: Array<Promise<{ url: string; bytes: number }>> = [];
  page.on("requestfinished", (request) => {
    pending.push(
      request.sizes().then(
        (sizes) => ({ url: request.url(), bytes: sizes.responseBodySize }),
        () => ({ url: request.url(), bytes: 0 }),
      ),
    );
  });
  // The list prefetches the exercise routes its links show; the click must reuse what came then.
  await page.goto("/exercises", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: /^\d+\. Adam$/ }).click();
  await expect(page).toHaveURL(/\/exercises\/adam$/);
  await expect(page.locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const fetched = (await Promise.all(pending)).filter((f) => f.bytes > 0);
  const counts = new Map<string, number>();
  for (const { url } of fetched) counts.set(url, (counts.get(url) ?? 0) + 1);
  expect(fetched.length).toBeGreaterThan(3);
  expect([...counts].filter(([, n]) => n > 1).map(([url]) => url)).toEqual([]);
});
