import type { Page } from "playwright-core";

/** The JavaScript budget of a course page: compressed bytes transferred (issue 4). */
export const PAGE_JS_BUDGET_BYTES = 200 * 1024;

export type PageWeight = { scripts: number; jsBytes: number; monaco: boolean };

/**
 * Loads `url` in `page` (use a fresh context: nothing cached, as for a first visit), waits for network
 * idle and adds up the compressed size of every script fetched, prefetched route chunks included.
 */
export async function measurePageWeight(page: Page, url: string): Promise<PageWeight> {
  const pending: Array<Promise<number>> = [];
  const urls: string[] = [];
  page.on("requestfinished", (request) => {
    urls.push(request.url());
    if (request.resourceType() !== "script") return;
    // responseBodySize is the encoded (gzip) size as transferred.
    pending.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status() ?? "no response"}`);
  const sizes = await Promise.all(pending);
  return {
    scripts: sizes.length,
    jsBytes: sizes.reduce((sum, size) => sum + size, 0),
    monaco: urls.some((u) => /monaco/i.test(u)),
  };
}
