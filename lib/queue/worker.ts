import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import { Worker } from "bullmq";
import { readGraderSettings } from "../env-shared";
import type { Cost } from "../grader/policy";
import { graderProcesses, gradeSubmissionWithCost, stopGraderProcesses } from "../grader/pool";
import type { GradeResult } from "../grader/result";
import { toJobInput } from "../grader/transport";
import { createRedis } from "../redis/client";
import { getPythonSandboxStatus } from "../sandbox/python";
import { announceCapacity, CAPACITY_RENEW_MS, type WorkerPython, withdrawCapacity } from "./capacity";
import {
  GRADING_QUEUE,
  type GradingJobData,
  LOCK_MS,
  MAX_STALLED,
  readQueueSettings,
  STALLED_CHECK_MS,
} from "./settings";

// A grader worker: takes grading jobs from the queue and grades each in the same isolated-vm
// grader processes as the in-process pool (lib/grader/pool.ts: same sandbox, limits and
// restarts), GRADER_PROCESSES at a time. Each answer carries what the job cost (policy.jobCost:
// time held, crashes, retired processes) for the web server to charge its learner; the worker
// announces its processes so that web servers size the waiting room (./capacity.ts). One JSON line
// per job on stdout; GRADER_WORKER_PORT serves its health.

export type WorkerHandle = {
  name: string;
  /** The health server's port, or null without one. */
  port: number | null;
  stats: () => WorkerStats;
  close: () => Promise<void>;
};

type WorkerStats = {
  ok: boolean;
  name: string;
  redis: string;
  concurrency: number;
  running: number;
  completed: number;
  failed: number;
  processes: number;
  /** Whether this worker's machine can run Python's sandbox (bubblewrap, NumPy, the filter). */
  python: WorkerPython;
  startedAt: string;
};

export async function startGraderWorker(
  options: { log?: (line: string) => void } = {},
): Promise<WorkerHandle> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { redisUrl, workerPort } = readQueueSettings();
  if (!redisUrl) throw new Error("REDIS_URL is not set: grader workers take their jobs from a Redis queue.");
  // The pool's reserved "quiet" process orders one server's learners; a worker's jobs are
  // anonymous and taken in order, so all its processes are general ones.
  process.env.GRADER_QUIET_PROCESSES = "0";
  const concurrency = readGraderSettings().processes;
  const name = `${hostname()}:${process.pid}`;
  const connection = createRedis(redisUrl, `descent-worker-${name}`);
  connection.on("error", () => {});
  let running = 0;
  let completed = 0;
  let failed = 0;
  const startedAt = new Date().toISOString();
  // Checked once: a worker's machine does not gain or lose bubblewrap while it runs.
  const sandbox = getPythonSandboxStatus();
  const python: WorkerPython = sandbox.available
    ? { available: true }
    : { available: false, reason: sandbox.reason };

  const worker = new Worker<GradingJobData, GradeResult & { cost: Cost }>(
    GRADING_QUEUE,
    async (job) => {
      running += 1;
      const started = Date.now();
      try {
        // Anonymous to the pool: the one-job rule and limits were applied by the web server.
        const { result, cost } = await gradeSubmissionWithCost(toJobInput(job.data));
        completed += 1;
        log(
          JSON.stringify({
            at: new Date().toISOString(),
            worker: name,
            job: job.id,
            exercise: job.data.exercise,
            verdict: result.verdict,
            ms: Date.now() - started,
            waitedMs: started - job.timestamp,
            attempt: job.attemptsStarted,
            stalled: job.stalledCounter,
          }),
        );
        // The cost rides beside the result; the web server's parse of the result drops it.
        return { ...result, cost };
      } catch (error) {
        failed += 1;
        log(
          JSON.stringify({
            at: new Date().toISOString(),
            worker: name,
            job: job.id,
            exercise: job.data.exercise,
            error: error instanceof Error ? error.message : String(error),
            ms: Date.now() - started,
          }),
        );
        throw error;
      } finally {
        running -= 1;
      }
    },
    {
      connection,
      name,
      concurrency,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: MAX_STALLED,
    },
  );
  worker.on("error", () => {});

  const stats = (): WorkerStats => ({
    ok: worker.isRunning() && connection.status === "ready",
    name,
    redis: connection.status,
    concurrency,
    running,
    completed,
    failed,
    processes: graderProcesses().length,
    python,
    startedAt,
  });

  let server: Server | null = null;
  let port: number | null = null;
  if (workerPort !== null) {
    server = createServer((_request, response) => {
      const body = stats();
      response.writeHead(body.ok ? 200 : 503, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server?.listen(workerPort, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : null;
  }
  await worker.waitUntilReady();
  const announce = () => announceCapacity(connection, name, concurrency, python).catch(() => {});
  await announce();
  const renewal = setInterval(announce, CAPACITY_RENEW_MS);
  renewal.unref();
  log(JSON.stringify({ at: startedAt, worker: name, started: true, concurrency, port, python }));

  return {
    name,
    port,
    stats,
    close: async () => {
      clearInterval(renewal);
      await withdrawCapacity(connection, name).catch(() => {});
      await worker.close();
      stopGraderProcesses();
      connection.disconnect();
      server?.close();
    },
  };
}
