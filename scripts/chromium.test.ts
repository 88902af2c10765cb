import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findChromium } from "./chromium.mjs";

const run = promisify(execFile);

describe("finding Chromium for the browser tests", () => {
  it("takes CHROMIUM_PATH as given", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" })).toBe("/opt/chrome/chrome");
  });

  it("stops with what to do, not a stack trace, when CHROMIUM_PATH names no file", async () => {
    const failure = await run(process.execPath, ["scripts/ensure-chromium.mjs"], {
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("CHROMIUM_PATH is set to /nonexistent/chromium, which does not exist.");
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});
