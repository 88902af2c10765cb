import { test as base, expect } from "@playwright/test";

/**
 * The test fixture every browser test uses: it fails the test when the page logs a
 * console error or throws an uncaught exception, so broken pages cannot pass quietly.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("response", (response) => {
        if (response.status() >= 400 && response.request().resourceType() !== "document") {
          errors.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      await use(errors);
      expect(errors, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
