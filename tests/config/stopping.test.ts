// A process manager stops `npm run grader:worker` (or `npm start`) by signalling npm. npm passes
// the signal to its script's shell; unless the script execs its last command, the shell dies and
// the server or worker runs on as an orphan (this is how a production check once kept CI waiting
// for an hour). Checked on the real worker script.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Pids of Node processes running `script` (not the shells whose command line mentions it). */
function nodesRunning(script: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const [program = "", ...args] = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (/(^|\/)node$/.test(program) && args.includes(script)) found.push(Number(entry));
    } catch {}
  }
  return found;
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

const WORKER = ".grader/grader-worker.mjs";

describe("package scripts that start a long-running process", () => {
  it("npm run grader:worker: SIGTERM to npm stops the worker itself", async () => {
    const before = new Set(nodesRunning(WORKER));
    let npm: ChildProcess | null = spawn("npm", ["run", "-s", "grader:worker"], {
      stdio: ["ignore", "pipe", "pipe"],
      // A Redis nobody listens on: the worker starts and keeps trying to connect.
      env: { ...process.env, REDIS_URL: "redis://127.0.0.1:9", GRADER_WORKER_PORT: "" },
    });
    npm.stdout?.resume();
    npm.stderr?.resume();
    const mine = () => nodesRunning(WORKER).filter((pid) => !before.has(pid));
    try {
      expect(await waitUntil(() => mine().length > 0, 60_000)).toBe(true);
      const worker = mine();
      const exited = new Promise((resolve) => npm?.once("exit", resolve));
      // The worker closes its queue connection first (at most 60 s, scripts/grader-worker.ts).
      npm.kill("SIGTERM");
      await exited;
      npm = null;
      expect(await waitUntil(() => worker.every((pid) => !nodesRunning(WORKER).includes(pid)), 75_000)).toBe(
        true,
      );
    } finally {
      npm?.kill("SIGKILL");
      for (const pid of mine()) process.kill(pid, "SIGKILL");
    }
  }, 180_000);

  it("every script that runs a server after another command execs it", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    for (const name of ["dev", "start", "grader:worker"]) {
      const last = (scripts[name] ?? "").split("&&").at(-1)?.trim() ?? "";
      expect(last, name).toMatch(/^(\w+=\S+ )*exec /);
    }
  });
});
