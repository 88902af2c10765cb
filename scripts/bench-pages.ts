// Measures the JavaScript a learner downloads for the course index and every lesson page:
// compressed bytes on the wire, per page, against the 200 KiB budget. Run against a production
// server: `E2E_PORT=3100 node scripts/e2e-server.mjs`, then `npm run bench:pages`.
import { readdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/chromium";
import { measurePageWeight, PAGE_JS_BUDGET_BYTES, type PageWeight } from "../tests/page-weight";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const BUDGET_BYTES = PAGE_JS_BUDGET_BYTES;

type PageResult = PageWeight & { path: string };

function listPaths(): string[] {
  const slugs = readdirSync("content/lessons")
    .filter((name) => /^\d{2}-.+\.mdx$/.test(name))
    .sort()
    .map((name) => name.replace(/^\d{2}-/, "").replace(/\.mdx$/, ""));
  return ["/learn", ...slugs.map((slug) => `/learn/${slug}`)];
}

async function measure(browser: import("playwright-core").Browser, path: string): Promise<PageResult> {
  // A fresh context per page: nothing cached, as for a first visit.
  const context = await browser.newContext();
  try {
    return { path, ...(await measurePageWeight(await context.newPage(), BASE_URL + path)) };
  } finally {
    await context.close();
  }
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const results: PageResult[] = [];
try {
  for (const path of listPaths()) results.push(await measure(browser, path));
} finally {
  await browser.close();
}

console.log(`JS transferred per page (compressed), budget ${kib(BUDGET_BYTES)} KiB, ${BASE_URL}\n`);
console.log("| page | scripts | JS KiB (gzip) | Monaco |");
console.log("|---|---:|---:|---|");
for (const r of results)
  console.log(`| ${r.path} | ${r.scripts} | ${kib(r.jsBytes)} | ${r.monaco ? "yes" : "no"} |`);
const worst = results.reduce((a, b) => (b.jsBytes > a.jsBytes ? b : a));
console.log(`\nmax: ${kib(worst.jsBytes)} KiB (${worst.path})`);
const failures = results.filter((r) => r.jsBytes > BUDGET_BYTES || r.monaco);
if (failures.length > 0) {
  console.error(`Over budget or loading Monaco: ${failures.map((r) => r.path).join(", ")}`);
  process.exit(1);
}
