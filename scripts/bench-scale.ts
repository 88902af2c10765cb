// npm run bench:scale — the grading queue against the in-process pool, on a throwaway
// Redis (scripts/redis.mjs): added latency per submission, throughput and p50/p95 latency with
// 1 and 2 grader workers (one grader process each, GRADER_PROCESSES=1), and recovery time after
// a worker is killed with SIGKILL mid-job. Figures: docs/benchmarks.md.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import { Job, Queue } from "bullmq";
import { Redis } from "ioredis";
import { gradeSubmission, stopGraderProcesses } from "../lib/grader/pool";
import { GRADING_QUEUE } from "../lib/queue/settings";
import { startRedis } from "./redis.mjs";

const code = await readFile("content/exercises/adam/solution.ts", "utf8");
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 30);
const BURST = Number(process.env.BENCH_BURST ?? 24);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

process.env.GRADER_PROCESSES = "1";
process.env.GRADER_QUIET_PROCESSES = "0";
const redis = await startRedis({ log: () => {} });
const workers: Array<{ child: ChildProcess; port: number; name: string }> = [];

async function startWorker(): Promise<{ child: ChildProcess; port: number; name: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/grader-worker.ts"], {
    env: { ...process.env, REDIS_URL: redis.url, GRADER_PROCESSES: "1", GRADER_WORKER_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const started = await new Promise<{ port: number; worker: string }>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk) => {
      buffer += chunk;
      for (const line of buffer.split("\n"))
        if (line.includes('"started":true')) resolve(JSON.parse(line) as { port: number; worker: string });
    });
    child.on("exit", () => reject(new Error("worker exited before starting")));
  });
  const worker = { child, port: started.port, name: started.worker };
  workers.push(worker);
  return worker;
}

async function workerRunning(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return ((await response.json()) as { running: number }).running;
}

try {
  console.log(
    `machine: ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg()[0]?.toFixed(2)}, node ${process.version}`,
  );

  // 1. The in-process pool (one grader process, in this process) against the queue (this process
  // as the web server, one worker with one grader process), alternating submission by submission
  // so that both see the same load on a shared machine.
  const local = async () => {
    const start = performance.now();
    const result = await gradeSubmission({ exercise: "adam", code });
    if (result.verdict !== "passed") throw new Error(`pool: ${result.verdict} ${result.message}`);
    return performance.now() - start;
  };
  process.env.REDIS_URL = redis.url;
  const { gradeViaQueue } = await import("../lib/queue/grading-client.server");
  const queue = new Queue(GRADING_QUEUE, { connection: { url: redis.url } });
  const viaQueue = async () => {
    const id = crypto.randomUUID();
    const start = performance.now();
    const result = await gradeViaQueue({ exercise: "adam", code, id });
    const total = performance.now() - start;
    if (result.verdict !== "passed") throw new Error(`queue: ${result.verdict} ${result.message}`);
    const job = await Job.fromId(queue, id);
    const grading = (job?.finishedOn ?? 0) - (job?.processedOn ?? 0);
    return { total, overhead: total - grading, end: Date.now() };
  };
  // What one message between processes costs on this machine right now (the queue adds about
  // five: add, the worker's wake-up and moveToActive, moveToFinished, the completion event).
  const probe = new Redis(redis.url);
  const pings: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await probe.ping();
    pings.push(performance.now() - start);
  }
  probe.disconnect();
  await startWorker();
  for (let i = 0; i < 3; i++) {
    await local();
    await viaQueue();
  }
  const pool: number[] = [];
  const queued: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    pool.push(await local());
    const { total, overhead: o } = await viaQueue();
    queued.push(total);
    overhead.push(o);
  }
  stopGraderProcesses();
  console.log(
    `Redis PING round trip (200): p50 ${fmt(percentile(pings, 0.5))}, p95 ${fmt(percentile(pings, 0.95))}`,
  );
  console.log(`\nsequential, ${SEQUENTIAL} correct Adam submissions, one grader process:`);
  console.log(`  in-process pool: p50 ${fmt(percentile(pool, 0.5))}, p95 ${fmt(percentile(pool, 0.95))}`);
  console.log(`  queue, 1 worker: p50 ${fmt(percentile(queued, 0.5))}, p95 ${fmt(percentile(queued, 0.95))}`);
  console.log(
    `  added by the queue: p50 ${fmt(percentile(queued, 0.5) - percentile(pool, 0.5))} (difference of medians); ` +
      `per job, round trip minus the worker's grading time: p50 ${fmt(percentile(overhead, 0.5))}, p95 ${fmt(percentile(overhead, 0.95))}`,
  );

  // 3. Throughput: BURST submissions at once, with 1 then 2 workers.
  const burst = async (label: string) => {
    const start = performance.now();
    const latencies = await Promise.all(Array.from({ length: BURST }, async () => (await viaQueue()).total));
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `  ${label}: ${(BURST / seconds).toFixed(2)} submissions/s, latency p50 ${fmt(percentile(latencies, 0.5))}, p95 ${fmt(percentile(latencies, 0.95))}`,
    );
    return BURST / seconds;
  };
  console.log(`\nthroughput, ${BURST} submissions at once (one grader process per worker):`);
  const oneWorker = await burst("1 worker ");
  const second = await startWorker();
  for (let i = 0; i < 2; i++) await Promise.all([viaQueue(), viaQueue()]); // warm the new worker
  const twoWorkers = await burst("2 workers");
  console.log(
    `  2 workers ÷ 1 worker: ${(twoWorkers / oneWorker).toFixed(2)}× throughput (this machine has ${os.cpus().length} cores for the graders, Redis and this process)`,
  );

  // 4. Recovery: SIGKILL a worker while it grades; time until its job is answered by the other.
  const recoveries: number[] = [];
  for (let round = 0; round < 3; round++) {
    const victim = workers.at(-1);
    if (!victim) break;
    const pending = Array.from({ length: 4 }, () => viaQueue());
    while ((await workerRunning(victim.port).catch(() => 0)) === 0) await sleep(20);
    const killedAt = Date.now();
    victim.child.kill("SIGKILL");
    workers.splice(workers.indexOf(victim), 1);
    const answers = await Promise.all(pending);
    recoveries.push(Math.max(...answers.map((a) => a.end)) - killedAt);
    await startWorker();
    await sleep(500);
  }
  console.log(
    `\nrecovery after SIGKILL of a worker mid-job (4 submissions in flight, 3 rounds): last answer ${recoveries
      .map((ms) => `${(ms / 1000).toFixed(1)} s`)
      .join(", ")} after the kill`,
  );
  void second;
  await queue.close();
} finally {
  // Workers first, while Redis is still there for them to finish against.
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve(null);
          worker.child.once("exit", resolve);
          worker.child.kill("SIGTERM");
          setTimeout(() => worker.child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
  await redis.stop();
  stopGraderProcesses();
}
process.exit(0);
