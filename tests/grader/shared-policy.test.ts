import { spawnSync } from "node:child_process";
import { setMaxListeners } from "node:events";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HEAVY_ALLOWANCE_MS, HELD_ALLOWANCES, parseCost, TEXTS, waitingLimit } from "@/lib/grader/policy";
import { graderProcesses, gradeSubmission, LearnerBusyError, stopGraderProcesses } from "@/lib/grader/pool";
import type { GradeResult } from "@/lib/grader/result";
import type { RedisHandle } from "@/scripts/redis.mjs";

// The in-process pool and the queue client take their order, costs, limits and refusal texts from
// one module, lib/grader/policy.ts (docs/architecture.md, "Processes", says where they differ).
/** The pool and its waiting room (fair-queue.ts), the queue client and its Redis records. */
const POOL = ["lib/grader/pool.ts", "lib/grader/fair-queue.ts"];
const QUEUE = ["lib/queue/grading-client.server.ts", "lib/queue/usage.server.ts"];
const adam = readFileSync("content/exercises/adam/solution.ts", "utf8");
const endless = adam.replace("state.t += 1;", "state.t += 1;\n  for (;;) {}");

/** The names these files import from the policy module. */
function policyImports(files: string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, "utf8");
    const block = /import\s*\{([^}]*)\}\s*from\s*"(?:\.\/|\.\.\/grader\/)policy"/.exec(text)?.[1] ?? "";
    return block
      .split(",")
      .map((name) => name.replace(/\btype\b/, "").trim())
      .filter(Boolean);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mts|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("one grading policy for the pool and the queue", () => {
  it("both take order, admission, the waiting room, usage keys and texts from lib/grader/policy.ts", () => {
    for (const file of [POOL, QUEUE])
      expect(policyImports(file)).toEqual(
        expect.arrayContaining(["TEXTS", "orderOf", "admission", "waitingLimit", "usageKeys"]),
      );
    // The pool charges with policy.jobCost; the queue charges what a worker's pool measured with it.
    expect(policyImports(POOL)).toEqual(expect.arrayContaining(["jobCost", "isQuiet", "HARD_TIMEOUT_MS"]));
    expect(policyImports(QUEUE)).toEqual(
      expect.arrayContaining(["parseCost", "costOfResult", "queuePriority"]),
    );
  });

  it("no other source file spells a refusal text or a usage rule of its own", () => {
    const texts = [TEXTS.busy, TEXTS.learnerBusy, TEXTS.withdrawn, TEXTS.graderStopped];
    const offenders = ["lib", "app", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => file !== path.normalize("lib/grader/policy.ts"))
      .flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return [
          ...texts.filter((t) => text.includes(t)).map((t) => `${file}: "${t}"`),
          ...(/HALF_LIFE_MS\s*=|MAX_WAITING\s*=\s*\d|HEAVY_(AFTER|ALLOWANCE)_MS\s*=/.test(text)
            ? [`${file}: defines a usage rule`]
            : []),
        ];
      });
    expect(offenders).toEqual([]);
  });

  it("the pool answers with the policy's words", async () => {
    const first = gradeSubmission({ exercise: "adam", code: adam, learner: "words" });
    const second = gradeSubmission({ exercise: "adam", code: adam, learner: "words" });
    await expect(second).rejects.toBeInstanceOf(LearnerBusyError);
    await expect(second).rejects.toThrow(TEXTS.learnerBusy);
    expect((await first).verdict).toBe("passed");
  }, 30_000);
});

// The queue client against a real Redis and BullMQ, with a grader worker in this process (the
// throwaway Redis of scripts/redis.mjs; skipped where redis-server is not installed: `npm run
// test:scale` installs it).
const hasRedis =
  process.env.REDIS_SERVER !== undefined || spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;

