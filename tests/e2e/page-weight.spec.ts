import { expect, test } from "../playwright-utils";
import { JS_BUDGET_BYTES, measureVisit, ROUTES } from "../page-weight";

// Bytes, not time: the same build always ships the same chunks, so these hold on a loaded machine.
// npm run bench:pages prints the same measurements with times, cold and warm (docs/benchmarks.md).
for (const { kind, path } of ROUTES) {
  test(`${path} (${kind}) stays under its JavaScript budget on a first visit`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext();
    try {
      const weight = await measureVisit(context, `${test.info().project.use.baseURL}${path}`, false);
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
