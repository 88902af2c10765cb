// Availability names what is missing, and the runner refuses to start anything without a sandbox.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { probePythonAvailability } from "./availability.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "descent-availability-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe("Python availability", () => {
  it("names a missing bubblewrap, prlimit or interpreter", () => {
    expect(probePythonAvailability({ bwrap: "/nonexistent/bwrap" })).toEqual({
      available: false,
      reason: "bubblewrap is not installed (/nonexistent/bwrap): apt-get install bubblewrap",
    });
    expect(probePythonAvailability({ prlimit: "/nonexistent/prlimit" })).toMatchObject({ available: false });
    expect(probePythonAvailability({ python: "/nonexistent/python3" })).toMatchObject({
      reason: expect.stringMatching(/python3-numpy/),
    });
  });

  it("names a Python without NumPy", () => {
    const python = script("python3", "exit 1");
    expect(probePythonAvailability({ python })).toEqual({
      available: false,
      reason: `NumPy is not installed for ${python}: apt-get install python3-numpy`,
    });
  });

  it("names refused user namespaces", () => {
    const bwrap = script(
      "bwrap",
      'echo "bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2\nexit 1',
    );
    expect(probePythonAvailability({ bwrap, python: "/usr/bin/python3" })).toMatchObject({
      available: false,
      reason: expect.stringMatching(/^bubblewrap cannot create user namespaces here \(bwrap: No permissions/),
    });
  });

  it("makes runPythonSubmission throw PythonSandboxUnavailableError before spawning anything", async () => {
    vi.resetModules();
    vi.doMock("./availability.mjs", async (original) => ({
      ...(await original<typeof import("./availability.mjs")>()),
      getPythonAvailability: () => ({ available: false, reason: "bubblewrap is not installed (test)" }),
    }));
    const spawn = vi.fn();
    vi.doMock("node:child_process", async (original) => ({
      ...(await original<typeof import("node:child_process")>()),
      spawn,
    }));
    const { runPythonSubmission, PythonSandboxUnavailableError } = await import("./runner");
    const attempt = runPythonSubmission({ code: "x = 1", specs: [], timeoutMs: 1000 });
    await expect(attempt).rejects.toBeInstanceOf(PythonSandboxUnavailableError);
    await expect(attempt).rejects.toMatchObject({ reason: "bubblewrap is not installed (test)" });
    expect(spawn).not.toHaveBeenCalled();
    vi.doUnmock("./availability.mjs");
    vi.doUnmock("node:child_process");
  });
});