describe.skipIf(!hasRedis)("the queue applies the same policy (real Redis, BullMQ and a worker)", () => {
  let redis: RedisHandle;
  let queue: typeof import("@/lib/queue/grading-client.server");
  let usage: typeof import("@/lib/queue/usage.server");
  let worker: Awaited<ReturnType<typeof import("@/lib/queue/worker").startGraderWorker>> | null = null;
  let createRedis: typeof import("@/lib/redis/client").createRedis;
  const stopWorker = async () => {
    await worker?.close();
    worker = null;
  };

  beforeAll(async () => {
    const { startRedis } = await import("@/scripts/redis.mjs");
    redis = await startRedis({ log: () => {} });
    vi.stubEnv("REDIS_URL", redis.url);
    // One process per worker; the web server's own figures size the room while no worker is live.
    vi.stubEnv("GRADER_PROCESSES", "1");
    vi.stubEnv("GRADER_QUIET_PROCESSES", "0");
    stopGraderProcesses(); // the worker's pool reads these when it starts its processes
    queue = await import("@/lib/queue/grading-client.server");
    usage = await import("@/lib/queue/usage.server");
    ({ createRedis } = await import("@/lib/redis/client"));
    const { startGraderWorker } = await import("@/lib/queue/worker");
    worker = await startGraderWorker({ log: () => {} });
  }, 120_000);

  afterAll(async () => {
    await stopWorker();
    await queue?.closeQueueClient();
    await redis?.stop();
    vi.unstubAllEnvs();
  });

  it("a worker announces its processes; the waiting room is sized from them", async () => {
    const { liveCapacity } = await import("@/lib/queue/capacity");
    const connection = createRedis(redis.url, "test");
    try {
      expect(await liveCapacity(connection)).toBe(1);
    } finally {
      connection.disconnect();
    }
  });

  it("a timed-out job is charged what the worker's pool measured with policy.jobCost", async () => {
    const id = "timed-out-job";
    const result = await queue.gradeViaQueue({
      exercise: "adam",
      code: endless,
      learner: "looper",
      client: "net-1",
      id,
    });
    expect(result.verdict).toBe("timeout");
    const { Job, Queue } = await import("bullmq");
    const { GRADING_QUEUE } = await import("@/lib/queue/settings");
    const connection = createRedis(redis.url, "test");
    const reader = new Queue(GRADING_QUEUE, { connection: createRedis(redis.url, "test-queue") });
    try {
      // The worker sent its pool's cost beside the result: about 5 s held, heavy by CPU time.
      const sent = parseCost((await Job.fromId(reader, id))?.returnvalue?.cost);
      if (!sent) throw new Error("the worker sent no cost");
      expect(sent.ms).toBeGreaterThan(4_500);
      expect(sent.heavyMs).toBeGreaterThan(4_500 - HELD_ALLOWANCES * HEAVY_ALLOWANCE_MS);
      // The web server charged exactly that to the learner and the client (decayed a little since).
      const now = Date.now();
      for (const key of ["l:looper", "c:net-1"]) {
        const charged = await usage.readUsage(connection, key, now);
        expect(charged.ms).toBeGreaterThan(sent.ms * 0.9);
        expect(charged.ms).toBeLessThanOrEqual(sent.ms);
        expect(charged.heavyMs).toBeGreaterThan(sent.heavyMs * 0.99);
        expect(charged.heavyMs).toBeLessThanOrEqual(sent.heavyMs);
      }
    } finally {
      await reader.close();
      connection.disconnect();
    }
  }, 60_000);

  it("where the modes differ (docs/architecture.md): a worker runs no quiet process", async () => {
    // Two jobs at once for a one-process worker: a pool with a quiet process would start it.
    const results = await Promise.all(
      ["any-1", "any-2"].map((learner) => queue.gradeViaQueue({ exercise: "adam", code: adam, learner })),
    );
    expect(results.map((r) => r.verdict)).toEqual(["passed", "passed"]);
    const processes = graderProcesses();
    expect(processes.filter((p) => !p.spare)).toHaveLength(1);
    expect(processes.filter((p) => p.quiet)).toEqual([]);
  }, 60_000);

  it("a learner with a job in the queue is refused with the pool's words", async () => {
    const first = queue.gradeViaQueue({ exercise: "adam", code: endless, learner: "twice" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(queue.gradeViaQueue({ exercise: "adam", code: adam, learner: "twice" })).rejects.toThrow(
      TEXTS.learnerBusy,
    );
    expect((await first).verdict).toBe("timeout");
  }, 60_000);

  it("a full room makes room for a lighter learner (the busiest waiting one is answered busy), as in the pool", async () => {
    await stopWorker(); // jobs now wait; the room is waitingLimit(1 + 0) for this server's figures
    const room = waitingLimit(1);
    const controller = new AbortController();
    setMaxListeners(room + 10, controller.signal);
    const settle = (p: Promise<GradeResult>) =>
      p.then(
        (r) => r.verdict as string,
        (e: Error) => e.name,
      );
    const submit = (learner: string) =>
      settle(queue.gradeViaQueue({ exercise: "adam", code: adam, learner, signal: controller.signal }));
    // "looper" has ~5 s of recent grading time: it is ordered behind the fresh learners.
    const looper = submit("looper");
    const fresh = Array.from({ length: room - 1 }, (_, i) => submit(`fresh-${i}`));
    for (let i = 0; i < 100 && (await queue.queuedLearnerPosition("looper")).state === "none"; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (let i = 0; i < 100; i++) {
      const position = await queue.queuedLearnerPosition("looper");
      if (position.state === "waiting" && position.ahead === room - 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await queue.queuedLearnerPosition("looper")).toEqual({ state: "waiting", ahead: room - 1 });
    // Full: a fresh learner takes the looper's place, the looper hears "busy".
    const newcomer = submit("newcomer");
    expect(await looper).toBe("busy");
    // Full again, of equally fresh learners: the next one is refused.
    expect(
      await queue.gradeViaQueue({ exercise: "adam", code: adam, learner: "late", signal: controller.signal }),
    ).toMatchObject({ verdict: "busy", message: TEXTS.busy });
    controller.abort();
    expect(await Promise.all([...fresh, newcomer])).toEqual(Array(room).fill("AbortError"));
  }, 60_000);
});
