// Debian's Chromium and the flags it needs on this offline machine (Playwright's own browser
// download cannot work here): shared by the browser tests and the page-weight benchmark.

/** Path of the Chromium binary (CHROMIUM_PATH overrides). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch flags: headless, and no background network traffic the closed network would refuse. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
