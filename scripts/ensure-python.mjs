#!/usr/bin/env node
// Run before the tests: Python grading needs Debian's bubblewrap and NumPy for /usr/bin/python3.
// Installs them when it can (root, or password-less sudo, with apt-get), and otherwise stops with
// what to do, not a stack trace. Importing this file installs nothing: it re-exports the probe.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { getPythonAvailability, PYTHON_PATH } from "../lib/sandbox/python/availability.mjs";

export { getPythonAvailability };

const PACKAGES = ["bubblewrap", "python3-numpy", "python3-seccomp", "util-linux"];

function fail(message) {
  console.error(`\nPython grading needs bubblewrap and Debian's NumPy for /usr/bin/python3.\n${message}\n`);
  process.exit(1);
}

function canSudo() {
  try {
    execFileSync("sudo", ["-n", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The seccomp filter is generated with python3-seccomp; as root the runner refuses without it. */
function hasSeccompModule() {
  return spawnSync(PYTHON_PATH, ["-I", "-c", "import seccomp"], { stdio: "ignore" }).status === 0;
}

function ensure() {
  const before = getPythonAvailability();
  if (before.available && hasSeccompModule()) return;
  const reason = before.available ? `python3-seccomp is not installed for ${PYTHON_PATH}` : before.reason;
  // Only a missing package is installable; a refused user namespace is the kernel's policy.
  if (/user namespaces/.test(reason)) fail(reason);
  const hasApt = existsSync("/usr/bin/apt-get");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = hasApt && !isRoot && canSudo();
  if (!hasApt || !(isRoot || sudo)) {
    fail(
      [
        reason,
        "Install them and run the tests again:",
        `  Debian/Ubuntu:  sudo apt-get install ${PACKAGES.join(" ")}`,
      ].join("\n"),
    );
  }
  console.log(`Installing Debian's ${PACKAGES.join(", ")} for Python grading (once; about a minute)…`);
  const apt = (args) =>
    execFileSync(sudo ? "sudo" : "apt-get", sudo ? ["apt-get", ...args] : args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  try {
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "--no-install-recommends", ...PACKAGES]);
  } catch (error) {
    fail(`apt-get failed (${error.message}). Install by hand: apt-get install ${PACKAGES.join(" ")}`);
  }
  const after = getPythonAvailability({ refresh: true });
  if (!after.available) fail(`After installing: ${after.reason}`);
  if (!hasSeccompModule()) fail("After installing: python3-seccomp still cannot be imported.");
  console.log("Python sandbox ready: bubblewrap and NumPy installed.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensure();
