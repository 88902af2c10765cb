// `npm run grader:worker`: a grader worker taking jobs from the queue at REDIS_URL (see
// docs/deploy.md). GRADER_PROCESSES jobs at a time; GRADER_WORKER_PORT serves its health as JSON.
// SIGTERM/SIGINT: finishes the jobs it holds, then exits (after 60 s at most, e.g. when Redis is
// gone; a job it did not finish is taken again by another worker once its lock runs out).
import { startGraderWorker } from "../lib/queue/worker";

const worker = await startGraderWorker();
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 60_000).unref();
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
