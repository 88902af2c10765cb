// Page weight and speed of every route kind, cold (a first visit) and warm (a second one), against a
// production server: `E2E_PORT=3100 node scripts/e2e-server.mjs`, then `npm run bench:pages`
// (BASE_URL=http://127.0.0.1:PORT for another port; RUNS=5). Bytes are compressed bytes on the wire;
// times are medians, and divided by the load time of a plain static page served in the same run.
// On an exercise page "interactive" is the light editor being usable (data-editor-usable); "Monaco
// ready" is when Monaco has taken over (data-editor-ready), and totals include its TypeScript worker.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/chromium";
import { JS_BUDGET_BYTES, measureVisit, type PageWeight, ROUTES, visitUrl } from "../tests/page-weight";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const RUNS = Number(process.env.RUNS ?? 5);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

// The baseline: a small static HTML page (text and a stylesheet link), from node:http on loopback.
function serveStaticPage(): Promise<{ url: string; close: () => void }> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<style>body{font:16px system-ui;max-width:40rem;margin:2rem auto}</style></head>
<body><h1>A plain static page</h1><p>${"Baseline text. ".repeat(200)}</p></body></html>`;
  const server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => server.close(),
      }),
    ),
  );
}

async function measureBaseline(browser: Browser, url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    times.push(
      await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.duration ?? Number.NaN),
    );
    await context.close();
  }
  return median(times);
}

async function measureRoute(browser: Browser, path: string, warm: boolean): Promise<PageWeight[]> {
  const runs: PageWeight[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    try {
      runs.push(await measureVisit(context, await visitUrl(context, BASE_URL, path), warm));
    } finally {
      await context.close();
    }
  }
  return runs;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const baselineServer = await serveStaticPage();
const rows: string[] = [];
const failures: string[] = [];
let baseline = Number.NaN;
try {
  baseline = await measureBaseline(browser, baselineServer.url);
  for (const { kind, path } of ROUTES) {
    for (const warm of [false, true]) {
      const runs = await measureRoute(browser, path, warm);
      const m = (pick: (w: PageWeight) => number) => median(runs.map(pick));
      const js = m((w) => w.jsBytes);
      const ratio = (ms: number) => `${Math.round(ms)} (${(ms / baseline).toFixed(1)}×)`;
      const dupes = [...new Set(runs.flatMap((w) => w.duplicates))].length;
      const monaco = runs.every((w) => w.monacoReadyMs !== null)
        ? ratio(m((w) => w.monacoReadyMs ?? 0))
        : "–";
      rows.push(
        `| ${path} | ${warm ? "warm" : "cold"} | ${kib(m((w) => w.jsBeforePaint))} | ${kib(js)} | ${kib(m((w) => w.totalBytes))} | ${ratio(m((w) => w.firstPaintMs))} | ${ratio(m((w) => w.interactiveMs))} | ${monaco} | ${dupes} |`,
      );
      if (!warm && js > JS_BUDGET_BYTES[kind])
        failures.push(`${path} ${kib(js)} KiB > ${kib(JS_BUDGET_BYTES[kind])}`);
    }
  }
} finally {
  baselineServer.close();
  await browser.close();
}

console.log(`${BASE_URL}, medians of ${RUNS}; static page load ${Math.round(baseline)} ms = 1×\n`);
console.log(
  "| page | cache | JS before first paint (KiB) | JS until interactive (KiB) | total (KiB) | first paint ms | interactive ms | Monaco ready ms | fetched twice |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
if (failures.length > 0) {
  console.error(`\nOver the JavaScript budget (cold): ${failures.join("; ")}`);
  process.exit(1);
}
