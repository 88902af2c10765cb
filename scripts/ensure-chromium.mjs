#!/usr/bin/env node
// Run before the browser tests: finds a system Chromium, installs Debian's package when it can
// (root, or password-less sudo, with apt-get), and otherwise stops with what to do, not a stack trace.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium.mjs";

function fail(message) {
  console.error(
    `\nThe browser tests need Chromium (Playwright's own download does not work offline).\n${message}\n`,
  );
  process.exit(1);
}

const configured = process.env.CHROMIUM_PATH;
if (configured && !existsSync(configured))
  fail(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
if (findChromium()) process.exit(0);

const hasApt = existsSync("/usr/bin/apt-get");
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
let sudo = null;
if (hasApt && !isRoot) {
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    sudo = "sudo";
  } catch {}
}
if (hasApt && (isRoot || sudo)) {
  console.log("Installing Debian's chromium for the browser tests (once; about a minute)…");
  const apt = (args) =>
    execFileSync(sudo ?? "apt-get", sudo ? ["apt-get", ...args] : args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "chromium"]);
  } catch (error) {
    fail(
      `Installing it with apt-get failed (${error.message}). Install it by hand: apt-get install chromium`,
    );
  }
  if (findChromium()) {
    console.log(`Chromium installed: ${findChromium()}`);
    process.exit(0);
  }
  fail("apt-get reported success but no chromium binary appeared in /usr/bin.");
}
fail(
  [
    "None was found. Install one and run npm test again:",
    "  Debian/Ubuntu:  sudo apt-get install chromium",
    "  macOS:          install Google Chrome, or brew install --cask chromium",
    "or point the tests at any Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test",
  ].join("\n"),
);
