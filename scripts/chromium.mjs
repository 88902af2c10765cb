// Where the browser tests find Chromium. Playwright's own browser download cannot work offline, so
// the tests use a system Chromium: CHROMIUM_PATH if set, else the usual install locations.
import { accessSync, constants } from "node:fs";

/** Places a system Chromium or Chrome is installed, in the order they are tried. */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to launch, or null when none is installed (CHROMIUM_PATH is taken as given). */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}
