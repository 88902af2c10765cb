#!/usr/bin/env node
// A production install made the usual way, checked end to end: a clone of HEAD with the project's
// dependencies, `npm run build`, `npm prune --omit=dev` (and tsx deleted, to prove nothing runs
// through it), then `npm run serve` and `npm run grader:worker` on a throwaway Redis. The server
// must apply the migrations to a new database and grade a correct Adam (passed) and the starter
// (failed), first in its own grader processes, then through the queue and the worker.
// Usage: node scripts/test-production.mjs   (.ci/run runs it; about 4 minutes on 2 cores)
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./pg.mjs";
import { startRedis } from "./redis.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(path.join(tmpdir(), "descent-production-"));
const app = path.join(work, "app");
const children = [];
const log = (line) => console.log(`[production] ${line}`);

/** Signals the child's whole process group: `npm run` leaves its script running when only npm is signalled. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {}
}

/** Stops a started process and everything it started, and waits for it (SIGKILL after 10 s). */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return signalGroup(child, "SIGKILL");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // Whatever of the group outlived its leader.
  signalGroup(child, "SIGKILL");
}

function cleanUp() {
  for (const child of children) signalGroup(child, "SIGKILL");
  rmSync(work, { recursive: true, force: true });
}
process.on("exit", cleanUp);

function run(command, args, env = {}) {
  execFileSync(command, args, {
    cwd: app,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
}

function start(name, command, args, env) {
  const child = spawn(command, args, {
    cwd: app,
    // Its own process group, so that stop() reaches the processes npm starts.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let text = "";
  const keep = (chunk) => {
    text = (text + chunk).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  children.push(child);
  return { child, output: () => text, name };
}

async function waitForHttp(origin, server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited:\n${server.output()}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${server.name} did not answer within 120 s:\n${server.output()}`);
}

async function submit(origin, cookie, code) {
  const response = await fetch(`${origin}/api/exercises/adam/submissions`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ code }),
  });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`submission answered ${response.status}: ${JSON.stringify(body)}`);
  const setCookie = response.headers.get("set-cookie");
  return { verdict: body.result?.verdict, cookie: setCookie ? setCookie.split(";")[0] : cookie };
}

async function gradeBoth(origin, label) {
  const solution = readFileSync(path.join(app, "content/exercises/adam/solution.ts"), "utf8");
  const starter = readFileSync(path.join(app, "content/exercises/adam/starter.ts"), "utf8");
  const correct = await submit(origin, null, solution);
  const wrong = await submit(origin, correct.cookie, starter);
  log(`${label}: correct Adam ${correct.verdict}, starter ${wrong.verdict}`);
  if (correct.verdict !== "passed" || wrong.verdict !== "failed")
    throw new Error(`${label}: expected passed and failed, got ${correct.verdict} and ${wrong.verdict}`);
}

async function serve(env, label) {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const server = start(`server (${label})`, "npm", ["run", "-s", "serve"], { ...env, PORT: String(port) });
  await waitForHttp(origin, server);
  return { origin, server };
}

try {
  log(`cloning HEAD into ${app}`);
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", root, app], { stdio: "inherit" });
  // The project's installed dependencies (native modules already compiled), as `npm install` would make them.
  cpSync(path.join(root, "node_modules"), path.join(app, "node_modules"), {
    recursive: true,
    verbatimSymlinks: true,
  });
  const database = { DATABASE_URL: "file:./data/production.db" };
  log("npm run build");
  run("npm", ["run", "-s", "build"], database);
  log("npm prune --omit=dev, and tsx deleted");
  run("npm", ["prune", "--omit=dev", "--no-audit", "--no-fund"]);
  rmSync(path.join(app, "node_modules/tsx"), { recursive: true, force: true });
  rmSync(path.join(app, "node_modules/.bin/tsx"), { force: true });
  if (existsSync(path.join(app, "node_modules/vitest")))
    log("note: vitest is still installed (a production dependency's dependency)");

  const production = { ...database, NODE_ENV: "production" };
  const alone = await serve(production, "in-process grading");
  await gradeBoth(alone.origin, "in-process grading");
  await stop(alone.server.child);

  const redis = await startRedis({ log });
  try {
    const queued = { ...production, REDIS_URL: redis.url };
    const worker = start("grader worker", "npm", ["run", "-s", "grader:worker"], {
      ...queued,
      GRADER_PROCESSES: "1",
    });
    const web = await serve(queued, "queue and worker");
    await gradeBoth(web.origin, "queue and worker");
    await stop(web.server.child);
    await stop(worker.child);
  } finally {
    await redis.stop();
  }
  log("ok");
} catch (error) {
  console.error(`[production] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
// Every started process is stopped by now; exit even if a handle of theirs lingers (CI waits
// for this process's output to close).
process.exit();
