// The system Chromium and the flags it needs offline (Playwright's own browser download cannot work
// here): shared by the browser tests and the page-weight benchmark. `npm run test:e2e` runs
// scripts/ensure-chromium.mjs first, which installs or explains what is missing.
import { findChromium } from "../scripts/chromium.mjs";

/** Path of the Chromium binary: CHROMIUM_PATH, else the first system install found. */
export const CHROMIUM_PATH = findChromium() ?? "/usr/bin/chromium";

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
