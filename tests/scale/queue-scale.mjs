#!/usr/bin/env node
// The grading queue on real engines, run by `npm run test:scale`: PostgreSQL
// (scripts/pg.mjs) and Redis (scripts/redis.mjs) on loopback with throwaway data, two web
// servers (scripts/server.mjs on a production build) and grader workers (scripts/grader-worker.ts).
//
//   node tests/scale/queue-scale.mjs        builds into .next-scale first (SCALE_SKIP_BUILD=1 reuses it)
//
// Library: runQueueScale({ databaseUrl?, log? }) runs the same scenarios (DATABASE_URL given:
// that database, already migrated or not; else a throwaway PostgreSQL is started).
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freePort, startPostgres } from "../../scripts/pg.mjs";
import { startRedis } from "../../scripts/redis.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST_DIR = process.env.SCALE_DIST_DIR ?? ".next-scale";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const solution = (slug, ext = "ts") =>
  readFileSync(path.join(root, "content/exercises", slug, `solution.${ext}`), "utf8");
const starter = (slug, ext = "ts") =>
  readFileSync(path.join(root, "content/exercises", slug, `starter.${ext}`), "utf8");
const EXERCISES = ["adam", "momentum", "rmsprop", "sgd-step-decay"];

/** Builds the app into DIST_DIR (the test's own build directory) unless SCALE_SKIP_BUILD is set. */
export function buildForScale(log = console.log) {
  if (process.env.SCALE_SKIP_BUILD) return;
  log(`building into ${DIST_DIR}`);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    NODE_ENV: "production",
  };
  execFileSync(process.execPath, ["scripts/setup.mjs", "generate"], { cwd: root, stdio: "inherit", env });
  // The grader processes' compiled entry (.grader/), as `npm run build` makes it.
  execFileSync(process.execPath, ["scripts/build-grader.mjs"], { cwd: root, stdio: "inherit", env });
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
}

/** A child process whose output lines are kept (and JSON lines parsed) for the scenarios to read. */
function startProcess(name, args, env, log) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines = [];
  const json = [];
  let buffer = "";
  const onData = (chunk) => {
    buffer += chunk;
    let index = buffer.indexOf("\n");
    while (index >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 1);
      lines.push(line);
      if (line.startsWith("{"))
        try {
          json.push(JSON.parse(line));
        } catch {}
      if (process.env.SCALE_VERBOSE) log(`[${name}] ${line}`);
      index = buffer.indexOf("\n");
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { name, child, lines, json, exited };
}

async function waitFor(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** One learner: its own cookie jar and network address (the servers trust 127.0.0.1 as proxy). */
function createLearner(address) {
  const jar = new Map();
  return {
    address,
    jar,
    async request(server, pathname, init = {}) {
      const headers = {
        origin: server.origin,
        "x-forwarded-for": address,
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...init.headers,
      };
      const response = await fetch(`${server.url}${pathname}`, { ...init, headers, redirect: "manual" });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      const text = await response.text();
      let body = null;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: response.status, body, text };
    },
    submit(server, slug, code, language = "typescript") {
      return this.request(server, `/api/exercises/${slug}/submissions`, {
        method: "POST",
        body: JSON.stringify({ code, language }),
      });
    },
  };
}

