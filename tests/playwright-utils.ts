import { randomInt } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * A made-up client address for X-Forwarded-For. The e2e server trusts its loopback peer as a
 * proxy (TRUST_PROXY in scripts/e2e-server.mjs), so each test is its own network client for the
 * per-client rate limits instead of all tests sharing 127.0.0.1's.
 */
export function uniqueClientAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * The test fixture every browser test uses: it fails the test when the page logs a
 * console error or throws an uncaught exception, so broken pages cannot pass quietly.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  // Every test's own browser context comes from its own client address (see uniqueClientAddress).
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ "x-forwarded-for": uniqueClientAddress(), ...extraHTTPHeaders });
  },
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

/** The part of Monaco's editor API the tests use, through the hook that exists under automation only. */
export type EditorHook = {
  setValue(value: string): void;
  getValue(): string;
  hasTextFocus(): boolean;
  updateOptions(options: Record<string, unknown>): void;
  getModel(): { uri: unknown } | null;
};
/** The part of Monaco itself the tests use (window.descentMonaco, automation only): its diagnostics. */
export type MonacoHook = {
  editor: {
    getModelMarkers(filter: {
      resource?: unknown;
    }): { severity: number; message: string; startLineNumber: number }[];
  };
  MarkerSeverity: { Error: number };
};
declare global {
  interface Window {
    descentEditor?: EditorHook;
    descentMonaco?: MonacoHook;
  }
}

/**
 * Waits for the editor's ready signal: Monaco has mounted with the code, Ctrl+Enter and
 * Ctrl+Shift+Enter are bound (keys pressed before that are lost) and window.descentEditor is set.
 */
export async function editorReady(page: Page) {
  await expect(page.locator('[data-editor-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

/** Clicks into the code and waits until Monaco has the keyboard focus. */
export async function focusEditor(page: Page) {
  await editorReady(page);
  await page.locator(".monaco-editor .view-lines").click();
  await expect.poll(() => page.evaluate(() => window.descentEditor?.hasTextFocus())).toBe(true);
}

/** Replaces the editor's content through Monaco's own model. */
export async function setEditorCode(page: Page, code: string) {
  await editorReady(page);
  await page.evaluate((value) => window.descentEditor?.setValue(value), code);
}

/** The editor's current content. */
export const editorCode = (page: Page) => page.evaluate(() => window.descentEditor?.getValue());

/** The error markers TypeScript has put on the editor's code (red squiggles), as "line: message". */
export const editorErrors = (page: Page) =>
  page.evaluate(() => {
    const monaco = window.descentMonaco;
    const model = window.descentEditor?.getModel();
    if (!monaco || !model) return ["(the editor's test hook is missing)"];
    return monaco.editor
      .getModelMarkers({ resource: model.uri })
      .filter((marker) => marker.severity === monaco.MarkerSeverity.Error)
      .map((marker) => `${marker.startLineNumber}: ${marker.message}`);
  });

/**
 * `text` with `from` replaced by `to`; throws when `from` is not in it, so a fixture made by editing
 * a reference solution cannot silently stay the correct solution after the solution is rewritten.
 */
export function patchSource(text: string, from: string, to: string): string {
  if (!text.includes(from))
    throw new Error(`patchSource: the source no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