export async function runQueueScale(options = {}) {
  const log = options.log ?? console.log;
  const cleanups = [];
  const results = [];
  /** Every started server and worker, whose last lines a failure prints. */
  const started = [];
  const pass = (name, detail = "") => {
    results.push(name);
    log(`  ✓ ${name}${detail ? ` (${detail})` : ""}`);
  };
  try {
    let databaseUrl = options.databaseUrl ?? process.env.SCALE_DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startPostgres({ log: (line) => log(`[pg] ${line}`) });
      cleanups.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }
    const redis = await startRedis({ log: (line) => log(`[redis] ${line}`) });
    cleanups.push(() => redis.stop());
    const baseEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      AUTH_SECRET: "scale-test-secret-0123456789abcdef0123456789",
      TRUST_PROXY: "127.0.0.1, ::1",
      GRADER_PROCESSES: "1",
      // 200 submissions on two small workers take minutes on a busy 2-core machine: a request may
      // wait that long here without being answered "busy".
      GRADER_QUEUE_WAIT_MS: "600000",
    };
    execFileSync(process.execPath, ["scripts/setup.mjs", "migrate"], {
      cwd: root,
      stdio: "ignore",
      env: baseEnv,
    });
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());

    // Two web servers; behind a load balancer they share one public origin (the first's here).
    const ports = [await freePort(), await freePort()];
    const origin = `http://127.0.0.1:${ports[0]}`;
    const servers = ports.map((port, i) => {
      const proc = startProcess(
        `web${i + 1}`,
        ["scripts/server.mjs"],
        { ...baseEnv, PORT: String(port), APP_ORIGIN: origin },
        log,
      );
      cleanups.push(() => proc.child.kill("SIGKILL"));
      started.push(proc);
      return { ...proc, url: `http://127.0.0.1:${port}`, origin };
    });
    const health = async (server) => (await fetch(`${server.url}/api/health`)).json();
    for (const server of servers)
      await waitFor(`${server.name} /api/health`, async () => (await health(server)).database?.ok, 90_000);

    // Two grader processes per worker: the waiting room is 16 jobs per live grader process
    // (lib/grader/policy.ts, as in the in-process pool), and step 1 has 50 first submissions in
    // flight at once.
    const WORKER_PROCESSES = 2;
    let workerCount = 0;
    const workers = [];
    const startWorker = async () => {
      const name = `worker${++workerCount}`;
      const proc = startProcess(
        name,
        ["--import", "tsx", "scripts/grader-worker.ts"],
        { ...baseEnv, GRADER_PROCESSES: String(WORKER_PROCESSES), GRADER_WORKER_PORT: "0" },
        log,
      );
      cleanups.push(() => proc.child.kill("SIGKILL"));
      started.push(proc);
      const announced = await waitFor(`${name} to start`, async () => proc.json.find((line) => line.started));
      const worker = { ...proc, port: announced.port };
      worker.health = async () => (await fetch(`http://127.0.0.1:${worker.port}/`)).json();
      workers.push(worker);
      return worker;
    };
    const liveWorkers = async () => (await health(servers[0])).grader.workers;
    await Promise.all([startWorker(), startWorker()]);
    await waitFor("2 live workers in /api/health", async () => (await liveWorkers()) === 2, 20_000);
    const h = await health(servers[1]);
    assert.equal(h.grader.mode, "queue");
    assert.equal(h.database.provider, databaseUrl.startsWith("file:") ? "sqlite" : "postgresql");
    pass("/api/health on both servers reports the database, the queue and 2 live workers");
    const w = await workers[0].health();
    assert.equal(w.ok, true);
    assert.equal(w.concurrency, WORKER_PROCESSES);
    assert.deepEqual(
      w.python,
      { available: true },
      `worker1 cannot grade Python: ${JSON.stringify(w.python)}`,
    );
    pass("a worker serves its own health, Python included", `port ${workers[0].port}`);
    // Each worker's Python, as it announced itself, in the web servers' health.
    const announced = await waitFor("both workers' announcements", async () => {
      const list = (await health(servers[0])).grader.workerList;
      return list?.length === 2 ? list : null;
    });
    assert.ok(
      announced.every((worker) => worker.python?.available === true),
      JSON.stringify(announced),
    );
    assert.deepEqual((await health(servers[1])).python, { available: true, workers: 2 });
    pass("/api/health says for each worker that it can grade Python");

    let nextAddress = 1;
    const newLearner = () => {
      const n = nextAddress++;
      return createLearner(`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
    };
    /** Checks one accepted submission: 200, expected verdict, and exactly one stored row under its id. */
    const rowsById = async (ids) => {
      const { rows } = await db.query('SELECT id, verdict FROM "Submission" WHERE id = ANY($1)', [ids]);
      return rows;
    };

    // 1. 200 submissions from 50 learners over both servers (SCALE_LEARNERS: fewer, for trying the script out).
    {
      const started = Date.now();
      const count = Number(process.env.SCALE_LEARNERS ?? 50);
      const total = count * 4;
      const learners = Array.from({ length: count }, newLearner);
      const outcomes = await Promise.all(
        learners.map(async (learner, i) => {
          const mine = [];
          for (let k = 0; k < 4; k++) {
            const slug = EXERCISES[(i + k) % EXERCISES.length];
            const correct = (i + k) % 3 !== 0;
            const response = await learner.submit(
              servers[(i + k) % 2],
              slug,
              correct ? solution(slug) : starter(slug),
            );
            mine.push({ response, expected: correct ? "passed" : "failed" });
          }
          return mine;
        }),
      );
      const flat = outcomes.flat();
      assert.equal(flat.length, total);
      for (const { response, expected } of flat) {
        assert.equal(
          response.status,
          200,
          `submission answered ${response.status}: ${response.text.slice(0, 300)}`,
        );
        assert.equal(response.body.result.verdict, expected);
      }
      const ids = flat.map(({ response }) => response.body.submission.id);
      assert.equal(new Set(ids).size, total);
      const rows = await rowsById(ids);
      assert.equal(rows.length, total);
      const expectedById = new Map(
        flat.map(({ response, expected }) => [response.body.submission.id, expected]),
      );
      for (const row of rows) assert.equal(row.verdict, expectedById.get(row.id));
      const perWorker = workers.map((worker) => worker.json.filter((line) => line.job).length);
      assert.ok(
        perWorker.every((count) => count > 0),
        `both workers graded: ${perWorker}`,
      );
      pass(
        `${total} submissions from ${count} learners over both servers: ${total} stored results with the right verdicts`,
        `${((Date.now() - started) / 1000).toFixed(1)} s, jobs per worker ${perWorker.join("/")}`,
      );
    }

    // 1b. Python across both workers: the same queue, the workers' sandboxes, stored with its language.
    {
      const started = Date.now();
      const jobsBefore = workers.map((worker) => worker.json.filter((line) => line.job).length);
      const learners = Array.from({ length: 12 }, newLearner);
      const outcomes = await Promise.all(
        learners.map(async (learner, i) => {
          const mine = [];
          for (let k = 0; k < 2; k++) {
            const slug = EXERCISES[(i + k) % EXERCISES.length];
            const correct = (i + k) % 3 !== 0;
            const code = correct ? solution(slug, "py") : starter(slug, "py");
            const response = await learner.submit(servers[(i + k) % 2], slug, code, "python");
            mine.push({ response, expected: correct ? "passed" : "failed" });
          }
          return mine;
        }),
      );
      const flat = outcomes.flat();
      for (const { response, expected } of flat) {
        assert.equal(
          response.status,
          200,
          `Python submission answered ${response.status}: ${response.text.slice(0, 300)}`,
        );
        assert.equal(
          response.body.result.verdict,
          expected,
          JSON.stringify(response.body.result).slice(0, 300),
        );
      }
      const ids = flat.map(({ response }) => response.body.submission.id);
      const { rows } = await db.query('SELECT language, verdict FROM "Submission" WHERE id = ANY($1)', [ids]);
      assert.equal(rows.length, flat.length);
      assert.ok(
        rows.every((row) => row.language === "python"),
        "every row says python",
      );
      const perWorker = workers.map(
        (worker, i) => worker.json.filter((line) => line.job).length - (jobsBefore[i] ?? 0),
      );
      assert.ok(
        perWorker.every((count) => count > 0),
        `both workers graded Python: ${perWorker}`,
      );
      pass(
        `${flat.length} Python submissions over both servers: graded in both workers' sandboxes, stored as python`,
        `${((Date.now() - started) / 1000).toFixed(1)} s, jobs per worker ${perWorker.join("/")}`,
      );
    }

    // 2. The 7th submission in a minute is refused whichever server receives it.
    {
      const learner = newLearner();
      const statuses = [];
      for (let k = 0; k < 7; k++)
        statuses.push((await learner.submit(servers[k % 2], "adam", solution("adam"))).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429]);
      const other = newLearner();
      for (let k = 0; k < 6; k++)
        assert.equal((await other.submit(servers[(k + 1) % 2], "adam", solution("adam"))).status, 200);
      assert.equal((await other.submit(servers[1], "adam", solution("adam"))).status, 429);
      pass("the 7th submission in a minute is refused (429) on either server");
    }

    // 2b. One job per learner across servers: a second submission while the first is graded is 409.
    {
      const learner = newLearner();
      // A first graded submission gives the guest its cookie, so both servers know who it is.
      assert.equal((await learner.submit(servers[1], "adam", solution("adam"))).status, 200);
      // An endless loop holds a worker until the sandbox's 5 s budget ends it ("timeout").
      const ticket = "ab".repeat(16);
      const slow = learner.request(servers[0], "/api/exercises/adam/submissions", {
        method: "POST",
        body: JSON.stringify({ code: `${starter("adam")}\nwhile (true) {}\n` }),
        headers: { "x-descent-ticket": ticket },
      });
      // Its place, asked of the other server by ticket and by cookie.
      await waitFor("the learner's job to be queued", async () => {
        const byTicket = await learner.request(servers[1], `/api/grader/queue?ticket=${ticket}`);
        const byCookie = await learner.request(servers[1], "/api/grader/queue");
        return byTicket.body?.state !== "none" && byCookie.body?.state === byTicket.body?.state;
      });
      const second = await learner.submit(servers[1], "adam", solution("adam"));
      assert.equal(second.status, 409);
      const first = await slow;
      assert.equal(first.status, 200);
      assert.equal(first.body.result.verdict, "timeout");
      pass("one job per learner: a second submission on the other server while the first is graded is 409");
    }

    // 3. Signed in on one server, signed in on the other.
    {
      const learner = newLearner();
      const email = `scale-${Date.now()}@example.com`;
      const password = "a long and unusual passphrase 7391";
      const signUp = await learner.request(servers[1], "/api/auth/sign-up/email", {
        method: "POST",
        body: JSON.stringify({ name: "Scale Test", email, password }),
      });
      assert.equal(signUp.status, 200, signUp.text.slice(0, 300));
      const signIn = await learner.request(servers[0], "/api/auth/sign-in/email", {
        method: "POST",
        body: JSON.stringify({ email, password }),
      });
      assert.equal(signIn.status, 200, signIn.text.slice(0, 300));
      assert.ok([...learner.jar.keys()].some((name) => name.endsWith("session_token")));
      const here = await learner.request(servers[0], "/api/me");
      const there = await learner.request(servers[1], "/api/me");
      assert.equal(here.body.isGuest, false);
      assert.deepEqual(there.body, here.body);
      const stranger = await newLearner().request(servers[1], "/api/me");
      assert.equal(stranger.body.isGuest, true);
      pass("a learner signed up on one server and signed in on the other is signed in on both");
    }

    // 4. A worker killed with SIGKILL mid-job: every accepted submission gets exactly one result,
    // half of them Python (its sandbox dies with the worker; the job is graded again elsewhere).
    {
      const learners = Array.from({ length: 16 }, newLearner);
      const pending = learners.map((learner, i) =>
        i % 2 === 0
          ? learner.submit(servers[i % 4 < 2 ? 0 : 1], "adam", solution("adam", "py"), "python")
          : learner.submit(servers[i % 4 < 2 ? 0 : 1], "adam", solution("adam")),
      );
      const victim = workers[0];
      await waitFor("worker1 grading", async () => (await victim.health()).running > 0, 30_000);
      const killedAt = Date.now();
      victim.child.kill("SIGKILL");
      await victim.exited;
      workers.splice(workers.indexOf(victim), 1);
      const responses = await Promise.all(pending);
      for (const response of responses) assert.equal(response.status, 200, response.text.slice(0, 300));
      const ids = responses.map((response) => response.body.submission.id);
      const rows = await rowsById(ids);
      assert.equal(rows.length, 16);
      assert.ok(rows.every((row) => row.verdict === "passed"));
      const retaken = workers[0].json.filter((line) => line.job && line.stalled > 0);
      assert.ok(retaken.length >= 1, "the killed worker's job was taken again by the other worker");
      pass(
        "a worker killed with SIGKILL mid-job: all 16 accepted submissions (8 Python) have exactly one stored result",
        `${retaken.length} job(s) retaken, last answer ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
      );
    }

    // 5. No worker: submissions wait (queue depth visible), a worker started later takes them.
    {
      const remaining = workers.splice(0);
      for (const worker of remaining) {
        worker.child.kill("SIGTERM");
        await worker.exited;
      }
      await waitFor("0 live workers", async () => (await liveWorkers()) === 0, 20_000);
      const learners = Array.from({ length: 6 }, newLearner);
      const pending = learners.map((learner, i) =>
        learner.submit(servers[i % 2], "momentum", solution("momentum")),
      );
      const depth = await waitFor("6 waiting jobs", async () => {
        const grader = (await health(servers[1])).grader;
        return grader.waiting === 6 ? grader : null;
      });
      assert.equal(depth.workers, 0);
      const late = await startWorker();
      const responses = await Promise.all(pending);
      for (const response of responses) assert.equal(response.status, 200, response.text.slice(0, 300));
      assert.equal((await rowsById(responses.map((r) => r.body.submission.id))).length, 6);
      assert.equal(late.json.filter((line) => line.job).length, 6);
      pass(
        "with no worker, 6 submissions wait (health shows waiting 6, workers 0); a worker started later grades them all",
      );
    }

    // 6. Redis restarted mid-run: submissions resume without manual action.
    {
      await startWorker();
      const learners = Array.from({ length: 12 }, newLearner);
      const pending = learners.map((learner, i) => learner.submit(servers[i % 2], "adam", solution("adam")));
      await waitFor("a first job graded", async () =>
        workers.some((worker) => worker.json.some((line) => line.job && line.exercise === "adam")),
      );
      const restartedAt = Date.now();
      await redis.restart({ downMs: 1_000 });
      const responses = await Promise.all(pending);
      for (const response of responses) assert.equal(response.status, 200, response.text.slice(0, 300));
      const rows = await rowsById(responses.map((r) => r.body.submission.id));
      assert.equal(rows.length, 12);
      // And the queue keeps working afterwards.
      const after = await newLearner().submit(servers[1], "adam", solution("adam"));
      assert.equal(after.status, 200);
      pass(
        "Redis restarted mid-run: all 12 submissions answered and stored once, and new ones are graded",
        `last answer ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart began`,
      );
    }

    // Exactly one row per submission id overall, and no row without an answer.
    const { rows } = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM "Submission"',
    );
    assert.equal(rows[0].n, rows[0].d);
    return results;
  } catch (error) {
    // What the servers and workers said last is usually why.
    for (const proc of started) {
      log(`--- last lines of ${proc.name} ---`);
      for (const line of proc.lines.slice(-30)) log(`[${proc.name}] ${line}`);
    }
    throw error;
  } finally {
    for (const cleanup of cleanups.reverse())
      await Promise.resolve()
        .then(cleanup)
        .catch(() => {});
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    buildForScale();
    console.log("queue scale tests (PostgreSQL, Redis, 2 web servers, grader workers):");
    const passed = await runQueueScale();
    console.log(`${passed.length} passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
